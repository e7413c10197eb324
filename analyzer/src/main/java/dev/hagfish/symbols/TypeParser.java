package dev.hagfish.symbols;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code TypeParser} parses {@code <type>} (Itanium C++ ABI §5.1.5) for an
 * {@link ItaniumParser}, whose cursor and substitution table it shares. Every type except the
 * builtin ones and a bare substitution becomes a substitution candidate, as §5.1.10 requires.
 *
 * <p>Not thread-safe: one per parser.
 */
final class TypeParser {
    private final ItaniumParser p;
    private final Cursor c;
    /** False inside a conversion operator's type, where {@code I} belongs to the operator. */
    private boolean tryTemplateArgs = true;

    TypeParser(ItaniumParser p) {
        this.p = p;
        this.c = p.c;
    }

    /** Parses one {@code <type>}. */
    Node type() throws DemangleException {
        p.enter();
        try {
            Node builtin = builtin();
            if (builtin != null) {
                return builtin;
            }
            char ch = c.peek();
            if (ch == 'S' && c.peek(1) != 't') {
                Node sub = p.substitution();
                if (sub instanceof NameNodes.Module) {
                    Node n = p.names.unqualified(null, null, sub);
                    if (c.peek() == 'I') {
                        p.addSubstitution(n);
                        n = new NameNodes.TemplateId(n, p.templateArgs(false));
                    }
                    p.addSubstitution(n);
                    return n;
                }
                if (!(tryTemplateArgs && c.peek() == 'I')) {
                    return sub;
                }
                Node t = new NameNodes.TemplateId(sub, p.templateArgs(false));
                p.addSubstitution(t);
                return t;
            }
            Node t = compound(ch);
            p.addSubstitution(t);
            return t;
        } finally {
            p.leave();
        }
    }

    /** Parses the types that are substitution candidates. */
    private Node compound(char ch) throws DemangleException {
        switch (ch) {
            case 'r': case 'V': case 'K':
                if (qualifiedFunctionAhead()) {
                    return function(cvQualifiers());
                }
                return qualified();
            case 'U':
                return qualified();
            case 'F':
                return function(0);
            case 'A':
                return array();
            case 'M': {
                c.next();
                Node owner = type();
                return new TypeNodes.MemberPointer(owner, type());
            }
            case 'P':
                c.next();
                return new TypeNodes.Pointer(type());
            case 'R':
                c.next();
                return new TypeNodes.Reference(type(), false);
            case 'O':
                c.next();
                return new TypeNodes.Reference(type(), true);
            case 'C':
                c.next();
                return new TypeNodes.PostfixQualified(type(), " complex");
            case 'G':
                c.next();
                return new TypeNodes.PostfixQualified(type(), " imaginary");
            case 'T':
                return templateParamType();
            case 'u':
                return vendorType();
            case 'D':
                return dType();
            default:
                return p.names.name(null);
        }
    }

    /** Parses the types that never become substitution candidates; null when not one. */
    private Node builtin() throws DemangleException {
        char ch = c.peek();
        String name = builtinName(ch);
        if (name != null) {
            c.next();
            return new NameNodes.Text(name);
        }
        if (ch != 'D') {
            return null;
        }
        name = builtinName2(c.peek(1));
        if (name != null) {
            c.next();
            c.next();
            return new NameNodes.Text(name);
        }
        char d = c.peek(1);
        if (d == 'F') {
            c.consume("DF");
            String bits = c.optionalDigits();
            c.expect('_');
            return new NameNodes.Text("_Float" + bits);
        }
        if (d == 'B' || d == 'U') {
            c.next();
            c.next();
            String prefix = d == 'U' ? "unsigned _BitInt(" : "_BitInt(";
            Node size = Cursor.isDigit(c.peek())
                    ? new NameNodes.Text(c.number(false)) : p.exprs.expression();
            c.expect('_');
            return new TypeNodes.Keyworded(prefix, size, ")");
        }
        if (d == 'k' || d == 'K') {
            c.next();
            c.next();
            return new TypeNodes.Keyworded("", p.names.name(null),
                    d == 'k' ? " auto" : " decltype(auto)");
        }
        return null;
    }

    private static String builtinName(char ch) {
        switch (ch) {
            case 'v': return "void";
            case 'w': return "wchar_t";
            case 'b': return "bool";
            case 'c': return "char";
            case 'a': return "signed char";
            case 'h': return "unsigned char";
            case 's': return "short";
            case 't': return "unsigned short";
            case 'i': return "int";
            case 'j': return "unsigned int";
            case 'l': return "long";
            case 'm': return "unsigned long";
            case 'x': return "long long";
            case 'y': return "unsigned long long";
            case 'n': return "__int128";
            case 'o': return "unsigned __int128";
            case 'f': return "float";
            case 'd': return "double";
            case 'e': return "long double";
            case 'g': return "__float128";
            case 'z': return "...";
            default: return null;
        }
    }

    private static String builtinName2(char ch) {
        switch (ch) {
            case 'd': return "decimal64";
            case 'e': return "decimal128";
            case 'f': return "decimal32";
            case 'h': return "half";
            case 'i': return "char32_t";
            case 's': return "char16_t";
            case 'u': return "char8_t";
            case 'a': return "auto";
            case 'c': return "decltype(auto)";
            case 'n': return "std::nullptr_t";
            default: return null;
        }
    }

    /** {@code <CV-qualifiers> ::= [r] [V] [K]}, as a mask of {@link TypeNodes#CONST} etc. */
    int cvQualifiers() {
        int quals = 0;
        if (c.consume('r')) {
            quals |= TypeNodes.RESTRICT;
        }
        if (c.consume('V')) {
            quals |= TypeNodes.VOLATILE;
        }
        if (c.consume('K')) {
            quals |= TypeNodes.CONST;
        }
        return quals;
    }

    private boolean qualifiedFunctionAhead() {
        int i = 0;
        for (char q : new char[] {'r', 'V', 'K'}) {
            if (c.peek(i) == q) {
                i++;
            }
        }
        char a = c.peek(i);
        char b = c.peek(i + 1);
        return a == 'F' || (a == 'D' && (b == 'o' || b == 'O' || b == 'w' || b == 'x'));
    }

    /**
     * A cv- or vendor-qualified type. Only the outermost result is a candidate: the qualifiers
     * and types it is built from are parsed here, not through {@link #type()}.
     */
    private Node qualified() throws DemangleException {
        p.enter();
        try {
            if (c.consume('U')) {
                String qual = c.sourceName();
                if (qual.startsWith("objcproto")) {
                    Cursor inner = new Cursor(qual, "objcproto".length());
                    String protocol = inner.sourceName();
                    return new TypeNodes.ObjCProto(qualified(), protocol);
                }
                Node args = c.peek() == 'I' ? p.templateArgs(false) : null;
                return new TypeNodes.VendorQualified(qualified(), qual, args);
            }
            int quals = cvQualifiers();
            Node t = type();
            return quals == 0 ? t : new TypeNodes.Qualified(t, quals);
        } finally {
            p.leave();
        }
    }

    /** {@code [<CV-qualifiers>] [<exception-spec>] [Dx] F [Y] <ret> <params> [R|O] E}. */
    private Node function(int quals) throws DemangleException {
        Node spec = null;
        if (c.consume("Do")) {
            spec = new NameNodes.Text("noexcept");
        } else if (c.consume("DO")) {
            Node e = p.exprs.expression();
            c.expect('E');
            spec = new ExprNodes.Enclosing("noexcept", e, Node.Prec.PRIMARY);
        } else if (c.consume("Dw")) {
            List<Node> thrown = new ArrayList<>();
            while (!c.consume('E')) {
                thrown.add(type());
            }
            spec = new ExprNodes.Enclosing("throw", new ExprNodes.NodeList(thrown),
                    Node.Prec.PRIMARY);
        }
        c.consume("Dx");
        c.expect('F');
        c.consume('Y');
        Node ret = type();
        List<Node> params = new ArrayList<>();
        String ref = "";
        while (true) {
            if (c.consume('E')) {
                break;
            }
            if (c.consume('v')) {
                continue;
            }
            if (c.consume("RE")) {
                ref = " &";
                break;
            }
            if (c.consume("OE")) {
                ref = " &&";
                break;
            }
            params.add(type());
        }
        return new TypeNodes.Function(ret, params, quals, ref, spec);
    }

    /** {@code A <number> _ <type>}, {@code A <expression> _ <type>}, {@code A _ <type>}. */
    private Node array() throws DemangleException {
        c.expect('A');
        Node dim = null;
        if (Cursor.isDigit(c.peek())) {
            dim = new NameNodes.Text(c.number(false));
            c.expect('_');
        } else if (!c.consume('_')) {
            dim = p.exprs.expression();
            c.expect('_');
        }
        return new TypeNodes.Array(type(), dim);
    }

    /** {@code Ts}/{@code Tu}/{@code Te} elaborated names, or a template parameter. */
    private Node templateParamType() throws DemangleException {
        char k = c.peek(1);
        if (k == 's' || k == 'u' || k == 'e') {
            c.next();
            c.next();
            String kw = k == 's' ? "struct " : k == 'u' ? "union " : "enum ";
            return new TypeNodes.Keyworded(kw, p.names.name(null), "");
        }
        Node param = p.templates.param(p);
        if (tryTemplateArgs && c.peek() == 'I') {
            return new NameNodes.TemplateId(param, p.templateArgs(false));
        }
        return param;
    }

    /** {@code u <source-name> [I <type> E]}: a vendor type or a type transform. */
    private Node vendorType() throws DemangleException {
        c.expect('u');
        String name = c.sourceName();
        if (c.consume('I')) {
            Node t = type();
            c.expect('E');
            return new TypeNodes.Keyworded(name + "(", t, ")");
        }
        return new NameNodes.Text(name);
    }

    /** The {@code D} types that are candidates: decltype, pack expansion, vector, function. */
    private Node dType() throws DemangleException {
        char d = c.peek(1);
        if (d == 't' || d == 'T') {
            return decltype();
        }
        if (d == 'p') {
            c.next();
            c.next();
            return new PackNodes.PackExpansion(type());
        }
        if (d == 'v') {
            c.next();
            c.next();
            return vector();
        }
        if (d == 'o' || d == 'O' || d == 'w' || d == 'x') {
            return function(0);
        }
        throw new DemangleException("unknown D type at " + c.pos());
    }

    /** {@code Dt <expression> E} or {@code DT <expression> E}. */
    Node decltype() throws DemangleException {
        c.expect('D');
        c.next();
        Node e = p.exprs.expression();
        c.expect('E');
        return new ExprNodes.Enclosing("decltype", e, Node.Prec.PRIMARY);
    }

    /**
     * After {@code Dv}: {@code <number> _ (p | <type>)}, or {@code [<expression>] _ <type>}; a
     * number has no leading zero.
     */
    private Node vector() throws DemangleException {
        if (c.peek() >= '1' && c.peek() <= '9') {
            Node dim = new NameNodes.Text(c.number(false));
            c.expect('_');
            if (c.consume('p')) {
                return new TypeNodes.Vector(null, dim);
            }
            return new TypeNodes.Vector(type(), dim);
        }
        Node dim = null;
        if (!c.consume('_')) {
            dim = p.exprs.expression();
            c.expect('_');
        }
        return new TypeNodes.Vector(type(), dim);
    }

    /** Parses a type in which {@code I} does not start template arguments (a cast's type). */
    Node typeWithoutTemplateArgs() throws DemangleException {
        boolean savedTry = tryTemplateArgs;
        tryTemplateArgs = false;
        try {
            return type();
        } finally {
            tryTemplateArgs = savedTry;
        }
    }

    /**
     * Parses a conversion operator's type, where template arguments belong to the operator and
     * {@code T_} may refer to arguments not yet seen ({@code inEncodingName}).
     */
    Node conversionType(boolean inEncodingName) throws DemangleException {
        boolean savedTry = tryTemplateArgs;
        boolean savedPermit = p.templates.permitForwardRefs;
        tryTemplateArgs = false;
        p.templates.permitForwardRefs = savedPermit || inEncodingName;
        try {
            return type();
        } finally {
            tryTemplateArgs = savedTry;
            p.templates.permitForwardRefs = savedPermit;
        }
    }
}
