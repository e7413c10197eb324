package dev.hagfish.symbols;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code NameParser} parses {@code <name>} and its parts (Itanium C++ ABI §5.1.2–§5.1.8) for
 * an {@link ItaniumParser}, whose cursor, substitution table and template scope it shares:
 * nested, local and unscoped names, source, operator, constructor, destructor and unnamed type
 * names, ABI tags, and C++20 module names.
 *
 * <p>Not thread-safe: one per parser.
 */
final class NameParser {
    private final ItaniumParser p;
    private final Cursor c;

    NameParser(ItaniumParser p) {
        this.p = p;
        this.c = p.c;
    }

    /** {@code <name>}: nested, local, unscoped or unscoped template name. */
    Node name(ItaniumParser.NameState st) throws DemangleException {
        p.enter();
        try {
            char ch = c.peek();
            if (ch == 'N') {
                return nested(st);
            }
            if (ch == 'Z') {
                return local(st);
            }
            Node std = c.consume("St") ? new NameNodes.Text("std") : null;
            Node module = null;
            Node n = null;
            boolean isSubstitution = false;
            if (c.peek() == 'S') {
                Node sub = p.substitution();
                if (sub instanceof NameNodes.Module) {
                    module = sub;
                } else if (std == null) {
                    n = sub;
                    isSubstitution = true;
                } else {
                    throw new DemangleException("substitution after St");
                }
            }
            if (n == null) {
                n = unqualified(st, std, module);
            }
            if (c.peek() == 'I') {
                if (!isSubstitution) {
                    p.addSubstitution(n);
                }
                Node args = p.templateArgs(st != null);
                if (st != null) {
                    st.endsWithTemplateArgs = true;
                }
                return new NameNodes.TemplateId(n, args);
            }
            if (isSubstitution) {
                throw new DemangleException("substitution as a name without template args");
            }
            return n;
        } finally {
            p.leave();
        }
    }

    /**
     * {@code N [H | <CV-qualifiers> [<ref-qualifier>]] <prefix> <unqualified-name> E}. Every
     * component is a substitution candidate except the whole name, which is the caller's to add.
     */
    private Node nested(ItaniumParser.NameState st) throws DemangleException {
        c.expect('N');
        if (c.consume('H')) {
            if (st != null) {
                st.explicitObject = true;
            }
        } else {
            int quals = p.types.cvQualifiers();
            String ref = c.consume('O') ? " &&" : c.consume('R') ? " &" : "";
            if (st != null) {
                st.quals = quals;
                st.refQual = ref;
            }
        }
        Node soFar = null;
        while (!c.consume('E')) {
            if (st != null) {
                st.endsWithTemplateArgs = false;
            }
            char ch = c.peek();
            if (ch == 'T') {
                requireNull(soFar);
                soFar = p.templates.param(p);
            } else if (ch == 'I') {
                if (soFar == null || soFar instanceof NameNodes.TemplateId) {
                    throw new DemangleException("template args without a template");
                }
                Node args = p.templateArgs(st != null);
                if (st != null) {
                    st.endsWithTemplateArgs = true;
                }
                soFar = new NameNodes.TemplateId(soFar, args);
            } else if (ch == 'D' && (c.peek(1) == 't' || c.peek(1) == 'T')) {
                requireNull(soFar);
                soFar = p.types.decltype();
            } else {
                Node module = null;
                if (ch == 'S') {
                    Node sub = c.consume("St") ? new NameNodes.Text("std") : p.substitution();
                    if (sub instanceof NameNodes.Module) {
                        module = sub;
                    } else {
                        requireNull(soFar);
                        soFar = sub;
                        continue;
                    }
                }
                soFar = unqualified(st, soFar, module);
            }
            p.addSubstitution(soFar);
            c.consume('M');
        }
        if (soFar == null || !p.removeLastSubstitution()) {
            throw new DemangleException("empty nested name");
        }
        return soFar;
    }

    private static void requireNull(Node soFar) throws DemangleException {
        if (soFar != null) {
            throw new DemangleException("prefix in the middle of a nested name");
        }
    }

    /**
     * {@code Z <encoding> E <entity> [<discriminator>]} (§5.1.6 local-name). The entity does not
     * see the template arguments of the enclosing name, and its own stay inside.
     */
    private Node local(ItaniumParser.NameState st) throws DemangleException {
        c.expect('Z');
        TemplateScope.Saved saved = p.templates.saveAndClear();
        try {
            Node enc = p.encoding();
            c.expect('E');
            if (c.consume('s')) {
                discriminator();
                return new NameNodes.Local(enc, new NameNodes.Text("string literal"));
            }
            if (c.consume('d')) {
                c.consume('n');
                c.optionalDigits();
                c.expect('_');
                return new NameNodes.Local(enc, name(st));
            }
            Node entity = name(st);
            discriminator();
            return new NameNodes.Local(enc, entity);
        } finally {
            p.templates.restore(saved);
        }
    }

    /**
     * Skips a {@code <discriminator>} ({@code _d} or {@code __dd_}), or digits that end the name;
     * anything else is left alone.
     */
    private void discriminator() {
        int start = c.pos();
        if (c.consume('_')) {
            if (Cursor.isDigit(c.peek())) {
                c.reset(start + 2);
                return;
            }
            if (c.consume('_')) {
                c.optionalDigits();
                if (c.consume('_')) {
                    return;
                }
            }
            c.reset(start);
        } else if (Cursor.isDigit(c.peek())) {
            c.optionalDigits();
            if (!c.atEnd()) {
                c.reset(start);
            }
        }
    }

    /**
     * {@code <unqualified-name>} with its module, friend marker and ABI tags, qualified by
     * {@code scope} when that is not null; the scope also names constructors and destructors.
     */
    Node unqualified(ItaniumParser.NameState st, Node scope, Node module) throws DemangleException {
        module = moduleName(module);
        boolean friend = scope != null && c.consume('F');
        c.consume('L');
        Node n;
        char ch = c.peek();
        if (ch >= '1' && ch <= '9') {
            n = sourceName();
        } else if (ch == 'U') {
            n = unnamed(st);
        } else if (c.consume("DC")) {
            List<Node> names = new ArrayList<>();
            do {
                names.add(sourceName());
            } while (!c.consume('E'));
            n = new NameNodes.Binding(names);
        } else if (ch == 'C' || ch == 'D') {
            if (scope == null || module != null) {
                throw new DemangleException("constructor outside a class");
            }
            if (scope instanceof NameNodes.StdAbbreviation a) {
                scope = a.expand();
            }
            n = ctorDtor(st, scope);
        } else {
            n = operatorName(st);
        }
        if (module != null) {
            n = new NameNodes.ModuleEntity(module, n);
        }
        n = abiTags(n);
        if (friend) {
            return new NameNodes.Friend(scope, n);
        }
        return scope == null ? n : new NameNodes.Nested(scope, n);
    }

    /** {@code (W [P] <source-name>)*}, each step a substitution candidate; may return null. */
    Node moduleName(Node module) throws DemangleException {
        while (c.consume('W')) {
            boolean partition = c.consume('P');
            module = new NameNodes.Module(module, sourceName(), partition);
            p.addSubstitution(module);
        }
        return module;
    }

    /** Wraps {@code n} in the ABI tags that follow it. */
    Node abiTags(Node n) throws DemangleException {
        while (c.consume('B')) {
            n = new NameNodes.AbiTagged(n, c.sourceName());
        }
        return n;
    }

    /** {@code <source-name>}; names of anonymous namespaces print as such. */
    Node sourceName() throws DemangleException {
        String s = c.sourceName();
        if (s.startsWith("_GLOBAL__N")) {
            return new NameNodes.Text("(anonymous namespace)");
        }
        return new NameNodes.Text(s);
    }

    /** {@code C1}–{@code C5}, {@code CI1 <base>}, {@code CI2 <base>}, {@code D0}–{@code D5}. */
    private Node ctorDtor(ItaniumParser.NameState st, Node scope) throws DemangleException {
        if (st != null) {
            st.ctorDtorConversion = true;
        }
        boolean destructor = c.next() == 'D';
        boolean inheriting = !destructor && c.consume('I');
        char kind = c.next();
        boolean valid = destructor ? kind == '0' || kind == '1' || kind == '2' || kind == '4'
                || kind == '5' : kind >= '1' && kind <= '5';
        if (!valid) {
            throw new DemangleException("bad constructor or destructor kind");
        }
        if (inheriting) {
            name(st);
        }
        return new NameNodes.CtorDtor(scope, destructor);
    }

    /**
     * {@code Ut [n] _}, {@code Ul <lambda-sig> E [n] _}, {@code Ub [n] _} (§5.1.8). In the name
     * being encoded, template parameters inside refer to no enclosing argument list.
     */
    private Node unnamed(ItaniumParser.NameState st) throws DemangleException {
        if (st != null) {
            p.templates.clearLevels();
        }
        if (c.consume("Ut")) {
            String count = c.optionalDigits();
            c.expect('_');
            return new LambdaNodes.Unnamed(count);
        }
        if (c.consume("Ub")) {
            c.optionalDigits();
            c.expect('_');
            return new NameNodes.Text("'block-literal'");
        }
        if (c.consume("Ul")) {
            return p.templates.closure(p);
        }
        throw new DemangleException("bad unnamed type at " + c.pos());
    }

    /** {@code <operator-name>}, including conversion, literal and vendor operators. */
    Node operatorName(ItaniumParser.NameState st) throws DemangleException {
        if (c.consume("cv")) {
            if (st != null) {
                st.ctorDtorConversion = true;
            }
            return new NameNodes.Conversion(p.types.conversionType(st != null));
        }
        if (c.consume("li")) {
            return new NameNodes.LiteralOperator(sourceName());
        }
        if (c.peek() == 'v' && Cursor.isDigit(c.peek(1))) {
            c.next();
            c.next();
            return new NameNodes.Conversion(sourceName());
        }
        Operators.Op op = operatorCode();
        if (!op.isName()) {
            throw new DemangleException("not an operator name: " + op.code());
        }
        return new NameNodes.Text(op.functionName());
    }

    /** Consumes a two-letter operator code from the table. */
    Operators.Op operatorCode() throws DemangleException {
        if (c.remaining() < 2) {
            throw new DemangleException("truncated operator");
        }
        Operators.Op op = Operators.find("" + c.peek() + c.peek(1));
        if (op == null) {
            throw new DemangleException("unknown operator at " + c.pos());
        }
        c.next();
        c.next();
        return op;
    }
}
