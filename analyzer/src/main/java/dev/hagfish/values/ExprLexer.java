package dev.hagfish.values;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ExprLexer} splits an expression into {@link Token}s: names, integer literals (decimal,
 * {@code 0x} hex, {@code 0} octal, {@code u}/{@code l}/{@code ll} suffixes in any case; a
 * {@code `} or {@code _} inside a number is ignored, as lldb and the kernel debug kits write
 * long addresses), floating literals, character literals with C escapes, and C's operators.
 */
final class ExprLexer {
    private static final String[] PUNCTS = {"->", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
        "(", ")", "[", "]", ".", "*", "&", "+", "-", "~", "!", "/", "%", "<", ">", "^", "|", "?", ":", ","};

    private final String text;
    private int pos;

    private ExprLexer(String text) {
        this.text = text;
    }

    /** Splits an expression; the last token is {@link Token.Kind#END}. */
    static List<Token> tokens(String text) throws ExprException {
        return new ExprLexer(text).all();
    }

    private List<Token> all() throws ExprException {
        List<Token> out = new ArrayList<>();
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length()) {
                out.add(new Token(Token.Kind.END, "", text.length() + 1));
                return out;
            }
            out.add(next());
        }
    }

    private Token next() throws ExprException {
        int start = pos;
        char c = text.charAt(pos);
        if (Character.isLetter(c) || c == '_' || c == '$') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || text.charAt(pos) == '$' || isScope(pos))) {
                pos += isScope(pos) ? 2 : 1;
            }
            return new Token(Token.Kind.IDENT, text.substring(start, pos), start + 1);
        }
        if (Character.isDigit(c) || c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
            return number(start);
        }
        if (c == '\'') {
            return character(start);
        }
        for (String p : PUNCTS) {
            if (text.startsWith(p, pos)) {
                pos += p.length();
                return new Token(Token.Kind.PUNCT, p, start + 1);
            }
        }
        throw new ExprException(start + 1, ExprException.Kind.SYNTAX, "unexpected character '" + c + "'");
    }

    /** A C++ scope operator inside a name ({@code OSKext::sLoadedKexts}). */
    private boolean isScope(int at) {
        return text.startsWith("::", at) && at + 2 < text.length()
                && (Character.isLetter(text.charAt(at + 2)) || text.charAt(at + 2) == '_');
    }

    private Token number(int start) throws ExprException {
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '`' || text.charAt(pos) == '.'
                || (text.charAt(pos) == '+' || text.charAt(pos) == '-') && isExponent(start))) {
            pos++;
        }
        String t = text.substring(start, pos).replace("_", "").replace("`", "");
        boolean hex = t.startsWith("0x") || t.startsWith("0X");
        if (!hex && (t.contains(".") || t.contains("e") || t.contains("E"))) {
            return new Token(Token.Kind.FLOAT, t, start + 1);
        }
        return new Token(Token.Kind.INTEGER, t, start + 1);
    }

    /** Whether the last character read is the {@code e} of a decimal exponent. */
    private boolean isExponent(int start) {
        char prev = text.charAt(pos - 1);
        String sofar = text.substring(start, pos);
        return (prev == 'e' || prev == 'E') && !sofar.startsWith("0x") && !sofar.startsWith("0X");
    }

    private Token character(int start) throws ExprException {
        pos++;
        if (pos >= text.length()) {
            throw new ExprException(start + 1, ExprException.Kind.SYNTAX, "unterminated character constant");
        }
        int value;
        char c = text.charAt(pos++);
        if (c == '\\') {
            value = escape(start);
        } else {
            value = c;
        }
        if (pos >= text.length() || text.charAt(pos) != '\'') {
            throw new ExprException(start + 1, ExprException.Kind.SYNTAX, "unterminated character constant");
        }
        pos++;
        return new Token(Token.Kind.CHAR, Integer.toString(value), start + 1);
    }

    private int escape(int start) throws ExprException {
        if (pos >= text.length()) {
            throw new ExprException(start + 1, ExprException.Kind.SYNTAX, "unterminated character constant");
        }
        char e = text.charAt(pos++);
        switch (e) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'a': return 7;
            case 'b': return 8;
            case 'f': return 12;
            case 'v': return 11;
            case 'e': return 27;
            case 'x': {
                int v = 0;
                int digits = 0;
                while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0 && digits < 2) {
                    v = v * 16 + Character.digit(text.charAt(pos++), 16);
                    digits++;
                }
                if (digits == 0) {
                    throw new ExprException(start + 1, ExprException.Kind.SYNTAX, "\\x used with no following hex digits");
                }
                return v;
            }
            default:
                if (e >= '0' && e <= '7') {
                    int v = e - '0';
                    for (int i = 0; i < 2 && pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '7'; i++) {
                        v = v * 8 + (text.charAt(pos++) - '0');
                    }
                    return v & 0xff;
                }
                return e;
        }
    }
}
