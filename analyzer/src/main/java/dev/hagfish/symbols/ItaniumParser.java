package dev.hagfish.symbols;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code ItaniumParser} turns one mangled name into a {@link Node} graph by recursive descent
 * over the grammar of the Itanium C++ ABI §5.1. It owns the state the grammar needs: the
 * substitution table (§5.1.10), the template parameters in scope (§5.1.9) and the budget that
 * bounds recursion. Encodings, special names, substitutions and template arguments are parsed
 * here; names, types, expressions and literals are delegated to {@link NameParser},
 * {@link TypeParser}, {@link ExprParser} and {@link LiteralParser}, which share this state.
 *
 * <p>Every failure is a {@link DemangleException}; nothing is ever partially accepted.
 *
 * <p>Not thread-safe: one parser per demangling call.
 */
final class ItaniumParser {
    /** How deeply productions may nest before the input is rejected as hostile. */
    static final int MAX_DEPTH = 128;

    final Cursor c;
    final TypeParser types;
    final ExprParser exprs;
    final LiteralParser literals;
    final NameParser names;
    final TemplateScope templates = new TemplateScope();
    private final List<Node> subs = new ArrayList<>();
    private int depth;

    /** What parsing a function's name tells about the rest of its encoding. */
    static final class NameState {
        int quals;
        String refQual = "";
        boolean ctorDtorConversion;
        boolean endsWithTemplateArgs;
        boolean explicitObject;
        final int forwardRefsBegin;

        NameState(int forwardRefsBegin) {
            this.forwardRefsBegin = forwardRefsBegin;
        }
    }

    /**
     * Creates a parser.
     *
     * @param text the mangled name, one char per byte
     * @param start where the {@code <encoding>} begins (after {@code _Z})
     */
    ItaniumParser(String text, int start) {
        this.c = new Cursor(text, start);
        this.types = new TypeParser(this);
        this.exprs = new ExprParser(this);
        this.literals = new LiteralParser(this);
        this.names = new NameParser(this);
    }

    /** Counts one level of nesting; pair with {@link #leave()}. */
    void enter() throws DemangleException {
        if (++depth > MAX_DEPTH) {
            throw new DemangleException("nested deeper than " + MAX_DEPTH);
        }
    }

    void leave() {
        depth--;
    }

    /** Adds a substitution candidate. */
    void addSubstitution(Node n) {
        subs.add(n);
    }

    /** Drops the newest substitution candidate; tells whether there was one. */
    boolean removeLastSubstitution() {
        if (subs.isEmpty()) {
            return false;
        }
        subs.remove(subs.size() - 1);
        return true;
    }

    /**
     * {@code <encoding> ::= <name> <bare-function-type> | <name> | <special-name>}. The template
     * scope of an encoding is its own; forward references in its name are bound once the name
     * is complete. A template function's return type comes first, except for constructors,
     * destructors and conversion operators.
     */
    Node encoding() throws DemangleException {
        enter();
        TemplateScope.Saved saved = templates.saveAndClear();
        try {
            char ch = c.peek();
            if (ch == 'G' || ch == 'T') {
                return special();
            }
            NameState st = new NameState(templates.forwardRefCount());
            Node name = names.name(st);
            templates.resolveForwardRefs(st.forwardRefsBegin);
            ch = c.peek();
            if (c.atEnd() || ch == 'E' || ch == '.') {
                return name;
            }
            Node attrs = null;
            if (c.consume("Ua9enable_ifI")) {
                List<Node> conds = new ArrayList<>();
                while (!c.consume('E')) {
                    conds.add(templateArg());
                }
                attrs = new EncodingNodes.EnableIf(conds);
            }
            Node ret = st.endsWithTemplateArgs && !st.ctorDtorConversion ? types.type() : null;
            List<Node> params = new ArrayList<>();
            if (!c.consume('v')) {
                do {
                    params.add(types.type());
                    ch = c.peek();
                } while (!c.atEnd() && ch != 'E' && ch != '.' && ch != '_' && ch != 'Q');
            }
            Node requires = c.consume('Q') ? exprs.constraint() : null;
            return new EncodingNodes.Function(ret, name, params, attrs, st.quals, st.refQual,
                    requires, st.explicitObject);
        } finally {
            templates.restore(saved);
            leave();
        }
    }

    /** {@code <special-name>} (§5.1.4): virtual tables, RTTI, thunks, guard variables. */
    private Node special() throws DemangleException {
        if (c.consume("TV")) {
            return new EncodingNodes.Special("vtable for ", types.type());
        } else if (c.consume("TT")) {
            return new EncodingNodes.Special("VTT for ", types.type());
        } else if (c.consume("TI")) {
            return new EncodingNodes.Special("typeinfo for ", types.type());
        } else if (c.consume("TS")) {
            return new EncodingNodes.Special("typeinfo name for ", types.type());
        } else if (c.consume("Th")) {
            callOffset('h');
            return new EncodingNodes.Special("non-virtual thunk to ", encoding());
        } else if (c.consume("Tv")) {
            callOffset('v');
            return new EncodingNodes.Special("virtual thunk to ", encoding());
        } else if (c.consume("Tc")) {
            callOffset(c.next());
            callOffset(c.next());
            return new EncodingNodes.Special("covariant return thunk to ", encoding());
        } else if (c.consume("TC")) {
            Node derived = types.type();
            c.number(true);
            c.expect('_');
            Node base = types.type();
            return new EncodingNodes.ConstructionVtable(derived, base);
        } else if (c.consume("TW")) {
            return new EncodingNodes.Special("thread-local wrapper routine for ",
                    names.name(null));
        } else if (c.consume("TH")) {
            return new EncodingNodes.Special("thread-local initialization routine for ",
                    names.name(null));
        } else if (c.consume("TA")) {
            return new EncodingNodes.Special("template parameter object for ", templateArg());
        } else if (c.consume("GV")) {
            return new EncodingNodes.Special("guard variable for ", names.name(null));
        } else if (c.consume("GI")) {
            Node module = names.moduleName(null);
            if (module == null) {
                throw new DemangleException("GI without a module");
            }
            return new EncodingNodes.Special("initializer for module ", module);
        } else if (c.consume("GR")) {
            Node n = names.name(null);
            boolean hasSeqId = c.seqId() >= 0;
            if (!c.consume('_') && hasSeqId) {
                throw new DemangleException("GR seq-id without '_'");
            }
            return new EncodingNodes.Special("reference temporary for ", n);
        }
        throw new DemangleException("unknown special name at " + c.pos());
    }

    /** {@code h <offset> _} or {@code v <offset> _ <virtual offset> _}, after the letter. */
    private void callOffset(char kind) throws DemangleException {
        if (kind == 'h') {
            c.number(true);
            c.expect('_');
        } else if (kind == 'v') {
            c.number(true);
            c.expect('_');
            c.number(true);
            c.expect('_');
        } else {
            throw new DemangleException("bad call offset");
        }
    }

    /** {@code <substitution>} (§5.1.10), after which ABI tags make a new candidate. */
    Node substitution() throws DemangleException {
        c.expect('S');
        char ch = c.peek();
        if (ch != 0 && "absiod".indexOf(ch) >= 0) {
            c.next();
            Node n = new NameNodes.StdAbbreviation(ch, false);
            Node tagged = names.abiTags(n);
            if (tagged != n) {
                addSubstitution(tagged);
            }
            return tagged;
        }
        long index = 0;
        if (!c.consume('_')) {
            long id = c.seqId();
            if (id < 0) {
                throw new DemangleException("bad substitution at " + c.pos());
            }
            c.expect('_');
            index = id + 1;
        }
        if (index >= subs.size()) {
            throw new DemangleException("substitution out of range");
        }
        return subs.get((int) index);
    }

    /**
     * {@code I <template-arg>+ E}. When {@code tag} is set these are the arguments of the
     * entity being encoded, which {@code T_} refers to from then on.
     */
    NameNodes.TemplateArgs templateArgs(boolean tag) throws DemangleException {
        enter();
        try {
            c.expect('I');
            if (tag) {
                templates.beginOuter();
            }
            List<Node> args = new ArrayList<>();
            while (!c.consume('E')) {
                Node arg = templateArg();
                args.add(arg);
                if (tag) {
                    templates.addOuter(arg);
                }
                if (c.consume('Q')) {
                    exprs.constraint();
                    c.expect('E');
                    break;
                }
            }
            return new NameNodes.TemplateArgs(args);
        } finally {
            leave();
        }
    }

    /** {@code <template-arg>}: a type, {@code X expr E}, a literal or a {@code J} pack. */
    Node templateArg() throws DemangleException {
        enter();
        try {
            if (TemplateScope.isParamDecl(c)) {
                templates.paramDecl(this, null);
                return new PackNodes.QualifiedArg(templateArg());
            }
            switch (c.peek()) {
                case 'X': {
                    c.next();
                    Node e = exprs.expression();
                    c.expect('E');
                    return e;
                }
                case 'J': {
                    c.next();
                    List<Node> elements = new ArrayList<>();
                    while (!c.consume('E')) {
                        elements.add(templateArg());
                    }
                    return new PackNodes.ArgumentPack(elements);
                }
                case 'L': {
                    if (c.consume("LZ")) {
                        Node enc = encoding();
                        c.expect('E');
                        return enc;
                    }
                    return literals.primary();
                }
                default:
                    return types.type();
            }
        } finally {
            leave();
        }
    }
}
