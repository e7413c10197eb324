package dev.hagfish.values;

/**
 * An {@code ExprException} is an expression that cannot be parsed or evaluated: it names the
 * column (1-based, in characters of the expression) and the reason, e.g. {@code column 10: no
 * member named 'p_foo' in struct proc}. Memory that cannot be read is not this exception but a
 * {@link dev.hagfish.memory.MemoryFaultException}.
 */
public final class ExprException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the expression failed. */
    public enum Kind {
        /** It does not parse. */
        SYNTAX,
        /** It names a symbol, member or type that does not exist. */
        NOT_FOUND,
        /** Its operands have the wrong types for an operator. */
        TYPE
    }

    private final int column;
    private final Kind kind;
    private final String reason;

    /** Creates an exception at a 1-based column. */
    public ExprException(int column, Kind kind, String reason) {
        super("column " + column + ": " + reason);
        this.column = column;
        this.kind = kind;
        this.reason = reason;
    }

    /** Returns the 1-based column. */
    public int column() {
        return column;
    }

    /** Returns the kind of failure. */
    public Kind kind() {
        return kind;
    }

    /** Returns the reason, without the column. */
    public String reason() {
        return reason;
    }
}
