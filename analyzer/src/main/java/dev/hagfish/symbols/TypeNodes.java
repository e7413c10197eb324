package dev.hagfish.symbols;

import java.util.List;

/**
 * {@code TypeNodes} holds the {@link Node}s for types (Itanium C++ ABI §5.1.5): qualified,
 * pointer, reference, pointer-to-member, array, function and vector types, vendor qualifiers and
 * keyword-decorated types ({@code struct A}, {@code float complex}). Packs are in
 * {@link PackNodes}.
 *
 * <p>Pointers, references and members print around their pointee as C declarators do:
 * {@code int (*) [5]}, {@code void (A::*)(int) const}. A reference to a reference collapses as in
 * C++ ([dcl.ref]), which matters when a substitution or template parameter names a reference.
 */
final class TypeNodes {
    static final int CONST = 1;
    static final int VOLATILE = 2;
    static final int RESTRICT = 4;

    private TypeNodes() {
    }

    /** Prints {@code " const volatile restrict"}, the parts present in {@code quals}. */
    static void printQuals(Printer p, int quals) throws DemangleException {
        if ((quals & CONST) != 0) {
            p.append(" const");
        }
        if ((quals & VOLATILE) != 0) {
            p.append(" volatile");
        }
        if ((quals & RESTRICT) != 0) {
            p.append(" restrict");
        }
    }

    /** A cv-qualified type: {@code int const}. */
    static final class Qualified extends Node {
        private final Node child;
        private final int quals;

        Qualified(Node child, int quals) {
            super(child.rhsTri(), child.arrayTri(), child.functionTri());
            this.child = child;
            this.quals = quals;
        }

        @Override
        void left(Printer p) throws DemangleException {
            child.printLeft(p);
            printQuals(p, quals);
        }

        @Override
        void right(Printer p) throws DemangleException {
            child.printRight(p);
        }

        @Override
        boolean computeRhs(Printer p) throws DemangleException {
            return child.hasRhs(p);
        }

        @Override
        boolean computeArray(Printer p) throws DemangleException {
            return child.hasArray(p);
        }

        @Override
        boolean computeFunction(Printer p) throws DemangleException {
            return child.hasFunction(p);
        }
    }

    /** A vendor-qualified type (§5.1.5.1 {@code U}): {@code int AS1}, {@code A* __strong}. */
    static final class VendorQualified extends Node {
        private final Node child;
        private final String qualifier;
        private final Node args;

        VendorQualified(Node child, String qualifier, Node args) {
            this.child = child;
            this.qualifier = qualifier;
            this.args = args;
        }

        @Override
        void left(Printer p) throws DemangleException {
            child.print(p);
            p.append(' ').append(qualifier);
            if (args != null) {
                args.print(p);
            }
        }
    }

    /** An Objective-C object type with protocols, {@code objc_object<P>} ({@code objcproto}). */
    static final class ObjCProto extends Node {
        final Node type;
        final String protocol;

        ObjCProto(Node type, String protocol) {
            this.type = type;
            this.protocol = protocol;
        }

        boolean isObjCObject() {
            return type instanceof NameNodes.Text t && t.text.equals("objc_object");
        }

        @Override
        void left(Printer p) throws DemangleException {
            type.print(p);
            p.append('<').append(protocol).append('>');
        }
    }

    /** {@code T*}. */
    static final class Pointer extends Node {
        private final Node pointee;

        Pointer(Node pointee) {
            super(pointee.rhsTri(), Tri.NO, Tri.NO);
            this.pointee = pointee;
        }

        @Override
        boolean computeRhs(Printer p) throws DemangleException {
            return pointee.hasRhs(p);
        }

        @Override
        void left(Printer p) throws DemangleException {
            if (pointee instanceof ObjCProto o && o.isObjCObject()) {
                p.append("id<").append(o.protocol).append('>');
                return;
            }
            pointee.printLeft(p);
            boolean array = pointee.hasArray(p);
            if (array) {
                p.append(' ');
            }
            if (array || pointee.hasFunction(p)) {
                p.append('(');
            }
            p.append('*');
        }

        @Override
        void right(Printer p) throws DemangleException {
            if (pointee instanceof ObjCProto o && o.isObjCObject()) {
                return;
            }
            if (pointee.hasArray(p) || pointee.hasFunction(p)) {
                p.append(')');
            }
            pointee.printRight(p);
        }
    }

    /** {@code T&} or {@code T&&}, collapsing references to references. */
    static final class Reference extends Node {
        private static final int MAX_CHAIN = 10_000;
        private final Node pointee;
        private final boolean rvalue;

        Reference(Node pointee, boolean rvalue) {
            super(pointee.rhsTri(), Tri.NO, Tri.NO);
            this.pointee = pointee;
            this.rvalue = rvalue;
        }

        @Override
        boolean computeRhs(Printer p) throws DemangleException {
            return pointee.hasRhs(p);
        }

        /** Follows references to references; returns the final pointee and sets {@code rv[0]}. */
        private Node collapse(Printer p, boolean[] rv) throws DemangleException {
            Node target = pointee;
            boolean isRvalue = rvalue;
            for (int i = 0; ; i++) {
                if (i > MAX_CHAIN) {
                    throw new DemangleException("reference cycle");
                }
                Node syntax = target.syntaxNode(p);
                if (!(syntax instanceof Reference r)) {
                    break;
                }
                target = r.pointee;
                isRvalue &= r.rvalue;
            }
            rv[0] = isRvalue;
            return target;
        }

        @Override
        void left(Printer p) throws DemangleException {
            if (!p.activate(this)) {
                return;
            }
            boolean[] rv = new boolean[1];
            Node target = collapse(p, rv);
            target.printLeft(p);
            boolean array = target.hasArray(p);
            if (array) {
                p.append(' ');
            }
            if (array || target.hasFunction(p)) {
                p.append('(');
            }
            p.append(rv[0] ? "&&" : "&");
            p.deactivate(this);
        }

        @Override
        void right(Printer p) throws DemangleException {
            if (!p.activate(this)) {
                return;
            }
            boolean[] rv = new boolean[1];
            Node target = collapse(p, rv);
            if (target.hasArray(p) || target.hasFunction(p)) {
                p.append(')');
            }
            target.printRight(p);
            p.deactivate(this);
        }
    }

    /** {@code int A::*} or {@code void (A::*)(int)}. */
    static final class MemberPointer extends Node {
        private final Node owner;
        private final Node member;

        MemberPointer(Node owner, Node member) {
            super(member.rhsTri(), Tri.NO, Tri.NO);
            this.owner = owner;
            this.member = member;
        }

        @Override
        boolean computeRhs(Printer p) throws DemangleException {
            return member.hasRhs(p);
        }

        @Override
        void left(Printer p) throws DemangleException {
            member.printLeft(p);
            if (member.hasArray(p) || member.hasFunction(p)) {
                p.append('(');
            } else {
                p.append(' ');
            }
            owner.print(p);
            p.append("::*");
        }

        @Override
        void right(Printer p) throws DemangleException {
            if (member.hasArray(p) || member.hasFunction(p)) {
                p.append(')');
            }
            member.printRight(p);
        }
    }

    /** {@code int [5]}; the dimension is absent for {@code int []}. */
    static final class Array extends Node {
        private final Node element;
        private final Node dimension;

        Array(Node element, Node dimension) {
            super(Tri.YES, Tri.YES, Tri.NO);
            this.element = element;
            this.dimension = dimension;
        }

        @Override
        void left(Printer p) throws DemangleException {
            element.printLeft(p);
        }

        @Override
        void right(Printer p) throws DemangleException {
            if (p.last() != ']') {
                p.append(' ');
            }
            p.append('[');
            if (dimension != null) {
                dimension.print(p);
            }
            p.append(']');
            element.printRight(p);
        }
    }

    /** {@code ret (params) cv ref noexcept}. */
    static final class Function extends Node {
        private final Node ret;
        private final List<Node> params;
        private final int quals;
        private final String refQual;
        private final Node exceptionSpec;

        Function(Node ret, List<Node> params, int quals, String refQual, Node exceptionSpec) {
            super(Tri.YES, Tri.NO, Tri.YES);
            this.ret = ret;
            this.params = params;
            this.quals = quals;
            this.refQual = refQual;
            this.exceptionSpec = exceptionSpec;
        }

        @Override
        void left(Printer p) throws DemangleException {
            ret.printLeft(p);
            p.append(' ');
        }

        @Override
        void right(Printer p) throws DemangleException {
            p.open('(');
            printList(p, params);
            p.close(')');
            ret.printRight(p);
            printQuals(p, quals);
            p.append(refQual);
            if (exceptionSpec != null) {
                p.append(' ');
                exceptionSpec.print(p);
            }
        }
    }

    /** {@code float vector[4]} or {@code pixel vector[4]}. */
    static final class Vector extends Node {
        private final Node element;
        private final Node dimension;

        Vector(Node element, Node dimension) {
            this.element = element;
            this.dimension = dimension;
        }

        @Override
        void left(Printer p) throws DemangleException {
            if (element == null) {
                p.append("pixel");
            } else {
                element.print(p);
            }
            p.append(" vector[");
            if (dimension != null) {
                dimension.print(p);
            }
            p.append(']');
        }
    }

    /** A keyword applied to a type: {@code struct A}, {@code C auto}. */
    static final class Keyworded extends Node {
        private final String before;
        private final Node child;
        private final String after;

        Keyworded(String before, Node child, String after) {
            this.before = before;
            this.child = child;
            this.after = after;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append(before);
            child.print(p);
            p.append(after);
        }
    }

    /** {@code float* complex}: a type printed left-only, followed by a keyword. */
    static final class PostfixQualified extends Node {
        private final Node child;
        private final String postfix;

        PostfixQualified(Node child, String postfix) {
            this.child = child;
            this.postfix = postfix;
        }

        @Override
        void left(Printer p) throws DemangleException {
            child.printLeft(p);
            p.append(postfix);
        }
    }
}
