package dev.hagfish.symbols;

/**
 * A {@code Cursor} walks the chars of one mangled name for the {@link ItaniumParser}. Each char
 * stands for one byte of the symbol, so the lengths in {@code <source-name>}s (Itanium C++ ABI
 * §5.1.2) count what they are meant to count.
 *
 * <p>Not thread-safe: one cursor per demangling call.
 */
final class Cursor {
    private final String text;
    private int pos;

    /**
     * Creates a cursor.
     *
     * @param text the name, one char per byte
     * @param pos the position to start at
     */
    Cursor(String text, int pos) {
        this.text = text;
        this.pos = pos;
    }

    /** Returns the char at the position, or 0 at the end. */
    char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    /** Returns the char {@code ahead} chars past the position, or 0 past the end. */
    char peek(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : 0;
    }

    /** Tells whether the text at the position starts with {@code s}. */
    boolean lookingAt(String s) {
        return text.startsWith(s, pos);
    }

    /** Returns the text from {@code start} to {@code end}. */
    String text(int start, int end) {
        return text.substring(start, end);
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    int pos() {
        return pos;
    }

    void reset(int pos) {
        this.pos = pos;
    }

    int remaining() {
        return text.length() - pos;
    }

    /** Consumes {@code c} if it is next; tells whether it was. */
    boolean consume(char c) {
        if (peek() == c && pos < text.length()) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes {@code s} if it is next; tells whether it was. */
    boolean consume(String s) {
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    /** Consumes one char, failing at the end. */
    char next() throws DemangleException {
        if (pos >= text.length()) {
            throw new DemangleException("unexpected end");
        }
        return text.charAt(pos++);
    }

    /** Consumes {@code c} or fails. */
    void expect(char c) throws DemangleException {
        if (!consume(c)) {
            throw new DemangleException("expected '" + c + "' at " + pos);
        }
    }

    /** Returns the rest of the text and moves to the end. */
    String rest() {
        String s = text.substring(pos);
        pos = text.length();
        return s;
    }

    /**
     * Consumes {@code [n] digit+} and returns it as written ({@code "n5"}, {@code "005"}); fails
     * when there is no digit.
     */
    String number(boolean allowNegative) throws DemangleException {
        int start = pos;
        if (allowNegative) {
            consume('n');
        }
        int digits = pos;
        while (isDigit(peek())) {
            pos++;
        }
        if (pos == digits) {
            throw new DemangleException("expected a number at " + digits);
        }
        return text.substring(start, pos);
    }

    /**
     * Consumes {@code [n] digit*}; returns them, or the empty string when there is no digit (an
     * {@code n} alone is consumed all the same, as llvm-cxxfilt does).
     */
    String optionalNumber() {
        int start = pos;
        consume('n');
        if (!isDigit(peek())) {
            return "";
        }
        optionalDigits();
        return text.substring(start, pos);
    }

    /** Consumes {@code digit*} and returns them, possibly empty. */
    String optionalDigits() {
        int start = pos;
        while (isDigit(peek())) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** Consumes a decimal length, failing when absent or larger than what remains. */
    int length() throws DemangleException {
        if (!isDigit(peek())) {
            throw new DemangleException("expected a length at " + pos);
        }
        long n = 0;
        while (isDigit(peek())) {
            n = n * 10 + (next() - '0');
            if (n > remaining()) {
                throw new DemangleException("length past the end");
            }
        }
        return (int) n;
    }

    /** Consumes a {@code <source-name>}: a length, then that many chars. */
    String sourceName() throws DemangleException {
        int n = length();
        if (n == 0 || n > remaining()) {
            throw new DemangleException("bad source name length");
        }
        String s = text.substring(pos, pos + n);
        pos += n;
        return s;
    }

    /**
     * Consumes a base-36 {@code <seq-id>} of digits and capitals; -1 when there is none. Values
     * past {@code Integer.MAX_VALUE} saturate there: no table is that large.
     */
    long seqId() {
        if (!isDigit(peek()) && !isUpper(peek())) {
            return -1;
        }
        long n = 0;
        while (isDigit(peek()) || isUpper(peek())) {
            char c = text.charAt(pos++);
            n = Math.min(Integer.MAX_VALUE, n * 36 + (isDigit(c) ? c - '0' : c - 'A' + 10));
        }
        return n;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }
}
