package dev.hagfish.symbols;

import java.util.List;

/**
 * A {@code Node} is one piece of a demangled name: a name, a type, an expression or a template
 * argument. The {@link ItaniumParser} builds the tree; substitutions (Itanium C++ ABI §5.1.10)
 * and template parameter references (§5.1.9) share nodes, so the tree is a graph.
 *
 * <p>Types print the way C declarators read, in two halves: {@link #printLeft} writes what comes
 * before the declarator name and {@link #printRight} what comes after, so that a pointer to a
 * function prints as {@code void (*)(int)}. Three properties steer that split: whether a type has
 * a right half at all, and whether it ends in an array or a function (then a pointer to it needs
 * parentheses). Each is known when the node is built ({@link Tri#YES}, {@link Tri#NO}) or, for
 * nodes whose meaning depends on the pack element being printed, {@link Tri#UNKNOWN} and asked at
 * print time.
 *
 * <p>Nodes are immutable once parsing has finished and are confined to one demangling call.
 */
abstract class Node {
    /** A property known at build time, or to be computed while printing. */
    enum Tri { YES, NO, UNKNOWN }

    /** Operator precedence of an expression, tightest first, as in the C++ grammar. */
    enum Prec {
        PRIMARY, POSTFIX, UNARY, CAST, PTR_MEM, MULTIPLICATIVE, ADDITIVE, SHIFT, SPACESHIP,
        RELATIONAL, EQUALITY, AND, XOR, IOR, AND_IF, OR_IF, CONDITIONAL, ASSIGN, COMMA, DEFAULT
    }

    private final Tri rhs;
    private final Tri array;
    private final Tri function;

    /** Creates a node with no right half, not an array, not a function. */
    Node() {
        this(Tri.NO, Tri.NO, Tri.NO);
    }

    Node(Tri rhs, Tri array, Tri function) {
        this.rhs = rhs;
        this.array = array;
        this.function = function;
    }

    /** Prints the part before the declarator; callers use {@link #printLeft}. */
    abstract void left(Printer p) throws DemangleException;

    /** Prints the part after the declarator, if any; callers use {@link #printRight}. */
    void right(Printer p) throws DemangleException {
    }

    /** Prints the part before the declarator, counting the visit against the budgets. */
    final void printLeft(Printer p) throws DemangleException {
        p.enter();
        left(p);
        p.leave();
    }

    /** Prints the part after the declarator, counting the visit against the budgets. */
    final void printRight(Printer p) throws DemangleException {
        p.enter();
        right(p);
        p.leave();
    }

    /** Returns the expression precedence, for deciding on parentheses. */
    Prec precedence() {
        return Prec.PRIMARY;
    }

    /** Returns the name a constructor or destructor of this class is called. */
    String baseName() {
        return "";
    }

    /** Returns the node this one stands for when printed (packs and references resolve). */
    final Node syntaxNode(Printer p) throws DemangleException {
        p.enter();
        Node n = resolveSyntax(p);
        p.leave();
        return n;
    }

    /** Returns the node this one stands for; most nodes stand for themselves. */
    Node resolveSyntax(Printer p) throws DemangleException {
        return this;
    }

    final Tri rhsTri() {
        return rhs;
    }

    final Tri arrayTri() {
        return array;
    }

    final Tri functionTri() {
        return function;
    }

    final boolean hasRhs(Printer p) throws DemangleException {
        if (rhs != Tri.UNKNOWN) {
            return rhs == Tri.YES;
        }
        p.enter();
        boolean b = computeRhs(p);
        p.leave();
        return b;
    }

    final boolean hasArray(Printer p) throws DemangleException {
        if (array != Tri.UNKNOWN) {
            return array == Tri.YES;
        }
        p.enter();
        boolean b = computeArray(p);
        p.leave();
        return b;
    }

    final boolean hasFunction(Printer p) throws DemangleException {
        if (function != Tri.UNKNOWN) {
            return function == Tri.YES;
        }
        p.enter();
        boolean b = computeFunction(p);
        p.leave();
        return b;
    }

    boolean computeRhs(Printer p) throws DemangleException {
        return false;
    }

    boolean computeArray(Printer p) throws DemangleException {
        return false;
    }

    boolean computeFunction(Printer p) throws DemangleException {
        return false;
    }

    /** Prints both halves. */
    final void print(Printer p) throws DemangleException {
        printLeft(p);
        if (rhs != Tri.NO) {
            printRight(p);
        }
    }

    /**
     * Prints this node as the operand of an operator of precedence {@code parent}, in parentheses
     * when it binds looser ({@code strictlyWorse}) or no tighter (otherwise).
     */
    final void printAsOperand(Printer p, Prec parent, boolean strictlyWorse)
            throws DemangleException {
        int limit = parent.ordinal() + (strictlyWorse ? 1 : 0);
        boolean paren = precedence().ordinal() >= limit;
        if (paren) {
            p.open('(');
        }
        print(p);
        if (paren) {
            p.close(')');
        }
    }

    /**
     * Prints nodes separated by {@code ", "}, skipping elements that print nothing (an empty
     * pack expansion) together with their separator. A comma expression among them gets
     * parentheses.
     */
    static void printList(Printer p, List<Node> nodes) throws DemangleException {
        boolean first = true;
        for (Node n : nodes) {
            int beforeComma = p.length();
            if (!first) {
                p.append(", ");
            }
            int afterComma = p.length();
            n.printAsOperand(p, Prec.COMMA, false);
            if (p.length() == afterComma) {
                p.truncate(beforeComma);
                continue;
            }
            first = false;
        }
    }

    /** Combines the build-time property of several nodes: NO only when all are NO. */
    static Tri allNo(List<Node> nodes, java.util.function.Function<Node, Tri> property) {
        for (Node n : nodes) {
            if (property.apply(n) != Tri.NO) {
                return Tri.UNKNOWN;
            }
        }
        return Tri.NO;
    }
}
