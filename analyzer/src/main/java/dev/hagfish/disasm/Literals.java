package dev.hagfish.disasm;

/**
 * {@code Literals} parses and prints the numbers of Capstone's operand text: {@code 0x…} hex or
 * decimal, unsigned 64-bit, with an optional leading minus.
 */
final class Literals {
    private Literals() {}

    /** Parses {@code 0x…} hex or decimal, with an optional leading {@code -}; wraps modulo 2^64. */
    static long parse(String number) {
        if (number.startsWith("-")) {
            return -parse(number.substring(1));
        }
        return number.startsWith("0x") ? Long.parseUnsignedLong(number.substring(2), 16)
                : Long.parseUnsignedLong(number);
    }

    /**
     * Prints {@code value}, taken as a two's-complement number of {@code width} bits (32 or 64),
     * as signed hex: {@code 0x4000}, {@code -0x1}.
     */
    static String signedHex(long value, int width) {
        long v = width == 64 ? value : (long) (int) value;
        return v < 0 ? "-0x" + Long.toHexString(-v) : "0x" + Long.toHexString(v);
    }
}
