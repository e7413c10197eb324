package dev.hagfish.symbols;

import java.util.List;

/**
 * {@code NameNodes} holds the {@link Node}s for names (Itanium C++ ABI §5.1.2–§5.1.8): plain,
 * qualified and local names, template-ids and their arguments, operator, constructor and
 * destructor names, ABI tags, the {@code std::} abbreviations and C++20 module names.
 *
 * <p>The spelling follows llvm-cxxfilt: {@code A<int>::~A()}, {@code std::string},
 * {@code (anonymous namespace)}, {@code f[abi:cxx11]}, {@code operator"" _x}, {@code A@m}.
 */
final class NameNodes {
    private NameNodes() {
    }

    /** Literal text: a source name, a builtin type, a keyword. */
    static final class Text extends Node {
        final String text;

        Text(String text) {
            this.text = text;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append(text);
        }

        @Override
        String baseName() {
            return text;
        }
    }

    /** {@code qualifier::name}. */
    static final class Nested extends Node {
        private final Node qualifier;
        private final Node name;

        Nested(Node qualifier, Node name) {
            this.qualifier = qualifier;
            this.name = name;
        }

        @Override
        void left(Printer p) throws DemangleException {
            qualifier.print(p);
            p.append("::");
            name.print(p);
        }

        @Override
        String baseName() {
            return name.baseName();
        }
    }

    /** {@code scope::friend name}, a member-like friend ({@code F}). */
    static final class Friend extends Node {
        private final Node scope;
        private final Node name;

        Friend(Node scope, Node name) {
            this.scope = scope;
            this.name = name;
        }

        @Override
        void left(Printer p) throws DemangleException {
            scope.print(p);
            p.append("::friend ");
            name.print(p);
        }

        @Override
        String baseName() {
            return name.baseName();
        }
    }

    /** A C++20 module name: {@code m}, {@code m.n}, {@code m:part} ({@code W}, {@code WP}). */
    static final class Module extends Node {
        private final Node parent;
        private final Node name;
        private final boolean partition;

        Module(Node parent, Node name, boolean partition) {
            this.parent = parent;
            this.name = name;
            this.partition = partition;
        }

        @Override
        void left(Printer p) throws DemangleException {
            if (parent != null) {
                parent.print(p);
                p.append(partition ? ':' : '.');
            }
            name.print(p);
        }
    }

    /** {@code name@module}, a name attached to a module. */
    static final class ModuleEntity extends Node {
        private final Node module;
        private final Node name;

        ModuleEntity(Node module, Node name) {
            this.module = module;
            this.name = name;
        }

        @Override
        void left(Printer p) throws DemangleException {
            name.print(p);
            p.append('@');
            module.print(p);
        }

        @Override
        String baseName() {
            return name.baseName();
        }
    }

    /** {@code function()::entity}, a local name (§5.1.6). */
    static final class Local extends Node {
        private final Node encoding;
        private final Node entity;

        Local(Node encoding, Node entity) {
            this.encoding = encoding;
            this.entity = entity;
        }

        @Override
        void left(Printer p) throws DemangleException {
            encoding.print(p);
            p.append("::");
            entity.print(p);
        }

        @Override
        String baseName() {
            return entity.baseName();
        }
    }

    /** A template name with its arguments. */
    static final class TemplateId extends Node {
        private final Node name;
        private final Node args;

        TemplateId(Node name, Node args) {
            this.name = name;
            this.args = args;
        }

        @Override
        void left(Printer p) throws DemangleException {
            name.print(p);
            args.print(p);
        }

        @Override
        String baseName() {
            return name.baseName();
        }
    }

    /** {@code <a, b>}; inside it a bare {@code >} operator needs parentheses. */
    static final class TemplateArgs extends Node {
        final List<Node> args;

        TemplateArgs(List<Node> args) {
            this.args = args;
        }

        @Override
        void left(Printer p) throws DemangleException {
            int saved = p.beginTemplateArgs();
            p.append('<');
            printList(p, args);
            p.append('>');
            p.endTemplateArgs(saved);
        }
    }

    /** {@code name[abi:tag]} (§5.1.2 abi-tag). */
    static final class AbiTagged extends Node {
        private final Node base;
        private final String tag;

        AbiTagged(Node base, String tag) {
            this.base = base;
            this.tag = tag;
        }

        @Override
        void left(Printer p) throws DemangleException {
            base.printLeft(p);
            p.append("[abi:").append(tag).append(']');
        }

        @Override
        String baseName() {
            return base.baseName();
        }
    }

    /** A constructor or destructor, named after its class. */
    static final class CtorDtor extends Node {
        private final Node owner;
        private final boolean destructor;

        CtorDtor(Node owner, boolean destructor) {
            this.owner = owner;
            this.destructor = destructor;
        }

        @Override
        void left(Printer p) throws DemangleException {
            if (destructor) {
                p.append('~');
            }
            p.append(owner.baseName());
        }
    }

    /** One of the abbreviations {@code Sa Sb Ss Si So Sd} (§5.1.10). */
    static final class StdAbbreviation extends Node {
        private static final String TRAITS = "std::char_traits<char>";
        private final char code;
        private final boolean expanded;

        StdAbbreviation(char code, boolean expanded) {
            this.code = code;
            this.expanded = expanded;
        }

        /** Returns the form a constructor's or destructor's prefix prints. */
        StdAbbreviation expand() {
            return new StdAbbreviation(code, true);
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append("std::");
            if (!expanded || code == 'a' || code == 'b') {
                p.append(shortName());
            } else if (code == 's') {
                p.append("basic_string<char, " + TRAITS + ", std::allocator<char>>");
            } else {
                p.append(baseName()).append("<char, " + TRAITS + ">");
            }
        }

        private String shortName() {
            switch (code) {
                case 'a': return "allocator";
                case 'b': return "basic_string";
                case 's': return "string";
                case 'i': return "istream";
                case 'o': return "ostream";
                default: return "iostream";
            }
        }

        @Override
        String baseName() {
            switch (code) {
                case 'a': return "allocator";
                case 'b': return "basic_string";
                case 's': return expanded ? "basic_string" : "string";
                case 'i': return expanded ? "basic_istream" : "istream";
                case 'o': return expanded ? "basic_ostream" : "ostream";
                default: return expanded ? "basic_iostream" : "iostream";
            }
        }
    }

    /** {@code operator type}, a conversion operator. */
    static final class Conversion extends Node {
        private final Node type;

        Conversion(Node type) {
            this.type = type;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append("operator ");
            type.print(p);
        }
    }

    /** {@code operator"" suffix}, a literal operator. */
    static final class LiteralOperator extends Node {
        private final Node suffix;

        LiteralOperator(Node suffix) {
            this.suffix = suffix;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.append("operator\"\" ");
            suffix.print(p);
        }
    }

    /** {@code [a, b]}, a structured binding declaration. */
    static final class Binding extends Node {
        private final List<Node> names;

        Binding(List<Node> names) {
            this.names = names;
        }

        @Override
        void left(Printer p) throws DemangleException {
            p.open('[');
            printList(p, names);
            p.close(']');
        }
    }

}
