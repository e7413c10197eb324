package dev.hagfish.values;

/**
 * A {@code Token} is one lexeme of an expression.
 *
 * @param kind what it is
 * @param text its text (for a character literal, the character's value in decimal)
 * @param column its 1-based column
 */
record Token(Kind kind, String text, int column) {
    /** Token kinds. */
    enum Kind {
        /** A name or keyword. */
        IDENT,
        /** An integer literal. */
        INTEGER,
        /** A floating-point literal. */
        FLOAT,
        /** A character literal. */
        CHAR,
        /** An operator or punctuator. */
        PUNCT,
        /** The end. */
        END
    }

    /** Tells whether this is the punctuator {@code p}. */
    boolean is(String p) {
        return kind == Kind.PUNCT && text.equals(p);
    }

    /** Tells whether this is the name or keyword {@code w}. */
    boolean isWord(String w) {
        return kind == Kind.IDENT && text.equals(w);
    }

    /** Describes the token for messages: {@code '->'}, {@code end of expression}. */
    String describe() {
        return kind == Kind.END ? "end of expression" : "'" + text + "'";
    }
}
