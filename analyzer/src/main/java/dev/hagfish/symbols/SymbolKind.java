package dev.hagfish.symbols;

/** A {@code SymbolKind} says what a symbol names. It is a set hagfish owns. */
public enum SymbolKind {
    /** Code: a symbol in an executable section. */
    FUNCTION,
    /** Data: a symbol in any other section. */
    DATA,
    /** An absolute value ({@code N_ABS}). */
    ABSOLUTE,
    /** An undefined reference ({@code N_UNDF}). */
    UNDEFINED,
    /** A common symbol (undefined with a size). */
    COMMON,
    /** An indirect symbol ({@code N_INDR}). */
    INDIRECT
}
