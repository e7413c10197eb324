package dev.hagfish.values;

import dev.hagfish.types.Type;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * {@code PrintFormat} is the output format letter of gdb's {@code print/FMT}: every scalar of the
 * value (each member and element of an aggregate) prints in it, as gdb 13 does.
 * <ul>
 *   <li>{@code x}, {@code z}, {@code o}, {@code t}, {@code d}, {@code u}: the scalar's bits at the
 *       size of its type, in hex, zero-padded hex, octal (with a leading {@code 0}), binary,
 *       signed or unsigned decimal; a floating-point value's own bits (so {@code 1.5} is
 *       {@code 0x3ff8000000000000}), a bit-field's value extended to its declared type's size
 *       (a signed {@code int a:3} holding -1 is {@code 0xffffffff});
 *   <li>{@code c}: the value's low byte as a character, {@code 65 'A'}, signed when the type is;
 *   <li>{@code a}: the value as an address, {@code 0x… <symbol+offset>}, a signed value sign-extended;
 *   <li>{@code f}: a 4- or 8-byte integer's, enum's or pointer's bits read as a float or double;
 *       other integers and booleans in decimal; floating-point values as usual.
 * </ul>
 * {@code s} and {@code r} ask for gdb's default output, as they do for anything but strings.
 * Character arrays print as arrays under a format, each element formatted; the top-level
 * {@code (type *)} before a pointer is left out.
 */
public enum PrintFormat {
    /** Hexadecimal. */
    HEX('x'),
    /** Zero-padded hexadecimal. */
    ZERO_HEX('z'),
    /** Octal. */
    OCTAL('o'),
    /** Binary. */
    BINARY('t'),
    /** Signed decimal. */
    DECIMAL('d'),
    /** Unsigned decimal. */
    UNSIGNED('u'),
    /** A character. */
    CHAR('c'),
    /** An address. */
    ADDRESS('a'),
    /** A floating-point number. */
    FLOAT('f');

    private final char letter;

    PrintFormat(char letter) {
        this.letter = letter;
    }

    /** The letter, as gdb spells it. */
    public char letter() {
        return letter;
    }

    /**
     * Parses a format letter: one of {@code xzotducaf}, or {@code s} or {@code r} for the default
     * (empty).
     *
     * @throws IllegalArgumentException naming the letters if it is none of them
     */
    public static Optional<PrintFormat> of(String text) {
        if (text.length() == 1) {
            char c = text.charAt(0);
            if (c == 's' || c == 'r') {
                return Optional.empty();
            }
            for (PrintFormat f : values()) {
                if (f.letter == c) {
                    return Optional.of(f);
                }
            }
        }
        throw new IllegalArgumentException("unknown print format " + text
                + " (one of x z o t d u c a f, or s and r for the default)");
    }

    /**
     * Formats one scalar value: an integer, character, boolean, enum, pointer or floating-point
     * value (a bit-field too).
     *
     * @param v the value
     * @param scope the value's scope
     * @param symbol for {@code a}, what {@link #address} of the value points into (else ignored)
     */
    String scalar(Value v, Scope scope, Optional<SymbolRef> symbol) throws IOException {
        Type t = v.resolved();
        boolean isFloat = t instanceof Type.Base b && b.encoding() == Type.Encoding.FLOAT;
        int size = (int) Math.max(1, v.size());
        boolean signed = !v.isUnsigned();
        return switch (this) {
            case HEX -> "0x" + bits(v, isFloat, size).toString(16);
            case ZERO_HEX -> "0x" + pad(bits(v, isFloat, size).toString(16), 2 * size);
            case OCTAL -> {
                BigInteger b = bits(v, isFloat, size);
                yield b.signum() == 0 ? "0" : "0" + b.toString(8);
            }
            case BINARY -> bits(v, isFloat, size).toString(2);
            case UNSIGNED -> bits(v, isFloat, size).toString();
            case DECIMAL -> {
                BigInteger b = bits(v, isFloat, size);
                yield (b.testBit(8 * size - 1) ? b.subtract(BigInteger.ONE.shiftLeft(8 * size)) : b).toString();
            }
            case CHAR -> {
                long n = isFloat ? (long) v.asDouble() : v.asLong();
                int low = (int) (n & 0xff);
                yield ((signed || isFloat) ? Integer.toString((byte) low) : Integer.toString(low)) + " "
                        + CharText.quoted(low);
            }
            case ADDRESS -> "0x" + Long.toHexString(address(v)) + symbol.map(r -> " <" + r.text() + ">").orElse("");
            case FLOAT -> {
                if (isFloat) {
                    yield FloatText.format(v.bytes(), scope.memory().order());
                }
                boolean bool = t instanceof Type.Base b2 && b2.encoding() == Type.Encoding.BOOLEAN;
                if (!bool && (size == 4 || size == 8)) {
                    yield FloatText.format(raw(bits(v, false, size), size, scope.memory().order()), scope.memory().order());
                }
                long n = v.asLong();
                yield signed ? Long.toString(n) : Long.toUnsignedString(n);
            }
        };
    }

    /** The address {@code a} shows for a scalar: its value, a signed one sign-extended, a floating-point one truncated. */
    static long address(Value v) throws IOException {
        return v.resolved() instanceof Type.Base b && b.encoding() == Type.Encoding.FLOAT ? (long) v.asDouble() : v.asLong();
    }

    /**
     * The scalar's bits as an unsigned number of {@code size} bytes: a floating-point value's raw
     * bytes, else the value (sign- or zero-extended by its type, a bit-field's extracted) cut to
     * the size; integers wider than 8 bytes from their bytes.
     */
    private static BigInteger bits(Value v, boolean isFloat, int size) throws IOException {
        if (isFloat || (size > 8 && !v.isBitField())) {
            byte[] raw = v.bytes();
            byte[] big = new byte[raw.length + 1]; // a leading zero keeps it unsigned
            for (int i = 0; i < raw.length; i++) {
                big[raw.length - i] = v.scope().memory().order() == ByteOrder.LITTLE_ENDIAN ? raw[i] : raw[raw.length - 1 - i];
            }
            return new BigInteger(big);
        }
        BigInteger n = new BigInteger(Long.toUnsignedString(v.asLong()));
        return size >= 8 ? n : n.and(BigInteger.ONE.shiftLeft(8 * size).subtract(BigInteger.ONE));
    }

    /** The low {@code size} bytes of a number, in memory order. */
    private static byte[] raw(BigInteger n, int size, ByteOrder order) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            byte b = n.shiftRight(8 * i).byteValue();
            out[order == ByteOrder.LITTLE_ENDIAN ? i : size - 1 - i] = b;
        }
        return out;
    }

    private static String pad(String hex, int digits) {
        return hex.length() >= digits ? hex : "0".repeat(digits - hex.length()) + hex;
    }
}
