package dev.hagfish.symbols;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code ExprParser} parses {@code <expression>} (Itanium C++ ABI §5.1.6) for an
 * {@link ItaniumParser}, whose cursor and state it shares; literals go to {@link LiteralParser}.
 * Expressions occur in template arguments ({@code X...E}), {@code decltype}, array bounds,
 * {@code noexcept} specifications and requires-clauses.
 *
 * <p>Not thread-safe: one per parser.
 */
final class ExprParser {
    private final ItaniumParser p;
    private final Cursor c;

    ExprParser(ItaniumParser p) {
        this.p = p;
        this.c = p.c;
    }

    /**
     * Parses a requires-clause's {@code <expression>}, in which template parameters print as
     * written.
     */
    Node constraint() throws DemangleException {
        boolean saved = p.templates.incompleteTracking;
        p.templates.incompleteTracking = true;
        try {
            return expression();
        } finally {
            p.templates.incompleteTracking = saved;
        }
    }

    /** Parses one {@code <expression>}. */
    Node expression() throws DemangleException {
        p.enter();
        try {
            return expressionBody();
        } finally {
            p.leave();
        }
    }

    /**
     * Dispatches on the first chars. A leading {@code gs} matters only to {@code new},
     * {@code delete} and unresolved names, and is ignored elsewhere as llvm-cxxfilt does.
     */
    private Node expressionBody() throws DemangleException {
        boolean global = c.consume("gs");
        char ch = c.peek();
        if (ch == 'L') {
            return p.literals.primary();
        }
        if (ch == 'T') {
            return p.templates.param(p);
        }
        if (c.lookingAt("fp") || (c.lookingAt("fL") && Cursor.isDigit(c.peek(2)))) {
            return functionParam();
        }
        if (ch == 'f' && "lrLR".indexOf(c.peek(1)) >= 0 && c.peek(1) != 0) {
            return fold();
        }
        if (c.lookingAt("nw") || c.lookingAt("na")) {
            return newExpression(global);
        }
        if (c.lookingAt("dl") || c.lookingAt("da")) {
            c.next();
            boolean array = c.next() == 'a';
            return new ExprNodes.Delete(expression(), global, array);
        }
        if (ch == 'u' && Cursor.isDigit(c.peek(1))) {
            c.next();
            Node name = p.names.sourceName();
            List<Node> args = new ArrayList<>();
            while (!c.consume('E')) {
                args.add(p.templateArg());
            }
            return new OperatorNodes.Call(name, args);
        }
        Node special = keywordExpression();
        if (special != null) {
            return special;
        }
        Operators.Op op = c.remaining() >= 2 ? Operators.find("" + ch + c.peek(1)) : null;
        if (op != null) {
            return operatorExpression(op);
        }
        return unresolvedName(global);
    }

    /** Expressions introduced by a code that is not an operator of the table. */
    private Node keywordExpression() throws DemangleException {
        if (c.consume("pp_")) {
            return new OperatorNodes.Prefix("++", expression(), Node.Prec.POSTFIX);
        } else if (c.consume("mm_")) {
            return new OperatorNodes.Prefix("--", expression(), Node.Prec.POSTFIX);
        } else if (c.consume("tl")) {
            Node type = p.types.type();
            return new ExprNodes.InitList(type, bracedList());
        } else if (c.consume("il")) {
            return new ExprNodes.InitList(null, bracedList());
        } else if (c.consume("sZ")) {
            if (c.peek() == 'T') {
                return new ExprNodes.SizeofPack(p.templates.param(p));
            }
            if (c.peek() != 'f') {
                throw new DemangleException("bad sZ operand");
            }
            return new ExprNodes.Enclosing("sizeof... ", functionParam(), Node.Prec.PRIMARY);
        } else if (c.consume("sP")) {
            List<Node> args = new ArrayList<>();
            while (!c.consume('E')) {
                args.add(p.templateArg());
            }
            return new ExprNodes.Enclosing("sizeof... ", new ExprNodes.NodeList(args),
                    Node.Prec.PRIMARY);
        } else if (c.consume("sp")) {
            return new PackNodes.PackExpansion(expression());
        } else if (c.consume("tw")) {
            return new ExprNodes.Throw(expression());
        } else if (c.consume("tr")) {
            return new NameNodes.Text("throw");
        } else if (c.consume("nx")) {
            return new ExprNodes.Enclosing("noexcept ", expression(), Node.Prec.UNARY);
        } else if (c.consume("so")) {
            return subobject();
        } else if (c.consume("mc")) {
            Node type = p.types.type();
            Node expr = expression();
            c.optionalNumber();
            c.expect('E');
            return new OperatorNodes.Conversion(type, List.of(expr));
        }
        return null;
    }

    /** Expressions whose code is in {@link Operators}. */
    private Node operatorExpression(Operators.Op op) throws DemangleException {
        c.next();
        c.next();
        switch (op.kind()) {
            case BINARY: {
                Node lhs = expression();
                return new OperatorNodes.Binary(lhs, op.symbol(), expression(), op.prec());
            }
            case PREFIX:
                return new OperatorNodes.Prefix(op.symbol(), expression(), op.prec());
            case POSTFIX:
                return new OperatorNodes.Postfix(expression(), op.symbol());
            case MEMBER: {
                Node lhs = expression();
                return new OperatorNodes.Member(lhs, op.symbol(), expression(), op.prec());
            }
            case SUBSCRIPT: {
                Node array = expression();
                return new OperatorNodes.Subscript(array, expression());
            }
            case CONDITIONAL: {
                Node cond = expression();
                Node then = expression();
                return new OperatorNodes.Conditional(cond, then, expression());
            }
            case CALL: {
                Node callee = expression();
                List<Node> args = new ArrayList<>();
                while (!c.consume('E')) {
                    args.add(expression());
                }
                return new OperatorNodes.Call(callee, args);
            }
            case CONVERSION:
                return conversion();
            case NAMED_CAST: {
                Node type = p.types.type();
                return new OperatorNodes.NamedCast(op.symbol(), type, expression());
            }
            case OF_TYPE:
                return new ExprNodes.Enclosing(op.symbol(), p.types.type(), op.prec());
            case OF_EXPR:
                return new ExprNodes.Enclosing(op.symbol(), expression(), op.prec());
            default:
                throw new DemangleException("operator " + op.code() + " not an expression");
        }
    }

    /** {@code cv <type> <expression>} or {@code cv <type> _ <expression>* E}. */
    private Node conversion() throws DemangleException {
        Node type = p.types.typeWithoutTemplateArgs();
        List<Node> args = new ArrayList<>();
        if (c.consume('_')) {
            while (!c.consume('E')) {
                args.add(expression());
            }
        } else {
            args.add(expression());
        }
        return new OperatorNodes.Conversion(type, args);
    }

    /** {@code <braced-expression>* E}: initialisers, possibly designated. */
    private List<Node> bracedList() throws DemangleException {
        List<Node> inits = new ArrayList<>();
        while (!c.consume('E')) {
            inits.add(braced());
        }
        return inits;
    }

    private Node braced() throws DemangleException {
        p.enter();
        try {
            if (c.consume("di")) {
                Node field = p.names.sourceName();
                return new ExprNodes.Designated(field, null, true, braced());
            }
            if (c.consume("dx")) {
                Node index = expression();
                return new ExprNodes.Designated(index, null, false, braced());
            }
            if (c.consume("dX")) {
                Node first = expression();
                Node last = expression();
                return new ExprNodes.Designated(first, last, false, braced());
            }
            return expression();
        } finally {
            p.leave();
        }
    }

    /** {@code [gs] nw <expression>* _ <type> (E | pi <expression>* E)}, and {@code na}. */
    private Node newExpression(boolean global) throws DemangleException {
        c.next();
        boolean array = c.next() == 'a';
        List<Node> placement = new ArrayList<>();
        while (!c.consume('_')) {
            placement.add(expression());
        }
        Node type = p.types.type();
        List<Node> init = null;
        if (c.consume("pi")) {
            init = new ArrayList<>();
            while (!c.consume('E')) {
                init.add(expression());
            }
        } else {
            c.expect('E');
        }
        return new ExprNodes.New(placement, type, init, global, array);
    }

    /** {@code fl}, {@code fr}, {@code fL}, {@code fR}: C++17 fold expressions. */
    private Node fold() throws DemangleException {
        c.next();
        char kind = c.next();
        Operators.Op op = p.names.operatorCode();
        boolean binary = op.kind() == Operators.Kind.BINARY
                || (op.kind() == Operators.Kind.MEMBER && op.prec() == Node.Prec.PTR_MEM);
        if (!binary) {
            throw new DemangleException("fold over a non-binary operator");
        }
        Node first = expression();
        Node second = kind == 'L' || kind == 'R' ? expression() : null;
        switch (kind) {
            case 'l': return new ExprNodes.Fold(true, op.symbol(), first, null);
            case 'r': return new ExprNodes.Fold(false, op.symbol(), first, null);
            case 'L': return new ExprNodes.Fold(true, op.symbol(), second, first);
            default: return new ExprNodes.Fold(false, op.symbol(), first, second);
        }
    }

    /** {@code so <type> <expr> [<offset>] <union-selector>* [p] E}. */
    private Node subobject() throws DemangleException {
        Node type = p.types.type();
        Node expr = expression();
        String offset = c.optionalNumber();
        while (c.consume('_')) {
            c.optionalDigits();
        }
        c.consume('p');
        c.expect('E');
        String shown = offset.isEmpty() ? "0"
                : offset.startsWith("n") ? "-" + offset.substring(1) : offset;
        return new ExprNodes.SubobjectExpr(expr, type, shown);
    }

    /** {@code fpT}, {@code fp <cv> [n] _}, {@code fL <level> p <cv> [n] _}. */
    private Node functionParam() throws DemangleException {
        if (c.consume("fpT")) {
            return new NameNodes.Text("this");
        }
        if (c.consume("fL")) {
            c.number(false);
            c.expect('p');
        } else {
            c.expect('f');
            c.expect('p');
        }
        p.types.cvQualifiers();
        String n = c.optionalDigits();
        c.expect('_');
        return new NameNodes.Text("fp" + n);
    }

    /** {@code <unresolved-name>}: a name that depends on template parameters. */
    private Node unresolvedName(boolean global) throws DemangleException {
        if (c.consume("srN")) {
            Node q = unresolvedType();
            if (c.peek() == 'I') {
                q = new NameNodes.TemplateId(q, p.templateArgs(false));
            }
            while (!c.consume('E')) {
                q = new NameNodes.Nested(q, simpleId());
            }
            return new NameNodes.Nested(q, baseUnresolvedName());
        }
        if (c.consume("sr")) {
            if (Cursor.isDigit(c.peek())) {
                Node q = simpleId();
                while (!c.consume('E')) {
                    q = new NameNodes.Nested(q, simpleId());
                }
                return globally(global, new NameNodes.Nested(q, baseUnresolvedName()));
            }
            Node q = unresolvedType();
            if (c.peek() == 'I') {
                q = new NameNodes.TemplateId(q, p.templateArgs(false));
            }
            return new NameNodes.Nested(q, baseUnresolvedName());
        }
        return globally(global, baseUnresolvedName());
    }

    private static Node globally(boolean global, Node n) {
        return global ? new TypeNodes.Keyworded("::", n, "") : n;
    }

    /** {@code <template-param>}, {@code <decltype>} or {@code <substitution>}. */
    private Node unresolvedType() throws DemangleException {
        char ch = c.peek();
        if (ch == 'T') {
            Node t = p.templates.param(p);
            p.addSubstitution(t);
            return t;
        }
        if (ch == 'D' && (c.peek(1) == 't' || c.peek(1) == 'T')) {
            Node t = p.types.decltype();
            p.addSubstitution(t);
            return t;
        }
        return p.substitution();
    }

    /** {@code <source-name> [<template-args>]}. */
    private Node simpleId() throws DemangleException {
        Node n = p.names.sourceName();
        if (c.peek() == 'I') {
            n = new NameNodes.TemplateId(n, p.templateArgs(false));
        }
        return n;
    }

    /**
     * {@code <simple-id>}, {@code [on] <operator-name> [<template-args>]} or
     * {@code dn <destructor-name>}; llvm-cxxfilt accepts the operator without its {@code on}.
     */
    private Node baseUnresolvedName() throws DemangleException {
        if (Cursor.isDigit(c.peek())) {
            return simpleId();
        }
        if (c.consume("dn")) {
            Node n = Cursor.isDigit(c.peek()) ? simpleId() : unresolvedType();
            return new ExprNodes.DestructorName(n);
        }
        c.consume("on");
        Node n = p.names.operatorName(null);
        if (c.peek() == 'I') {
            n = new NameNodes.TemplateId(n, p.templateArgs(false));
        }
        return n;
    }

}
