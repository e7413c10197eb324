package dev.hagfish.values;

import dev.hagfish.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code TypeNameParser} parses a C type name as casts and {@code sizeof} write it: qualifiers
 * and specifiers ({@code const}, {@code struct proc}, {@code union u}, {@code enum e}, a
 * typedef name, or base-type words in any order such as {@code unsigned long}), then an abstract
 * declarator of pointers ({@code *}, {@code * const}), arrays ({@code [17]}) and parentheses
 * ({@code char (*)[17]}). Function declarators are refused with a clear message.
 */
final class TypeNameParser {
    private final ExprParser p;
    private final Types types;

    TypeNameParser(ExprParser p, Types types) {
        this.p = p;
        this.types = types;
    }

    /** Tells whether a token can start a type name. */
    static boolean startsType(Token t, Types types) {
        if (t.kind() != Token.Kind.IDENT) {
            return false;
        }
        return switch (t.text()) {
            case "struct", "union", "enum", "class", "const", "volatile" -> true;
            default -> BaseSpelling.isWord(t.text()) || types.isTypedef(t.text());
        };
    }

    /** Parses a type name; returns its id in {@link Types}. */
    long parse() throws ExprException {
        long base = specifiers();
        return declarator(base);
    }

    private long specifiers() throws ExprException {
        List<Type.Qualifier> quals = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Long named = null;
        Token first = p.peek();
        while (true) {
            Token t = p.peek();
            if (t.kind() != Token.Kind.IDENT) {
                break;
            }
            if (t.isWord("const") || t.isWord("volatile")) {
                p.take();
                quals.add(t.isWord("const") ? Type.Qualifier.CONST : Type.Qualifier.VOLATILE);
            } else if (named == null && words.isEmpty() && List.of("struct", "union", "enum", "class").contains(t.text())) {
                p.take();
                Token name = p.take();
                if (name.kind() != Token.Kind.IDENT) {
                    throw new ExprException(name.column(), ExprException.Kind.SYNTAX, "expected a " + t.text()
                            + " name but found " + name.describe());
                }
                String keyword = t.text().equals("class") ? "struct" : t.text();
                named = types.named(keyword, name.text()).orElseThrow(() -> new ExprException(name.column(),
                        ExprException.Kind.NOT_FOUND, "no " + t.text() + " named '" + name.text() + "'"));
            } else if (named == null && BaseSpelling.isWord(t.text())) {
                p.take();
                words.add(t.text());
            } else if (named == null && words.isEmpty() && types.isTypedef(t.text())) {
                p.take();
                named = types.named(null, t.text()).orElseThrow();
            } else {
                break;
            }
        }
        long base;
        if (named != null) {
            base = named;
        } else if (!words.isEmpty()) {
            Optional<BaseSpelling> spelling = BaseSpelling.of(words);
            if (spelling.isEmpty()) {
                throw new ExprException(first.column(), ExprException.Kind.SYNTAX, "'" + String.join(" ", words)
                        + "' is not a type");
            }
            base = types.base(spelling.get());
        } else {
            throw new ExprException(p.peek().column(), ExprException.Kind.SYNTAX, "expected a type name but found "
                    + p.peek().describe());
        }
        for (Type.Qualifier q : quals) {
            base = types.qualified(base, q);
        }
        return base;
    }

    /** An abstract declarator: the pointers bind first, then the array suffixes, then the parenthesized part. */
    private long declarator(long base) throws ExprException {
        long t = base;
        while (p.peek().is("*")) {
            p.take();
            t = types.pointerTo(t);
            while (p.peek().isWord("const") || p.peek().isWord("volatile")) {
                t = types.qualified(t, p.take().isWord("const") ? Type.Qualifier.CONST : Type.Qualifier.VOLATILE);
            }
        }
        int innerFrom = -1;
        if (p.peek().is("(") && (p.peek(1).is("*") || p.peek(1).is("("))) {
            innerFrom = p.position() + 1;
            skipBalanced();
        }
        if (p.peek().is("(")) {
            throw new ExprException(p.peek().column(), ExprException.Kind.SYNTAX,
                    "function types are not supported in casts; cast to a data pointer instead");
        }
        List<Long> dims = new ArrayList<>();
        while (p.peek().is("[")) {
            p.take();
            Token n = p.take();
            if (n.kind() != Token.Kind.INTEGER) {
                throw new ExprException(n.column(), ExprException.Kind.SYNTAX, "expected an array size but found "
                        + n.describe());
            }
            dims.add(IntegerLiteral.parse(n, types.pointerSize()).value());
            p.expect("]");
        }
        if (!dims.isEmpty()) {
            t = types.arrayOf(t, dims);
        }
        if (innerFrom >= 0) {
            // The parenthesized part applies last: parse it over what the suffixes made, then resume.
            int resume = p.position();
            p.seek(innerFrom);
            t = declarator(t);
            p.expect(")");
            p.seek(resume);
        }
        return t;
    }

    /** Skips a parenthesized inner declarator. */
    private void skipBalanced() throws ExprException {
        int depth = 0;
        Token open = p.peek();
        do {
            Token t = p.take();
            if (t.kind() == Token.Kind.END) {
                throw new ExprException(open.column(), ExprException.Kind.SYNTAX, "unbalanced '(' in the type name");
            }
            depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
        } while (depth > 0);
    }
}
