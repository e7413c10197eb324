package dev.hagfish.values;

import java.util.List;

/**
 * {@code ExprParser} parses the C expression language of {@link Expr} by recursive descent, with
 * C's precedence: {@code ?:}, {@code ||}, {@code &&}, {@code |}, {@code ^}, {@code &},
 * equality, relations, shifts, additive, multiplicative, casts and prefix operators
 * ({@code * & - + ~ ! sizeof}), then postfix {@code [] . ->}. A parenthesis opens a cast when
 * what follows is a type name ({@link TypeNameParser}); that needs the scope's types, since a
 * typedef name is a type.
 */
final class ExprParser {
    /** The most tokens an expression may have: evaluation recurses once per node. */
    static final int MAX_TOKENS = 4096;
    /** The deepest nesting of parentheses, casts and prefix operators. */
    static final int MAX_NESTING = 256;

    private final List<Token> tokens;
    private final Types types;
    private int at;
    private int nesting;

    private ExprParser(List<Token> tokens, Types types) {
        this.tokens = tokens;
        this.types = types;
    }

    /** Parses a whole expression. */
    static Node parse(String text, Types types) throws ExprException {
        List<Token> tokens = ExprLexer.tokens(text);
        if (tokens.size() > MAX_TOKENS) {
            throw new ExprException(tokens.get(MAX_TOKENS).column(), ExprException.Kind.SYNTAX,
                    "the expression has more than " + MAX_TOKENS + " tokens");
        }
        ExprParser p = new ExprParser(tokens, types);
        if (p.peek().kind() == Token.Kind.END) {
            throw new ExprException(1, ExprException.Kind.SYNTAX, "empty expression");
        }
        Node n = p.conditional();
        if (p.peek().kind() != Token.Kind.END) {
            throw new ExprException(p.peek().column(), ExprException.Kind.SYNTAX,
                    "unexpected " + p.peek().describe() + " after the expression");
        }
        return n;
    }

    Token peek() {
        return tokens.get(at);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    /** Returns the index of the next token. */
    int position() {
        return at;
    }

    /** Goes back (or forward) to a token index that {@link #position} returned. */
    void seek(int position) {
        at = position;
    }

    Token take() {
        Token t = tokens.get(at);
        if (t.kind() != Token.Kind.END) {
            at++;
        }
        return t;
    }

    Token expect(String punct) throws ExprException {
        Token t = peek();
        if (!t.is(punct)) {
            throw new ExprException(t.column(), ExprException.Kind.SYNTAX, "expected '" + punct + "' but found "
                    + t.describe());
        }
        return take();
    }

    private Node conditional() throws ExprException {
        if (++nesting > MAX_NESTING) {
            throw new ExprException(peek().column(), ExprException.Kind.SYNTAX, "the expression is nested more than "
                    + MAX_NESTING + " levels deep");
        }
        try {
            return conditionalBody();
        } finally {
            nesting--;
        }
    }

    private Node conditionalBody() throws ExprException {
        Node c = binary(0);
        if (peek().is("?")) {
            Token q = take();
            Node a = conditional();
            expect(":");
            Node b = conditional();
            return new Node.Conditional(q.column(), c, a, b);
        }
        return c;
    }

    /** Binary operators by precedence level, lowest first. */
    private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("|"), List.of("^"),
            List.of("&"), List.of("==", "!="), List.of("<", ">", "<=", ">="), List.of("<<", ">>"), List.of("+", "-"),
            List.of("*", "/", "%"));

    private Node binary(int level) throws ExprException {
        if (level == LEVELS.size()) {
            return unary();
        }
        Node left = binary(level + 1);
        while (peek().kind() == Token.Kind.PUNCT && LEVELS.get(level).contains(peek().text())) {
            Token op = take();
            Node right = binary(level + 1);
            left = new Node.Binary(op.column(), op.text(), left, right);
        }
        return left;
    }

    private Node unary() throws ExprException {
        Token t = peek();
        if (t.kind() == Token.Kind.PUNCT && List.of("*", "&", "-", "+", "~", "!").contains(t.text())) {
            take();
            if (++nesting > MAX_NESTING) {
                throw new ExprException(t.column(), ExprException.Kind.SYNTAX, "the expression is nested more than "
                        + MAX_NESTING + " levels deep");
            }
            try {
                return new Node.Unary(t.column(), t.text(), unary());
            } finally {
                nesting--;
            }
        }
        if (t.isWord("sizeof")) {
            take();
            if (peek().is("(") && TypeNameParser.startsType(peek(1), types)) {
                take();
                long type = new TypeNameParser(this, types).parse();
                expect(")");
                return new Node.SizeofType(t.column(), type);
            }
            return new Node.SizeofValue(t.column(), unary());
        }
        if (t.is("(") && TypeNameParser.startsType(peek(1), types)) {
            take();
            long type = new TypeNameParser(this, types).parse();
            expect(")");
            return new Node.Cast(t.column(), type, unary());
        }
        return postfix();
    }

    private Node postfix() throws ExprException {
        Node n = primary();
        while (true) {
            Token t = peek();
            if (t.is("[")) {
                take();
                Node index = conditional();
                expect("]");
                n = new Node.Index(t.column(), n, index);
            } else if (t.is(".") || t.is("->")) {
                take();
                Token name = take();
                if (name.kind() != Token.Kind.IDENT) {
                    throw new ExprException(name.column(), ExprException.Kind.SYNTAX, "expected a member name after '"
                            + t.text() + "' but found " + name.describe());
                }
                n = new Node.Member(name.column(), n, name.text(), t.is("->"));
            } else {
                return n;
            }
        }
    }

    private Node primary() throws ExprException {
        Token t = take();
        switch (t.kind()) {
            case IDENT:
                if (t.isWord("sizeof")) {
                    break;
                }
                return new Node.Name(t.column(), t.text());
            case INTEGER:
                return IntegerLiteral.parse(t, types.pointerSize());
            case FLOAT:
                try {
                    return new Node.FloatLiteral(t.column(), Double.parseDouble(t.text().replaceFirst("[fFlL]$", "")));
                } catch (NumberFormatException e) {
                    throw new ExprException(t.column(), ExprException.Kind.SYNTAX, "invalid number '" + t.text() + "'");
                }
            case CHAR:
                return new Node.CharLiteral(t.column(), Integer.parseInt(t.text()));
            case PUNCT:
                if (t.is("(")) {
                    Node inner = conditional();
                    expect(")");
                    return inner;
                }
                break;
            default:
                break;
        }
        throw new ExprException(t.column(), ExprException.Kind.SYNTAX, "expected an expression but found "
                + t.describe());
    }
}
