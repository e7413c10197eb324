package dev.hagfish.values;

import dev.hagfish.types.Type;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code Evaluator} computes a parsed expression's {@link Value} in a {@link Scope}. Names,
 * members, subscripts and dereferences give lvalues without reading them; only what an operator
 * needs is read (a pointer's value to follow it, an integer to add it), so {@code
 * &((struct proc *)0)->p_comm} reads nothing. {@code .} and {@code ->} both accept a struct or a
 * pointer to one, as gdb does.
 *
 * <p>Not thread-safe.
 */
final class Evaluator {
    private final Scope scope;
    private final Types types;
    private final Arithmetic arithmetic;

    Evaluator(Scope scope) {
        this.scope = scope;
        this.types = scope.types();
        this.arithmetic = new Arithmetic(scope);
    }

    Value eval(Node n) throws ExprException, IOException {
        if (n instanceof Node.IntLiteral i) {
            return Value.ofLong(scope, types.base(i.type()), i.value());
        } else if (n instanceof Node.FloatLiteral f) {
            return Value.ofDouble(scope, types.base(BaseSpelling.DOUBLE), f.value());
        } else if (n instanceof Node.CharLiteral c) {
            return Value.ofLong(scope, types.base(BaseSpelling.CHAR), c.value());
        } else if (n instanceof Node.Name name) {
            return name(name);
        } else if (n instanceof Node.Unary u) {
            return unary(u);
        } else if (n instanceof Node.Binary b) {
            return binary(b);
        } else if (n instanceof Node.Conditional c) {
            return arithmetic.isTrue(eval(c.condition()), c.column()) ? eval(c.then()) : eval(c.otherwise());
        } else if (n instanceof Node.Cast c) {
            return arithmetic.cast(eval(c.operand()), c.type(), c.column());
        } else if (n instanceof Node.SizeofType s) {
            return size(s.type(), s.column());
        } else if (n instanceof Node.SizeofValue s) {
            Value v = eval(s.operand());
            if (v.isBitField()) {
                throw new ExprException(s.column(), ExprException.Kind.TYPE, "sizeof applied to a bit-field");
            }
            return size(v.type(), s.column());
        } else if (n instanceof Node.Member m) {
            return member(m);
        } else if (n instanceof Node.Index i) {
            return index(i);
        }
        throw new IllegalStateException("unknown node " + n);
    }

    private Value name(Node.Name n) throws ExprException, IOException {
        Optional<Global> g = scope.globals().find(n.name());
        if (g.isPresent()) {
            long type = g.get().type().isPresent() ? g.get().type().getAsLong() : types.noDebugInfo(g.get().function());
            return Value.at(scope, type, g.get().address() + scope.slide());
        }
        Optional<Types.Enumerated> e = types.enumerator(n.name());
        if (e.isPresent()) {
            return Value.ofLong(scope, e.get().type(), e.get().value());
        }
        throw new ExprException(n.column(), ExprException.Kind.NOT_FOUND, "no symbol \"" + n.name() + "\" in the kernel");
    }

    private Value unary(Node.Unary u) throws ExprException, IOException {
        Value v = eval(u.operand());
        switch (u.op()) {
            case "*":
                return deref(v, u.column());
            case "&":
                return address(v, u.column());
            default:
                return arithmetic.unary(u.op(), v, u.column());
        }
    }

    private Value binary(Node.Binary b) throws ExprException, IOException {
        if (b.op().equals("&&") || b.op().equals("||")) {
            boolean left = arithmetic.isTrue(eval(b.left()), b.column());
            if (b.op().equals("&&") ? !left : left) {
                return arithmetic.truth(left);
            }
            return arithmetic.truth(arithmetic.isTrue(eval(b.right()), b.column()));
        }
        return arithmetic.binary(b.op(), eval(b.left()), eval(b.right()), b.column());
    }

    private Value size(long type, int column) throws ExprException {
        Type t = types.resolve(type);
        long size = t instanceof Type.Void || t instanceof Type.Function ? 1 : types.sizeOf(type);
        if (size < 0) {
            throw new ExprException(column, ExprException.Kind.TYPE, "sizeof applied to " + types.name(type)
                    + ", whose size is unknown");
        }
        return Value.ofLong(scope, types.base(BaseSpelling.UNSIGNED_LONG), size);
    }

    Value deref(Value v, int column) throws ExprException, IOException {
        Type t = v.resolved();
        if (t instanceof Type.Array) {
            return arithmetic.decay(v, column).deref();
        }
        if (t instanceof Type.Function || types.isNoDebugText(v.type())) {
            return v;
        }
        if (!(t instanceof Type.Pointer p)) {
            throw new ExprException(column, ExprException.Kind.TYPE, "cannot dereference a value of type "
                    + types.name(v.type()) + " (not a pointer)");
        }
        if (types.resolve(p.target()) instanceof Type.Void) {
            throw new ExprException(column, ExprException.Kind.TYPE, "cannot dereference a void pointer; cast it first");
        }
        return v.deref();
    }

    private Value address(Value v, int column) throws ExprException {
        if (v.resolved() instanceof Type.Function || types.isNoDebugText(v.type())
                || types.isNoDebugData(v.type())) {
            return Value.ofLong(scope, types.pointerTo(v.type()), v.address());
        }
        if (v.isBitField()) {
            throw new ExprException(column, ExprException.Kind.TYPE, "cannot take the address of a bit-field");
        }
        if (!v.isLvalue()) {
            throw new ExprException(column, ExprException.Kind.TYPE, "cannot take the address of a value not in memory");
        }
        return v.addressOf();
    }

    private Value member(Node.Member m) throws ExprException, IOException {
        Value evaluated = eval(m.object());
        Value object = evaluated.resolved() instanceof Type.Pointer ? deref(evaluated, m.column()) : evaluated;
        Type t = object.resolved();
        if (!(t instanceof Type.Struct s)) {
            throw new ExprException(m.column(), ExprException.Kind.TYPE, "'" + m.member() + "' is not a member of "
                    + types.name(object.type()) + " (not a struct or union)");
        }
        if (s.declaration()) {
            throw new ExprException(m.column(), ExprException.Kind.TYPE, types.name(object.type())
                    + " is incomplete: the kernel's debug information does not define it");
        }
        return object.member(m.member()).orElseThrow(() -> new ExprException(m.column(), ExprException.Kind.NOT_FOUND,
                "no member named '" + m.member() + "' in " + types.name(object.type())));
    }

    private Value index(Node.Index n) throws ExprException, IOException {
        Value base = eval(n.array());
        Value index = eval(n.index());
        if (Arithmetic.isInteger(base.resolved())
                && (index.resolved() instanceof Type.Array || index.resolved() instanceof Type.Pointer)) {
            Value swap = base;
            base = index;
            index = swap;
        }
        if (!Arithmetic.isInteger(index.resolved())) {
            throw new ExprException(n.column(), ExprException.Kind.TYPE, "an array index must be an integer, not "
                    + types.name(index.type()));
        }
        long i = index.asLong();
        Type t = base.resolved();
        if (t instanceof Type.Array a && !base.isLvalue()) {
            long element = a.dimensions().size() > 1
                    ? types.arrayOf(a.element(), a.dimensions().subList(1, a.dimensions().size())) : a.element();
            long size = types.sizeOf(element);
            long count = a.dimensions().get(0);
            if (i < 0 || count >= 0 && i >= count || size <= 0) {
                throw new ExprException(n.column(), ExprException.Kind.TYPE, "index " + i + " is outside the array");
            }
            return base.part(element, i * size, 0, 0);
        }
        if (!(t instanceof Type.Array) && !(t instanceof Type.Pointer)) {
            throw new ExprException(n.column(), ExprException.Kind.TYPE, "cannot subscript a value of type "
                    + types.name(base.type()));
        }
        Value pointer = arithmetic.decay(base, n.column());
        return deref(arithmetic.binary("+", pointer, index, n.column()), n.column());
    }
}
