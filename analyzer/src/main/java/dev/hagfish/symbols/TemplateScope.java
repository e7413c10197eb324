package dev.hagfish.symbols;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code TemplateScope} tracks which template arguments a {@code <template-param>}
 * ({@code T_}, {@code T0_}, {@code TL0__}; Itanium C++ ABI §5.1.9) refers to while an
 * {@link ItaniumParser} runs.
 *
 * <p>Level 0 holds the arguments of the entity being encoded: the last template argument list of
 * its name, filled as it is parsed. Each {@code <encoding>} and each local name starts afresh and
 * gives the enclosing scope back when it ends; an unnamed type or lambda in the encoded name
 * starts afresh too. Generic lambdas (§5.1.8) add a level for their own template parameters,
 * declared explicitly ({@code Ty}, {@code Tn}…) or implied by {@code auto} parameters. In a
 * conversion operator's type, which comes before the arguments it refers to, parameters are
 * forward references that are bound once the name is complete. These rules are llvm-cxxfilt's,
 * learnt from its output; they decide both what {@code T_} prints and which names it rejects.
 *
 * <p>Not thread-safe: one per parser.
 */
final class TemplateScope {
    private List<List<Node>> levels = new ArrayList<>();
    private List<Node> outer = new ArrayList<>();
    private final List<PackNodes.ForwardReference> forwardRefs = new ArrayList<>();
    private int lambdaLevel = -1;
    private final int[] synthetic = new int[3];
    /** Whether {@code T_} is a forward reference (inside a conversion operator's type). */
    boolean permitForwardRefs;
    /**
     * Whether template parameters print as written ({@code T}, {@code T0}) instead of being
     * looked up: inside requires-clauses, whose scopes are not tracked.
     */
    boolean incompleteTracking;

    /** The scope an {@code <encoding>} replaces, to be given back by {@link #restore}. */
    record Saved(List<List<Node>> levels, List<Node> outer) {
    }

    /** Saves the scope and starts an empty one, for a nested encoding. */
    Saved saveAndClear() {
        Saved s = new Saved(levels, outer);
        levels = new ArrayList<>();
        outer = new ArrayList<>();
        return s;
    }

    /** Gives back a scope saved by {@link #saveAndClear()}. */
    void restore(Saved s) {
        levels = s.levels();
        outer = s.outer();
    }

    /** Forgets all argument lists in scope. */
    void clearLevels() {
        levels = new ArrayList<>();
    }

    /** Starts the argument list of the entity being encoded; it becomes level 0. */
    void beginOuter() {
        outer = new ArrayList<>();
        levels = new ArrayList<>();
        levels.add(outer);
    }

    /**
     * Adds the next argument of the entity being encoded. A pack stands for its elements; one
     * behind a parameter declaration stays a single argument, as in llvm-cxxfilt.
     */
    void addOuter(Node arg) {
        if (arg instanceof PackNodes.QualifiedArg q) {
            outer.add(q.arg);
        } else if (arg instanceof PackNodes.ArgumentPack p) {
            outer.add(new PackNodes.ParameterPack(p.elements));
        } else {
            outer.add(arg);
        }
    }

    int forwardRefCount() {
        return forwardRefs.size();
    }

    /** Binds the forward references made since {@code begin} to the level-0 arguments. */
    void resolveForwardRefs(int begin) throws DemangleException {
        List<Node> args = levels.isEmpty() ? null : levels.get(0);
        for (int i = begin; i < forwardRefs.size(); i++) {
            PackNodes.ForwardReference ref = forwardRefs.get(i);
            if (args == null || ref.index >= args.size()) {
                throw new DemangleException("forward template reference out of range");
            }
            ref.target = args.get(ref.index);
        }
        forwardRefs.subList(begin, forwardRefs.size()).clear();
    }

    /** {@code <template-param> ::= T_ | T <n> _ | TL <level> __ | TL <level> _ <n> _}. */
    Node param(ItaniumParser p) throws DemangleException {
        Cursor c = p.c;
        int start = c.pos();
        c.expect('T');
        int level = 0;
        if (c.consume('L')) {
            level = smallNumber(c) + 1;
            c.expect('_');
        }
        int index = 0;
        if (!c.consume('_')) {
            index = smallNumber(c) + 1;
            c.expect('_');
        }
        if (incompleteTracking) {
            return new NameNodes.Text(c.text(start, c.pos() - 1));
        }
        if (permitForwardRefs && level == 0) {
            PackNodes.ForwardReference ref = new PackNodes.ForwardReference(index);
            forwardRefs.add(ref);
            return ref;
        }
        if (level >= levels.size() || levels.get(level) == null
                || index >= levels.get(level).size()) {
            if (lambdaLevel == level && level <= levels.size()) {
                if (level == levels.size()) {
                    levels.add(null);
                }
                return new NameNodes.Text("auto");
            }
            throw new DemangleException("template parameter out of scope");
        }
        return levels.get(level).get(index);
    }

    /** Parses a decimal index; huge values saturate, as no argument list is that long. */
    private static int smallNumber(Cursor c) throws DemangleException {
        String digits = c.number(false);
        long n = 0;
        for (int i = 0; i < digits.length(); i++) {
            n = Math.min(1 << 24, n * 10 + digits.charAt(i) - '0');
        }
        return (int) n;
    }

    /** {@code Ul <template-param-decl>* <lambda-sig> E [n] _}, after the {@code Ul}. */
    Node closure(ItaniumParser p) throws DemangleException {
        Cursor c = p.c;
        int savedLambda = lambdaLevel;
        int savedSize = levels.size();
        lambdaLevel = savedSize;
        List<Node> lambdaParams = new ArrayList<>();
        levels.add(lambdaParams);
        try {
            List<Node> decls = new ArrayList<>();
            while (isParamDecl(c)) {
                decls.add(paramDecl(p, lambdaParams));
            }
            if (decls.isEmpty()) {
                levels.remove(levels.size() - 1);
            }
            Node requires1 = c.consume('Q') ? p.exprs.constraint() : null;
            List<Node> params = new ArrayList<>();
            if (!c.consume('v')) {
                do {
                    params.add(p.types.type());
                } while (c.peek() != 'E' && c.peek() != 'Q');
            }
            Node requires2 = c.consume('Q') ? p.exprs.constraint() : null;
            c.expect('E');
            String count = c.optionalDigits();
            c.expect('_');
            return new LambdaNodes.Closure(decls, requires1, params, requires2, count);
        } finally {
            truncateLevels(savedSize);
            lambdaLevel = savedLambda;
        }
    }

    private void truncateLevels(int size) {
        while (levels.size() > size) {
            levels.remove(levels.size() - 1);
        }
    }

    /** Tells whether a {@code <template-param-decl>} ({@code Ty Tn Tt Tp Tk}) comes next. */
    static boolean isParamDecl(Cursor c) {
        char k = c.peek(1);
        return c.peek() == 'T' && (k == 'y' || k == 'n' || k == 't' || k == 'p' || k == 'k');
    }

    /**
     * Parses a {@code <template-param-decl>}, inventing its parameter's name and adding that
     * to {@code target} (when not null) so that {@code T_} can refer to it.
     */
    Node paramDecl(ItaniumParser p, List<Node> target) throws DemangleException {
        Cursor c = p.c;
        p.enter();
        try {
            c.expect('T');
            char kind = c.next();
            switch (kind) {
                case 'y':
                    return new LambdaNodes.TypeDecl(invent("$T", 0, target));
                case 'k': {
                    Node constraint = p.names.name(null);
                    return new LambdaNodes.ConstrainedDecl(constraint, invent("$T", 0, target));
                }
                case 'n': {
                    Node name = invent("$N", 1, target);
                    return new LambdaNodes.NonTypeDecl(p.types.type(), name);
                }
                case 't': {
                    Node name = invent("$TT", 2, target);
                    int savedSize = levels.size();
                    List<Node> inner = new ArrayList<>();
                    levels.add(inner);
                    try {
                        List<Node> decls = new ArrayList<>();
                        while (!c.consume('E')) {
                            decls.add(paramDecl(p, inner));
                        }
                        return new LambdaNodes.TemplateDecl(decls, name);
                    } finally {
                        truncateLevels(savedSize);
                    }
                }
                case 'p': {
                    if (!isParamDecl(c)) {
                        throw new DemangleException("Tp without a declaration");
                    }
                    return ((LambdaNodes.Decl) paramDecl(p, target)).asPack();
                }
                default:
                    throw new DemangleException("bad template parameter declaration");
            }
        } finally {
            p.leave();
        }
    }

    private Node invent(String base, int kind, List<Node> target) {
        int n = synthetic[kind]++;
        Node name = new NameNodes.Text(n == 0 ? base : base + (n - 1));
        if (target != null) {
            target.add(name);
        }
        return name;
    }
}
