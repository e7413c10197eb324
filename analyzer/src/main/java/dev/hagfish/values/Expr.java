package dev.hagfish.values;

import java.io.IOException;

/**
 * An {@code Expr} is a parsed C expression over a kernel's globals and types, as gdb's
 * {@code print} and {@code x} take them:
 * <ul>
 *   <li>globals by name ({@code allproc}, {@code kernproc}, {@code version}, {@code
 *       OSKext::sLoadedKexts}), enumerators, integer literals (decimal, {@code 0x} hex,
 *       {@code 0} octal, {@code u}/{@code l}/{@code ll} suffixes), floating and character
 *       literals;
 *   <li>casts with full type names ({@code (struct proc *)0xffffff80073e8820},
 *       {@code (uint32_t)x}, {@code (char (*)[17])p}), {@code sizeof(type)}, {@code sizeof
 *       expr};
 *   <li>{@code * & -> . []}, pointer arithmetic scaled by the pointee's size, {@code + - * / %
 *       << >> & | ^ ~ ! && || ?:} and comparisons, with C's precedence and conversions.
 * </ul>
 * Errors ({@link ExprException}) name the 1-based column and the reason; reads that fault
 * raise {@link dev.hagfish.memory.MemoryFaultException}. Assignments and function calls do not
 * exist: a snapshot is read-only.
 *
 * <p>Not thread-safe: evaluate in the scope's thread.
 */
public final class Expr {
    private final String text;
    private final Node root;
    private final Scope scope;

    private Expr(String text, Node root, Scope scope) {
        this.text = text;
        this.root = root;
        this.scope = scope;
    }

    /**
     * Parses an expression; the scope's types decide whether a parenthesized name is a cast.
     *
     * @throws ExprException if it does not parse, or names a type that does not exist
     */
    public static Expr parse(String text, Scope scope) throws ExprException {
        return new Expr(text, ExprParser.parse(text, scope.types()), scope);
    }

    /** Parses and evaluates an expression. */
    public static Value evaluate(String text, Scope scope) throws ExprException, IOException {
        return parse(text, scope).evaluate();
    }

    /** Returns the expression's text. */
    public String text() {
        return text;
    }

    /**
     * Evaluates the expression.
     *
     * @throws ExprException if an operator does not apply, a name or member does not exist, or
     *     the value is a symbol without debug information that was not cast
     * @throws IOException if memory that must be read cannot be (a {@link
     *     dev.hagfish.memory.MemoryFaultException} when it is not mapped)
     */
    public Value evaluate() throws ExprException, IOException {
        Value v = new Evaluator(scope).eval(root);
        if (scope.types().isNoDebugData(v.type())) {
            String name = root instanceof Node.Name n ? "'" + n.name() + "'" : "the value";
            throw new ExprException(root.column(), ExprException.Kind.TYPE, name
                    + " has unknown type (no debug information); cast it to its declared type");
        }
        return v;
    }
}
