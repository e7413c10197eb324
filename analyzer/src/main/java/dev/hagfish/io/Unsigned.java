package dev.hagfish.io;

/**
 * {@code Unsigned} holds the helpers for unsigned 64-bit addresses. Kernel addresses such as
 * {@code 0xffffff8000200000} are negative as Java {@code long}s, so every comparison goes through
 * {@link Long#compareUnsigned}.
 */
public final class Unsigned {
    private Unsigned() {}

    /**
     * Parses an address written in hex ({@code 0x} prefix optional) or, with no prefix and only
     * decimal digits, in decimal when {@code allowDecimal} is set.
     *
     * @param text the text, e.g. {@code 0xffffff8000200000}
     * @return the address as an unsigned 64-bit value
     * @throws NumberFormatException if the text is not an unsigned 64-bit number
     */
    public static long parseAddress(String text) {
        String t = text.strip().replace("_", "").replace("`", "");
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        if (t.isEmpty() || t.length() > 16) {
            throw new NumberFormatException("not a 64-bit hex address: " + text);
        }
        return Long.parseUnsignedLong(t, 16);
    }

    /** Formats an address as gdb and lldb print it: {@code 0x} and 16 lower-case hex digits. */
    public static String hex(long address) {
        return appendHex(new StringBuilder(18), address).toString();
    }

    /**
     * Appends an address as {@link #hex} formats it, without a {@link java.util.Formatter} (which
     * parses its pattern on every call: most of the cost of printing a batch of addresses).
     */
    public static StringBuilder appendHex(StringBuilder out, long address) {
        out.append('0').append('x');
        for (int shift = 60; shift >= 0; shift -= 4) {
            out.append(HEX_DIGITS[(int) (address >>> shift) & 0xf]);
        }
        return out;
    }

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    /** Formats a value as {@code 0x} and the shortest lower-case hex digits. */
    public static String shortHex(long value) {
        return "0x" + Long.toHexString(value);
    }

    /**
     * Tells whether {@code address} lies in {@code [start, start + size)}. The subtraction form is
     * correct even when the range touches the top of the address space.
     */
    public static boolean inRange(long address, long start, long size) {
        return Long.compareUnsigned(address - start, size) < 0;
    }

    /** Returns the larger of two unsigned values. */
    public static long max(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    /** Returns the smaller of two unsigned values. */
    public static long min(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }
}
