package dev.hagfish.values;

import java.math.BigInteger;
import java.util.Locale;

/**
 * {@code IntegerLiteral} reads a C integer constant and gives it C's type (C11 6.4.4.1): the
 * first of {@code int}, {@code long}, {@code long long} (decimal) or of {@code int},
 * {@code unsigned int}, {@code long}, {@code unsigned long}, ... (hex and octal) that holds it,
 * narrowed by the {@code u}, {@code l} and {@code ll} suffixes; a decimal too large for any
 * signed type is {@code unsigned long}, as gdb allows, so that kernel addresses can be written
 * in decimal.
 */
final class IntegerLiteral {
    private IntegerLiteral() {}

    static Node.IntLiteral parse(Token t, long pointerSize) throws ExprException {
        String s = t.text().toLowerCase(Locale.ROOT);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == 'u' || s.charAt(end - 1) == 'l')) {
            end--;
        }
        String suffix = s.substring(end);
        String digits = s.substring(0, end);
        boolean unsigned = suffix.contains("u");
        int longs = suffix.length() - suffix.replace("l", "").length();
        if (suffix.length() - (unsigned ? 1 : 0) != longs || longs > 2 || suffix.indexOf('u') != suffix.lastIndexOf('u')
                || longs == 2 && !suffix.contains("ll")) {
            throw bad(t, "invalid suffix on integer constant '" + t.text() + "'");
        }
        int radix = 10;
        if (digits.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        BigInteger v;
        try {
            v = new BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            throw bad(t, "invalid number '" + t.text() + "'");
        }
        if (v.bitLength() > 64) {
            throw bad(t, "integer constant '" + t.text() + "' is too large for 64 bits");
        }
        return new Node.IntLiteral(t.column(), v.longValue(), type(v, radix != 10, unsigned, longs, pointerSize));
    }

    private static BaseSpelling type(BigInteger v, boolean hexOrOctal, boolean unsigned, int longs, long pointerSize) {
        BaseSpelling[] order = longs == 0 ? new BaseSpelling[] {BaseSpelling.INT, BaseSpelling.UNSIGNED_INT,
            BaseSpelling.LONG, BaseSpelling.UNSIGNED_LONG, BaseSpelling.LONG_LONG, BaseSpelling.UNSIGNED_LONG_LONG}
                : longs == 1 ? new BaseSpelling[] {BaseSpelling.LONG, BaseSpelling.UNSIGNED_LONG, BaseSpelling.LONG_LONG,
                    BaseSpelling.UNSIGNED_LONG_LONG}
                        : new BaseSpelling[] {BaseSpelling.LONG_LONG, BaseSpelling.UNSIGNED_LONG_LONG};
        for (BaseSpelling b : order) {
            boolean isUnsigned = b.encoding() == dev.hagfish.types.Type.Encoding.UNSIGNED;
            if (isUnsigned != unsigned && (unsigned || !hexOrOctal)) {
                continue;
            }
            int bits = (int) b.size(pointerSize) * 8 - (isUnsigned ? 0 : 1);
            if (v.bitLength() <= bits) {
                return b;
            }
        }
        return pointerSize >= 8 ? BaseSpelling.UNSIGNED_LONG : BaseSpelling.UNSIGNED_LONG_LONG;
    }

    private static ExprException bad(Token t, String reason) {
        return new ExprException(t.column(), ExprException.Kind.SYNTAX, reason);
    }
}
