package dev.hagfish.symbols;

import java.util.List;

/**
 * {@code OperatorNodes} holds the {@link Node}s for operator expressions (Itanium C++ ABI §5.1.6):
 * unary, binary and conditional operators, member access, subscripts, calls and casts.
 *
 * <p>Operators print with spaces and only the parentheses their {@link Node.Prec precedence}
 * needs, as llvm-cxxfilt does: {@code (fp + fp) * fp}, {@code fp.x}, {@code -(-fp)}. A
 * {@code >} directly inside template arguments is parenthesised so that it cannot end the list.
 */
final class OperatorNodes {
    private OperatorNodes() {
    }

    /** {@code a op b}, or {@code a, b} for the comma. */
    static final class Binary extends Node {
        private final Node lhs;
        private final String op;
        private final Node rhs;
        private final Prec prec;

        Binary(Node lhs, String op, Node rhs, Prec prec) {
            this.lhs = lhs;
            this.op = op;
            this.rhs = rhs;
            this.prec = prec;
        }

        @Override
        Prec precedence() {
            return prec;
        }

        @Override
        void left(Printer p) throws DemangleException {
            boolean parenAll = p.gtEndsTemplateArgs() && (op.equals(">") || op.equals(">>"));
            if (parenAll) {
                p.open('(');
            }
            boolean assign = prec == Prec.ASSIGN;
            lhs.printAsOperand(p, prec, !assign);
            if (!op.equals(",")) {
                p.append(' ');
            }
            p.append(op).append(' ');
            rhs.printAsOperand(p, prec, assign);
            if (parenAll) {
                p.close(')');
            }
        }
    }

    /** {@code a.b}, {@code a->b}, {@code a.*b}, {@code a->*b}. */
    static final class Member extends Node {
        private final Node lhs;
        private final String op;
        private final Node rhs;
        private final Prec prec;

        Member(Node lhs, String op, Node rhs, Prec prec) {
            this.lhs = lhs;
            this.op = op;
            this.rhs = rhs;
            this.prec = prec;
        }

        @Override
        Prec precedence() {
            return prec;
        }

        @Override
        void left(Printer p) throws DemangleException {
            lhs.printAsOperand(p, prec, true);
            p.append(op);
            rhs.printAsOperand(p, prec, false);
        }
    }

    /** {@code op a}: {@code -a}, {@code *a}, {@code ++a}. */
    static final class Prefix extends Node {
        private final String op;
        private final Node child;
        private final Prec prec;

        Prefix(String op, Node child, Prec prec) {
            this.op = op;
            this.child = child;
            this.prec = prec;
        }

        @Override
        Prec precedence() {
            return prec;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append(op);
            child.printAsOperand(p, prec, false);
        }
    }

    /** {@code a op}: {@code a++}, {@code a--}. */
    static final class Postfix extends Node {
        private final Node child;
        private final String op;

        Postfix(Node child, String op) {
            this.child = child;
            this.op = op;
        }

        @Override
        Prec precedence() {
            return Prec.POSTFIX;
        }

        @Override
        void left(Printer p) throws DemangleException {
            child.printAsOperand(p, Prec.POSTFIX, true);
            p.append(op);
        }
    }

    /** {@code a ? b : c}. */
    static final class Conditional extends Node {
        private final Node cond;
        private final Node then;
        private final Node otherwise;

        Conditional(Node cond, Node then, Node otherwise) {
            this.cond = cond;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        Prec precedence() {
            return Prec.CONDITIONAL;
        }

        @Override
        void left(Printer p) throws DemangleException {
            cond.printAsOperand(p, Prec.CONDITIONAL, false);
            p.append(" ? ");
            then.printAsOperand(p, Prec.DEFAULT, false);
            p.append(" : ");
            otherwise.printAsOperand(p, Prec.ASSIGN, true);
        }
    }

    /** {@code a[b]}. */
    static final class Subscript extends Node {
        private final Node array;
        private final Node index;

        Subscript(Node array, Node index) {
            this.array = array;
            this.index = index;
        }

        @Override
        Prec precedence() {
            return Prec.POSTFIX;
        }

        @Override
        void left(Printer p) throws DemangleException {
            array.printAsOperand(p, Prec.POSTFIX, false);
            p.open('[');
            index.printAsOperand(p, Prec.DEFAULT, false);
            p.close(']');
        }
    }

    /** {@code f(args)}; also a vendor expression {@code u name args E}. */
    static final class Call extends Node {
        private final Node callee;
        private final List<Node> args;

        Call(Node callee, List<Node> args) {
            this.callee = callee;
            this.args = args;
        }

        @Override
        Prec precedence() {
            return Prec.POSTFIX;
        }

        @Override
        void left(Printer p) throws DemangleException {
            callee.print(p);
            p.open('(');
            printList(p, args);
            p.close(')');
        }
    }

    /** {@code static_cast<T>(a)} and its siblings; only the left half of the type prints. */
    static final class NamedCast extends Node {
        private final String kind;
        private final Node type;
        private final Node operand;

        NamedCast(String kind, Node type, Node operand) {
            this.kind = kind;
            this.type = type;
            this.operand = operand;
        }

        @Override
        Prec precedence() {
            return Prec.POSTFIX;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append(kind);
            int saved = p.beginTemplateArgs();
            p.append('<');
            type.printLeft(p);
            p.append('>');
            p.endTemplateArgs(saved);
            p.open('(');
            operand.printAsOperand(p, Prec.DEFAULT, false);
            p.close(')');
        }
    }

    /** {@code (T)(a, b)}, a functional or C-style cast. */
    static final class Conversion extends Node {
        private final Node type;
        private final List<Node> args;

        Conversion(Node type, List<Node> args) {
            this.type = type;
            this.args = args;
        }

        @Override
        Prec precedence() {
            return Prec.CAST;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.open('(');
            type.print(p);
            p.close(')');
            p.open('(');
            printList(p, args);
            p.close(')');
        }
    }
}
