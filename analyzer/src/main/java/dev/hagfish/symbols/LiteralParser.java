package dev.hagfish.symbols;

/**
 * A {@code LiteralParser} parses {@code <expr-primary>} (Itanium C++ ABI §5.1.7) for an
 * {@link ItaniumParser}: integer, boolean, {@code nullptr}, string and floating-point literals,
 * external names ({@code L_Z...E}) and lambdas used as values.
 *
 * <p>Floating-point literals are {@code f}, {@code d} or {@code e} followed by the value's bytes
 * in hexadecimal, most significant first (IEEE binary32, binary64, and the x87 80-bit extended
 * format that {@code long double} has on x86). Their text matches what llvm-cxxfilt prints
 * through the C library's {@code %a} format on x86-64 Linux: {@code 0x1.921fb6p+1f},
 * {@code 0x1p+0}, {@code 0xc.90fdaa22168c235p-2L}, {@code -inf}, {@code nanf}.
 *
 * <p>Not thread-safe: one per parser.
 */
final class LiteralParser {
    private final ItaniumParser p;
    private final Cursor c;

    LiteralParser(ItaniumParser p) {
        this.p = p;
        this.c = p.c;
    }

    /** {@code <expr-primary>}: {@code L <type> <value> E}, {@code L _Z <encoding> E}… */
    Node primary() throws DemangleException {
        c.expect('L');
        char ch = c.peek();
        Node result;
        if (ch == 'b') {
            c.next();
            if (c.consume("0E")) {
                return new NameNodes.Text("false");
            }
            if (c.consume("1E")) {
                return new NameNodes.Text("true");
            }
            throw new DemangleException("bad bool literal");
        } else if (ch == 'f' || ch == 'd' || ch == 'e') {
            c.next();
            result = new NameNodes.Text(floating(ch));
        } else if (c.consume("_Z")) {
            result = p.encoding();
        } else if (c.consume("Ul")) {
            result = new ExprNodes.LambdaExpr((LambdaNodes.Closure) p.templates.closure(p));
        } else if (ch == 'D') {
            c.expect('D');
            c.expect('n');
            c.consume('0');
            result = new NameNodes.Text("nullptr");
        } else if (ch == 'A') {
            result = new ExprNodes.StringLiteral(p.types.type());
        } else if (ch == 'T' || ch == 'U') {
            throw new DemangleException("bad literal at " + c.pos());
        } else {
            result = integer(ch);
        }
        c.expect('E');
        return result;
    }

    private Node integer(char ch) throws DemangleException {
        String suffix = integerSuffix(ch);
        if (suffix != null) {
            c.next();
            return new ExprNodes.IntLiteral(null, suffix, c.number(true));
        }
        Node type = p.types.type();
        return new ExprNodes.IntLiteral(type, "", c.number(true));
    }

    private static String integerSuffix(char ch) {
        switch (ch) {
            case 'i': return "";
            case 'j': return "u";
            case 'l': return "l";
            case 'm': return "ul";
            case 'x': return "ll";
            case 'y': return "ull";
            default: return null;
        }
    }

    /**
     * Consumes the hex digits of a floating-point literal of kind {@code f}, {@code d} or
     * {@code e} (its letter already consumed) and returns its text. Exactly 8, 16 or 20
     * lower-case hex digits must follow, then {@code E}, which is left for the caller.
     */
    private String floating(char kind) throws DemangleException {
        int digits = kind == 'f' ? 8 : kind == 'd' ? 16 : 20;
        StringBuilder hex = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            char h = c.next();
            if (!Cursor.isDigit(h) && (h < 'a' || h > 'f')) {
                throw new DemangleException("bad hex digit in float literal");
            }
            hex.append(h);
        }
        if (c.peek() != 'E') {
            throw new DemangleException("float literal of the wrong length");
        }
        String s = hex.toString();
        switch (kind) {
            case 'f':
                return binary32(Integer.parseUnsignedInt(s, 16)) + "f";
            case 'd':
                return binary64(Long.parseUnsignedLong(s, 16));
            default:
                return x87(Integer.parseInt(s.substring(0, 4), 16),
                        Long.parseUnsignedLong(s.substring(4), 16)) + "L";
        }
    }

    private static String binary32(int bits) {
        String sign = bits < 0 ? "-" : "";
        if (((bits >>> 23) & 0xff) == 0xff) {
            return sign + ((bits & 0x7fffff) == 0 ? "inf" : "nan");
        }
        return binary64(Double.doubleToRawLongBits(Float.intBitsToFloat(bits)));
    }

    private static String binary64(long bits) {
        String sign = bits < 0 ? "-" : "";
        int exp = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0x7ff) {
            return sign + (mant == 0 ? "inf" : "nan");
        }
        if (exp == 0 && mant == 0) {
            return sign + "0x0p+0";
        }
        if (exp == 0) {
            return sign + "0x0." + fraction(mant, 13) + "p-1022";
        }
        String frac = mant == 0 ? "" : "." + fraction(mant, 13);
        return sign + "0x1" + frac + "p" + exponent(exp - 1023);
    }

    /** {@code signExp}: sign bit and 15-bit exponent; {@code mant}: 64 bits, integer bit first. */
    private static String x87(int signExp, long mant) {
        String sign = (signExp & 0x8000) != 0 ? "-" : "";
        int exp = signExp & 0x7fff;
        if (exp == 0x7fff) {
            return sign + (mant == Long.MIN_VALUE ? "inf" : "nan");
        }
        if (exp != 0 && mant >= 0) {
            return sign + "nan";
        }
        if (exp == 0 && mant == 0) {
            return sign + "0x0p+0";
        }
        long lead = mant >>> 60;
        long rest = mant & ((1L << 60) - 1);
        String frac = rest == 0 ? "" : "." + fraction(rest, 15);
        int e = exp == 0 ? -16385 : exp - 16386;
        return sign + "0x" + Long.toHexString(lead) + frac + "p" + exponent(e);
    }

    /** Returns {@code value} as {@code digits} hex digits with trailing zeros removed. */
    private static String fraction(long value, int digits) {
        StringBuilder s = new StringBuilder(Long.toHexString(value));
        while (s.length() < digits) {
            s.insert(0, '0');
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String exponent(int e) {
        return e >= 0 ? "+" + e : Integer.toString(e);
    }
}
