package dev.hagfish.symbols;

import java.util.List;

/**
 * {@code PackNodes} holds the {@link Node}s that stand for template arguments (Itanium C++ ABI
 * §5.1.9): argument packs and their expansions, arguments behind a parameter declaration, and
 * forward references to arguments not yet parsed.
 *
 * <p>A pack expansion prints its pattern once per element of the pack it names, keeping the
 * element index in the {@link Printer}; the pack's size is learnt while printing the first
 * element, and the text is taken back when the pack is empty.
 */
final class PackNodes {
    private PackNodes() {
    }

    /** A type followed by {@code ...}, expanded once per element of the packs it names. */
    static final class PackExpansion extends Node {
        final Node child;

        PackExpansion(Node child) {
            this.child = child;
        }

        @Override
        void left(Printer p) throws DemangleException {
            int savedIndex = p.packIndex;
            int savedMax = p.packMax;
            p.packIndex = Printer.UNSET;
            p.packMax = Printer.UNSET;
            int start = p.length();
            child.print(p);
            if (p.packMax == Printer.UNSET) {
                p.append("...");
            } else if (p.packMax == 0) {
                p.truncate(start);
            } else {
                for (int i = 1; i < p.packMax; i++) {
                    p.append(", ");
                    p.packIndex = i;
                    child.print(p);
                }
            }
            p.packIndex = savedIndex;
            p.packMax = savedMax;
        }
    }

    /** The elements a template parameter pack stands for; prints the current element. */
    static final class ParameterPack extends Node {
        private final List<Node> elements;

        ParameterPack(List<Node> elements) {
            super(allNo(elements, Node::rhsTri), allNo(elements, Node::arrayTri),
                    allNo(elements, Node::functionTri));
            this.elements = elements;
        }

        private Node current(Printer p) {
            if (p.packMax == Printer.UNSET) {
                p.packMax = elements.size();
                p.packIndex = 0;
            }
            return p.packIndex < elements.size() ? elements.get(p.packIndex) : null;
        }

        @Override
        Node resolveSyntax(Printer p) throws DemangleException {
            Node n = current(p);
            return n == null ? this : n.syntaxNode(p);
        }

        @Override
        boolean computeRhs(Printer p) throws DemangleException {
            Node n = current(p);
            return n != null && n.hasRhs(p);
        }

        @Override
        boolean computeArray(Printer p) throws DemangleException {
            Node n = current(p);
            return n != null && n.hasArray(p);
        }

        @Override
        boolean computeFunction(Printer p) throws DemangleException {
            Node n = current(p);
            return n != null && n.hasFunction(p);
        }

        @Override
        void left(Printer p) throws DemangleException {
            Node n = current(p);
            if (n != null) {
                n.printLeft(p);
            }
        }

        @Override
        void right(Printer p) throws DemangleException {
            Node n = current(p);
            if (n != null) {
                n.printRight(p);
            }
        }
    }

    /** A {@code J...E} template argument pack, printed as its elements separated by commas. */
    static final class ArgumentPack extends Node {
        final List<Node> elements;

        ArgumentPack(List<Node> elements) {
            this.elements = elements;
        }

        @Override
        void left(Printer p) throws DemangleException {
            printList(p, elements);
        }
    }

    /**
     * A template argument preceded by the declaration of its parameter ({@code Tn <type> <arg>}),
     * printed as the argument alone and, like llvm-cxxfilt, as an opaque unit: an array type
     * behind it does not move qualifiers around.
     */
    static final class QualifiedArg extends Node {
        final Node arg;

        QualifiedArg(Node arg) {
            this.arg = arg;
        }

        @Override
        void left(Printer p) throws DemangleException {
            arg.print(p);
        }
    }

    /**
     * A template parameter used before its argument list was parsed, as in a conversion
     * operator template ({@code cvT_}); bound once the list is known.
     */
    static final class ForwardReference extends Node {
        final int index;
        Node target;

        ForwardReference(int index) {
            super(Tri.UNKNOWN, Tri.UNKNOWN, Tri.UNKNOWN);
            this.index = index;
        }

        @Override
        Node resolveSyntax(Printer p) throws DemangleException {
            if (!p.activate(this)) {
                return this;
            }
            Node n = target.syntaxNode(p);
            p.deactivate(this);
            return n;
        }

        @Override
        boolean computeRhs(Printer p) throws DemangleException {
            if (!p.activate(this)) {
                return false;
            }
            boolean b = target.hasRhs(p);
            p.deactivate(this);
            return b;
        }

        @Override
        boolean computeArray(Printer p) throws DemangleException {
            if (!p.activate(this)) {
                return false;
            }
            boolean b = target.hasArray(p);
            p.deactivate(this);
            return b;
        }

        @Override
        boolean computeFunction(Printer p) throws DemangleException {
            if (!p.activate(this)) {
                return false;
            }
            boolean b = target.hasFunction(p);
            p.deactivate(this);
            return b;
        }

        @Override
        void left(Printer p) throws DemangleException {
            if (!p.activate(this)) {
                return;
            }
            target.printLeft(p);
            p.deactivate(this);
        }

        @Override
        void right(Printer p) throws DemangleException {
            if (!p.activate(this)) {
                return;
            }
            target.printRight(p);
            p.deactivate(this);
        }
    }
}
