package dev.hagfish.symbols;

import java.util.List;

/**
 * {@code ExprNodes} holds the {@link Node}s for expressions other than operators, and for
 * literals (Itanium C++ ABI §5.1.6 and §5.1.7): braced initialisers, {@code sizeof} and its
 * kin, {@code new}, {@code delete}, {@code throw}, fold expressions, integer and string
 * literals, lambdas used as values. Expressions appear in template arguments, {@code decltype}
 * and array bounds; operators are in {@link OperatorNodes}.
 */
final class ExprNodes {
    private ExprNodes() {
    }

    /** {@code T{a, b}} or {@code {a, b}}. */
    static final class InitList extends Node {
        private final Node type;
        private final List<Node> inits;

        InitList(Node type, List<Node> inits) {
            this.type = type;
            this.inits = inits;
        }

        @Override
        void left(Printer p) throws DemangleException {
            if (type != null) {
                type.print(p);
            }
            p.append('{');
            printList(p, inits);
            p.append('}');
        }
    }

    /** {@code .x = a}, {@code [i] = a}, {@code [i ... j] = a} inside a braced initialiser. */
    static final class Designated extends Node {
        private final Node first;
        private final Node last;
        private final boolean field;
        private final Node init;

        Designated(Node first, Node last, boolean field, Node init) {
            this.first = first;
            this.last = last;
            this.field = field;
            this.init = init;
        }

        @Override
        void left(Printer p) throws DemangleException {
            if (field) {
                p.append('.');
                first.print(p);
            } else {
                p.append('[');
                first.print(p);
                if (last != null) {
                    p.append(" ... ");
                    last.print(p);
                }
                p.append(']');
            }
            if (!(init instanceof Designated)) {
                p.append(" = ");
            }
            init.print(p);
        }
    }

    /** {@code prefix(child)postfix}: {@code sizeof (int)}, {@code decltype(a)}. */
    static final class Enclosing extends Node {
        private final String prefix;
        private final Node child;
        private final Prec prec;

        Enclosing(String prefix, Node child, Prec prec) {
            this.prefix = prefix;
            this.child = child;
            this.prec = prec;
        }

        @Override
        Prec precedence() {
            return prec;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append(prefix);
            p.open('(');
            child.print(p);
            p.close(')');
        }
    }

    /** A list printed with commas and nothing around it, as in {@code sizeof... (a, b)}. */
    static final class NodeList extends Node {
        private final List<Node> nodes;

        NodeList(List<Node> nodes) {
            this.nodes = nodes;
        }

        @Override
        void left(Printer p) throws DemangleException {
            printList(p, nodes);
        }
    }

    /** {@code sizeof...(T...)}. */
    static final class SizeofPack extends Node {
        private final Node pack;

        SizeofPack(Node pack) {
            this.pack = pack;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append("sizeof...");
            p.open('(');
            new PackNodes.PackExpansion(pack).print(p);
            p.close(')');
        }
    }

    /** {@code throw a}. */
    static final class Throw extends Node {
        private final Node operand;

        Throw(Node operand) {
            this.operand = operand;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append("throw ");
            operand.print(p);
        }
    }

    /** {@code new (placement) T(init)}, with the {@code ::} and {@code []} variants. */
    static final class New extends Node {
        private final List<Node> placement;
        private final Node type;
        private final List<Node> init;
        private final boolean global;
        private final boolean array;

        New(List<Node> placement, Node type, List<Node> init, boolean global, boolean array) {
            this.placement = placement;
            this.type = type;
            this.init = init;
            this.global = global;
            this.array = array;
        }

        @Override
        Prec precedence() {
            return Prec.UNARY;
        }

        @Override
        void left(Printer p) throws DemangleException {
            if (global) {
                p.append("::");
            }
            p.append("new");
            if (array) {
                p.append("[]");
            }
            if (!placement.isEmpty()) {
                p.open('(');
                printList(p, placement);
                p.close(')');
            }
            p.append(' ');
            type.print(p);
            if (init != null && !init.isEmpty()) {
                p.open('(');
                printList(p, init);
                p.close(')');
            }
        }
    }

    /** {@code delete a}, {@code ::delete[] a}. */
    static final class Delete extends Node {
        private final Node operand;
        private final boolean global;
        private final boolean array;

        Delete(Node operand, boolean global, boolean array) {
            this.operand = operand;
            this.global = global;
            this.array = array;
        }

        @Override
        Prec precedence() {
            return Prec.UNARY;
        }

        @Override
        void left(Printer p) throws DemangleException {
            if (global) {
                p.append("::");
            }
            p.append("delete");
            if (array) {
                p.append("[]");
            }
            p.append(' ');
            operand.print(p);
        }
    }

    /** A C++17 fold expression: {@code (... + (T...))}, {@code ((T...) + ... + a)}. */
    static final class Fold extends Node {
        private final boolean left;
        private final String op;
        private final Node pack;
        private final Node init;

        Fold(boolean left, String op, Node pack, Node init) {
            this.left = left;
            this.op = op;
            this.pack = pack;
            this.init = init;
        }

        private void printPack(Printer p) throws DemangleException {
            p.open('(');
            new PackNodes.PackExpansion(pack).print(p);
            p.close(')');
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.open('(');
            if (!left || init != null) {
                if (left) {
                    init.printAsOperand(p, Prec.CAST, true);
                } else {
                    printPack(p);
                }
                p.append(' ').append(op).append(' ');
            }
            p.append("...");
            if (left || init != null) {
                p.append(' ').append(op).append(' ');
                if (left) {
                    printPack(p);
                } else {
                    init.printAsOperand(p, Prec.CAST, true);
                }
            }
            p.close(')');
        }
    }

    /** An integer literal: {@code 5}, {@code -5}, {@code 5ul}, {@code (char)97}. */
    static final class IntLiteral extends Node {
        private final Node castType;
        private final String suffix;
        private final String digits;

        IntLiteral(Node castType, String suffix, String digits) {
            this.castType = castType;
            this.suffix = suffix;
            this.digits = digits;
        }

        @Override
        void left(Printer p) throws DemangleException {
            if (castType != null) {
                p.open('(');
                castType.print(p);
                p.close(')');
            }
            if (digits.startsWith("n")) {
                p.append('-').append(digits.substring(1));
            } else {
                p.append(digits);
            }
            p.append(suffix);
        }
    }

    /** {@code "<char const [4]>"}, a string literal of the given type. */
    static final class StringLiteral extends Node {
        private final Node type;

        StringLiteral(Node type) {
            this.type = type;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append("\"<");
            type.print(p);
            p.append(">\"");
        }
    }

    /** {@code ~T}, where only the left half of a type prints. */
    static final class DestructorName extends Node {
        private final Node base;

        DestructorName(Node base) {
            this.base = base;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append('~');
            base.printLeft(p);
        }
    }

    /** {@code 0.<A at offset 5>}, a subobject of a template parameter object. */
    static final class SubobjectExpr extends Node {
        private final Node expr;
        private final Node type;
        private final String offset;

        SubobjectExpr(Node expr, Node type, String offset) {
            this.expr = expr;
            this.type = type;
            this.offset = offset;
        }

        @Override
        void left(Printer p) throws DemangleException {
            expr.print(p);
            p.append(".<");
            type.print(p);
            p.append(" at offset ").append(offset).append('>');
        }
    }

    /** {@code []<typename $T>(int){...}}, a lambda used as a template argument. */
    static final class LambdaExpr extends Node {
        private final LambdaNodes.Closure closure;

        LambdaExpr(LambdaNodes.Closure closure) {
            this.closure = closure;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append("[]");
            closure.printDeclarator(p);
            p.append("{...}");
        }
    }
}
