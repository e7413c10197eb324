package dev.hagfish.symbols;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A {@code Printer} accumulates the text of one demangled name while the {@link Node} tree prints
 * itself. Besides the text it holds the little state that printing needs: which element of a
 * parameter pack is being expanded, whether a {@code >} would close a template argument list, and
 * which nodes are on the print stack (substitutions and forward template references can form
 * cycles in hostile input).
 *
 * <p>Printing is bounded three ways, each failing with a {@link DemangleException}: the output
 * length, the nesting depth of node visits, and the total number of node visits. Substitutions
 * turn the tree into a graph whose expansion can grow exponentially with the input length.
 *
 * <p>Not thread-safe: one printer per demangling call.
 */
final class Printer {
    /** The pack index and size while no pack expansion is being printed. */
    static final int UNSET = Integer.MAX_VALUE;

    private static final int MAX_DEPTH = 256;

    private final StringBuilder out = new StringBuilder();
    private final int maxLength;
    private long workLeft;
    private int depth;
    private final Set<Node> active = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The element of the innermost parameter pack being printed, or {@link #UNSET}. */
    int packIndex = UNSET;
    /** The size of the innermost parameter pack being expanded, or {@link #UNSET}. */
    int packMax = UNSET;
    /** Zero directly inside template arguments, where a bare {@code >} must be parenthesised. */
    private int gtIsGt = 1;

    /**
     * Creates a printer.
     *
     * @param maxLength the longest output accepted, in chars
     * @param work the most node visits accepted
     */
    Printer(int maxLength, long work) {
        this.maxLength = maxLength;
        this.workLeft = work;
    }

    /** Appends text. */
    Printer append(String s) throws DemangleException {
        if (out.length() + s.length() > maxLength) {
            throw new DemangleException("output longer than " + maxLength + " chars");
        }
        out.append(s);
        return this;
    }

    /** Appends one char. */
    Printer append(char c) throws DemangleException {
        if (out.length() + 1 > maxLength) {
            throw new DemangleException("output longer than " + maxLength + " chars");
        }
        out.append(c);
        return this;
    }

    /** Returns the current output length, a position for {@link #truncate(int)}. */
    int length() {
        return out.length();
    }

    /** Drops everything printed after {@code length}. */
    void truncate(int length) {
        out.setLength(length);
    }

    /** Returns the last char printed, or 0 when nothing was. */
    char last() {
        return out.length() == 0 ? 0 : out.charAt(out.length() - 1);
    }

    /** Counts one node visit and one nesting level; pair with {@link #leave()}. */
    void enter() throws DemangleException {
        if (--workLeft < 0) {
            throw new DemangleException("printing work budget exhausted");
        }
        if (++depth > MAX_DEPTH) {
            throw new DemangleException("printing nested deeper than " + MAX_DEPTH);
        }
    }

    /** Ends a nesting level begun by {@link #enter()}. */
    void leave() {
        depth--;
    }

    /** Opens a bracket, inside which {@code >} is an ordinary operator again. */
    void open(char c) throws DemangleException {
        gtIsGt++;
        append(c);
    }

    /** Closes a bracket opened by {@link #open(char)}. */
    void close(char c) throws DemangleException {
        gtIsGt--;
        append(c);
    }

    /** Tells whether a {@code >} printed now would end a template argument list. */
    boolean gtEndsTemplateArgs() {
        return gtIsGt == 0;
    }

    /**
     * Enters a template argument list; returns the state to give back to
     * {@link #endTemplateArgs(int)}.
     */
    int beginTemplateArgs() {
        int saved = gtIsGt;
        gtIsGt = 0;
        return saved;
    }

    /** Leaves a template argument list. */
    void endTemplateArgs(int saved) {
        gtIsGt = saved;
    }

    /** Marks a node as being printed; returns false when it already is (a cycle). */
    boolean activate(Node n) {
        return active.add(n);
    }

    /** Ends {@link #activate(Node)}. */
    void deactivate(Node n) {
        active.remove(n);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
