package dev.hagfish.symbols;

import java.util.List;

/**
 * {@code LambdaNodes} holds the {@link Node}s for unnamed types (Itanium C++ ABI §5.1.8): closure
 * types of lambdas, {@code 'unnamed'} classes, and the template parameter declarations
 * ({@code <template-param-decl>}) that name a generic lambda's parameters:
 * {@code 'lambda'<typename $T, int $N>(…)}. The names are invented in order, {@code $T},
 * {@code $T0}, {@code $T1}… per kind, as llvm-cxxfilt does.
 */
final class LambdaNodes {
    private LambdaNodes() {
    }

    /** {@code 'lambda'<typename $T>(int)}, a closure type (§5.1.8). */
    static final class Closure extends Node {
        private final List<Node> templateParams;
        private final Node requires1;
        private final List<Node> params;
        private final Node requires2;
        private final String count;

        Closure(List<Node> templateParams, Node requires1, List<Node> params, Node requires2,
                String count) {
            this.templateParams = templateParams;
            this.requires1 = requires1;
            this.params = params;
            this.requires2 = requires2;
            this.count = count;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append("'lambda").append(count).append('\'');
            printDeclarator(p);
        }

        /** Prints {@code <typename $T>(params)}, shared with lambda expressions. */
        void printDeclarator(Printer p) throws DemangleException {
            if (!templateParams.isEmpty()) {
                int saved = p.beginTemplateArgs();
                p.append('<');
                printList(p, templateParams);
                p.append('>');
                p.endTemplateArgs(saved);
            }
            if (requires1 != null) {
                p.append(" requires ");
                requires1.print(p);
                p.append(' ');
            }
            p.open('(');
            printList(p, params);
            p.close(')');
            if (requires2 != null) {
                p.append(" requires ");
                requires2.print(p);
            }
        }
    }

    /** {@code 'unnamed'}, an unnamed class or enum (§5.1.8). */
    static final class Unnamed extends Node {
        private final String count;

        Unnamed(String count) {
            this.count = count;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append("'unnamed").append(count).append('\'');
        }
    }

    /** A declaration that may be a pack, which prints {@code ...} before its name. */
    abstract static class Decl extends Node {
        final Node name;
        private int packs;

        Decl(Node name) {
            this.name = name;
        }

        /** Marks this declaration as a parameter pack ({@code Tp}), once per {@code Tp}. */
        Decl asPack() {
            packs++;
            return this;
        }

        void printName(Printer p) throws DemangleException {
            for (int i = 0; i < packs; i++) {
                p.append("...");
            }
            name.print(p);
        }
    }

    /** {@code typename $T} ({@code Ty}). */
    static final class TypeDecl extends Decl {
        TypeDecl(Node name) {
            super(name);
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append("typename ");
            printName(p);
        }
    }

    /** {@code C $T} ({@code Tk}), a type parameter constrained by a concept. */
    static final class ConstrainedDecl extends Decl {
        private final Node constraint;

        ConstrainedDecl(Node constraint, Node name) {
            super(name);
            this.constraint = constraint;
        }

        @Override
        void left(Printer p) throws DemangleException {
            constraint.print(p);
            p.append(' ');
            printName(p);
        }
    }

    /** {@code int $N} or {@code void (*$N)(int)} ({@code Tn}). */
    static final class NonTypeDecl extends Decl {
        private final Node type;

        NonTypeDecl(Node type, Node name) {
            super(name);
            this.type = type;
        }

        @Override
        void left(Printer p) throws DemangleException {
            type.printLeft(p);
            if (!type.hasRhs(p)) {
                p.append(' ');
            }
            printName(p);
            type.printRight(p);
        }
    }

    /** {@code template<typename $T> typename $TT} ({@code Tt}). */
    static final class TemplateDecl extends Decl {
        private final List<Node> params;

        TemplateDecl(List<Node> params, Node name) {
            super(name);
            this.params = params;
        }

        @Override
        void left(Printer p) throws DemangleException {
            int saved = p.beginTemplateArgs();
            p.append("template<");
            printList(p, params);
            p.append("> typename ");
            p.endTemplateArgs(saved);
            printName(p);
        }
    }
}
