package dev.hagfish.symbols;

import java.util.List;

/**
 * {@code EncodingNodes} holds the {@link Node}s at the top of a demangled name (Itanium C++ ABI
 * §5.1.2 {@code <encoding>} and §5.1.4 {@code <special-name>}): functions with their parameters
 * and qualifiers, "vtable for"-style special names, and the clone suffixes compilers append.
 */
final class EncodingNodes {
    private EncodingNodes() {
    }

    /** A special name (§5.1.4): {@code vtable for A}, {@code guard variable for x}… */
    static final class Special extends Node {
        private final String prefix;
        private final Node child;

        Special(String prefix, Node child) {
            this.prefix = prefix;
            this.child = child;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append(prefix);
            child.print(p);
        }
    }

    /** {@code construction vtable for B-in-A}. */
    static final class ConstructionVtable extends Node {
        private final Node base;
        private final Node derived;

        ConstructionVtable(Node derived, Node base) {
            this.base = base;
            this.derived = derived;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append("construction vtable for ");
            base.print(p);
            p.append("-in-");
            derived.print(p);
        }
    }

    /** A name followed by a clone suffix such as {@code .cold}: {@code f() (.cold)}. */
    static final class Suffixed extends Node {
        private final Node prefix;
        private final String suffix;

        Suffixed(Node prefix, String suffix) {
            this.prefix = prefix;
            this.suffix = suffix;
        }

        @Override
        void left(Printer p) throws DemangleException {
            prefix.print(p);
            p.append(" (").append(suffix).append(')');
        }
    }

    /** {@code [enable_if:cond]}, Clang's {@code Ua9enable_if} attribute. */
    static final class EnableIf extends Node {
        private final List<Node> conditions;

        EnableIf(List<Node> conditions) {
            this.conditions = conditions;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append(" [enable_if:");
            printList(p, conditions);
            p.append(']');
        }
    }

    /** A function: {@code ret name(params) cv ref} (§5.1.2 encoding). */
    static final class Function extends Node {
        private final Node ret;
        private final Node name;
        private final List<Node> params;
        private final Node attrs;
        private final int quals;
        private final String refQual;
        private final Node requires;
        private final boolean explicitObject;

        Function(Node ret, Node name, List<Node> params, Node attrs, int quals, String refQual,
                Node requires, boolean explicitObject) {
            super(Tri.YES, Tri.NO, Tri.YES);
            this.ret = ret;
            this.name = name;
            this.params = params;
            this.attrs = attrs;
            this.quals = quals;
            this.refQual = refQual;
            this.requires = requires;
            this.explicitObject = explicitObject;
        }

        @Override
        void left(Printer p) throws DemangleException {
            if (ret != null) {
                ret.printLeft(p);
                if (!ret.hasRhs(p)) {
                    p.append(' ');
                }
            }
            name.print(p);
        }

        @Override
        void right(Printer p) throws DemangleException {
            p.open('(');
            if (explicitObject && !params.isEmpty()) {
                p.append("this ");
            }
            printList(p, params);
            p.close(')');
            if (ret != null) {
                ret.printRight(p);
            }
            TypeNodes.printQuals(p, quals);
            p.append(refQual);
            if (attrs != null) {
                attrs.print(p);
            }
            if (requires != null) {
                p.append(" requires ");
                requires.print(p);
            }
        }
    }
}
