package dev.hagfish.values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteOrder;

/**
 * {@code FloatText} prints floating-point values as gdb does: C's {@code %.Ng} with N the
 * digits that tell every value of the format apart (9 for {@code float}, 17 for {@code double},
 * 21 for the x87 80-bit {@code long double}), computed exactly from the binary value; infinities
 * as {@code inf}, NaNs as {@code nan(0xMANTISSA)}, each with a {@code -} when negative.
 */
final class FloatText {
    /** Digits of {@code %g} for IEEE single. */
    static final int FLOAT_DIGITS = 9;
    /** Digits for IEEE double. */
    static final int DOUBLE_DIGITS = 17;
    /** Digits for the x87 extended format (64-bit significand). */
    static final int X87_DIGITS = 21;

    private FloatText() {}

    /** Prints a value of 4, 8 or 16 (x87 in the first 10) bytes in the target's byte order. */
    static String format(byte[] raw, ByteOrder order) {
        if (raw.length == 4) {
            int bits = (int) Value.decode(raw, 0, 4, order);
            float f = Float.intBitsToFloat(bits);
            if (Float.isNaN(f)) {
                return (bits < 0 ? "-" : "") + "nan(0x" + Integer.toHexString(bits & 0x7fffff) + ")";
            }
            return Float.isInfinite(f) ? (f < 0 ? "-inf" : "inf") : g(exact(f), FLOAT_DIGITS, isNegativeZero(f));
        } else if (raw.length == 8) {
            long bits = Value.decode(raw, 0, 8, order);
            double d = Double.longBitsToDouble(bits);
            if (Double.isNaN(d)) {
                return (bits < 0 ? "-" : "") + "nan(0x" + Long.toHexString(bits & 0xfffffffffffffL) + ")";
            }
            return Double.isInfinite(d) ? (d < 0 ? "-inf" : "inf")
                    : g(new BigDecimal(d), DOUBLE_DIGITS, d == 0 && bits < 0);
        } else if (raw.length >= 10) {
            long mantissa = Value.decode(raw, order == ByteOrder.LITTLE_ENDIAN ? 0 : raw.length - 8, 8, order);
            int se = (int) Value.decode(raw, order == ByteOrder.LITTLE_ENDIAN ? 8 : raw.length - 10, 2, order);
            boolean negative = (se & 0x8000) != 0;
            if ((se & 0x7fff) == 0x7fff) {
                boolean inf = (mantissa & 0x7fffffffffffffffL) == 0;
                return (negative ? "-" : "") + (inf ? "inf" : "nan(0x" + Long.toHexString(mantissa) + ")");
            }
            return g(x87(raw, order), X87_DIGITS, negative && mantissa == 0);
        }
        return "<invalid float value>";
    }

    private static boolean isNegativeZero(float f) {
        return f == 0 && Float.floatToRawIntBits(f) < 0;
    }

    private static BigDecimal exact(float f) {
        return new BigDecimal((double) f);
    }

    /** Returns the exact value of an x87 extended-precision number (finite; special values give 0). */
    static BigDecimal x87(byte[] raw, ByteOrder order) {
        long mantissa = Value.decode(raw, order == ByteOrder.LITTLE_ENDIAN ? 0 : raw.length - 8, 8, order);
        int se = (int) Value.decode(raw, order == ByteOrder.LITTLE_ENDIAN ? 8 : raw.length - 10, 2, order);
        int exponent = se & 0x7fff;
        if (exponent == 0x7fff || mantissa == 0) {
            return BigDecimal.ZERO;
        }
        BigInteger m = new BigInteger(Long.toUnsignedString(mantissa));
        int power = (exponent == 0 ? 1 : exponent) - 16383 - 63;
        BigDecimal v = power >= 0 ? new BigDecimal(m.shiftLeft(power))
                : new BigDecimal(m.multiply(BigInteger.valueOf(5).pow(-power)), -power);
        return (se & 0x8000) != 0 ? v.negate() : v;
    }

    /** C's {@code %.<digits>g} of an exact value. */
    static String g(BigDecimal value, int digits, boolean negativeZero) {
        if (value.signum() == 0) {
            return negativeZero ? "-0" : "0";
        }
        BigDecimal r = value.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int exponent = r.precision() - r.scale() - 1;
        if (exponent < -4 || exponent >= digits) {
            String d = r.unscaledValue().abs().toString().replaceFirst("0+$", "");
            String mantissa = d.length() > 1 ? d.charAt(0) + "." + d.substring(1) : d;
            int e = Math.abs(exponent);
            return (r.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
        }
        return r.stripTrailingZeros().toPlainString();
    }
}
