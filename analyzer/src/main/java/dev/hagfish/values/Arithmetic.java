package dev.hagfish.values;

import dev.hagfish.types.Type;
import java.io.IOException;

/**
 * {@code Arithmetic} applies C's operators to values: the integer promotions and the usual
 * arithmetic conversions (an LP64 or ILP32 target), pointer arithmetic scaled by the pointee's
 * size, pointer differences, comparisons (unsigned for unsigned types and pointers), shifts,
 * and casts between scalar types. Arrays and functions decay to pointers first.
 *
 * <p>Not thread-safe (it may add types to the scope's {@link Types}).
 */
final class Arithmetic {
    private final Scope scope;
    private final Types types;

    Arithmetic(Scope scope) {
        this.scope = scope;
        this.types = scope.types();
    }

    static boolean isInteger(Type t) {
        return t instanceof Type.Base b && b.encoding() != Type.Encoding.FLOAT && b.encoding() != Type.Encoding.COMPLEX_FLOAT
                || t instanceof Type.Enum;
    }

    static boolean isFloat(Type t) {
        return t instanceof Type.Base b && b.encoding() == Type.Encoding.FLOAT;
    }

    static boolean isScalar(Type t) {
        return isInteger(t) || isFloat(t) || t instanceof Type.Pointer;
    }

    /** Converts arrays (lvalues) and functions to pointers; refuses symbols of unknown type. */
    Value decay(Value v, int column) throws ExprException {
        if (types.isNoDebugData(v.type())) {
            throw new ExprException(column, ExprException.Kind.TYPE,
                    "the symbol has unknown type (no debug information); cast it to its declared type");
        }
        Type t = v.resolved();
        if (t instanceof Type.Array a) {
            if (!v.isLvalue()) {
                throw new ExprException(column, ExprException.Kind.TYPE, "an array not in memory has no address");
            }
            long element = a.dimensions().size() > 1
                    ? types.arrayOf(a.element(), a.dimensions().subList(1, a.dimensions().size())) : a.element();
            return Value.ofLong(scope, types.pointerTo(element), v.address());
        }
        if (t instanceof Type.Function || types.isNoDebugText(v.type())) {
            return Value.ofLong(scope, types.pointerTo(v.type()), v.address());
        }
        return v;
    }

    /** The type of an integer of this size and signedness after promotion. */
    long integer(long size, boolean unsigned) {
        if (size <= 4) {
            return types.base(unsigned ? BaseSpelling.UNSIGNED_INT : BaseSpelling.INT);
        }
        if (types.pointerSize() >= 8) {
            return types.base(unsigned ? BaseSpelling.UNSIGNED_LONG : BaseSpelling.LONG);
        }
        return types.base(unsigned ? BaseSpelling.UNSIGNED_LONG_LONG : BaseSpelling.LONG_LONG);
    }

    /** The promoted type of an integer value (C11 6.3.1.1). */
    long promoted(Value v) {
        long size = Math.max(1, v.size());
        boolean unsigned = v.isUnsigned() && !(v.resolved() instanceof Type.Base b && b.encoding() == Type.Encoding.BOOLEAN);
        if (v.isBitField()) {
            return integer(4, unsigned && v.bitSize() >= 32);
        }
        return size < 4 ? integer(4, false) : integer(size, unsigned);
    }

    /** The common type of two integer operands (C11 6.3.1.8). */
    long common(Value a, Value b) {
        long ta = promoted(a);
        long tb = promoted(b);
        long sa = types.sizeOf(ta);
        long sb = types.sizeOf(tb);
        boolean ua = unsigned(ta);
        boolean ub = unsigned(tb);
        if (sa == sb) {
            return integer(sa, ua || ub);
        }
        return sa > sb ? ta : tb;
    }

    private boolean unsigned(long type) {
        return types.resolve(type) instanceof Type.Base b && !b.encoding().signed();
    }

    /** Applies a binary operator other than {@code && || ,}. */
    Value binary(String op, Value left, Value right, int column) throws ExprException, IOException {
        Value l = decay(left, column);
        Value r = decay(right, column);
        Type lt = l.resolved();
        Type rt = r.resolved();
        boolean lp = lt instanceof Type.Pointer;
        boolean rp = rt instanceof Type.Pointer;
        if (op.equals("+") && lp && isInteger(rt)) {
            return offset(l, r.asLong(), column);
        } else if (op.equals("+") && rp && isInteger(lt)) {
            return offset(r, l.asLong(), column);
        } else if (op.equals("-") && lp && isInteger(rt)) {
            return offset(l, -r.asLong(), column);
        } else if (op.equals("-") && lp && rp) {
            long size = scale(l, column);
            if (size != scale(r, column)) {
                throw new ExprException(column, ExprException.Kind.TYPE, "cannot subtract pointers to types of different sizes");
            }
            return Value.ofLong(scope, integer(8, false), (l.asLong() - r.asLong()) / size);
        } else if (isComparison(op) && (lp || rp) && (lp || isInteger(lt)) && (rp || isInteger(rt))) {
            return truth(compare(op, Long.compareUnsigned(l.asLong(), r.asLong())));
        }
        if (!isScalar(lt) || !isScalar(rt) || lp || rp) {
            throw new ExprException(column, ExprException.Kind.TYPE, "cannot apply '" + op + "' to "
                    + types.name(left.type()) + " and " + types.name(right.type()));
        }
        if (isFloat(lt) || isFloat(rt)) {
            return floating(op, l.asDouble(), r.asDouble(), column);
        }
        return integers(op, l, r, column);
    }

    private Value integers(String op, Value l, Value r, int column) throws ExprException, IOException {
        boolean shift = op.equals("<<") || op.equals(">>");
        long type = shift ? promoted(l) : common(l, r);
        boolean unsigned = unsigned(type);
        long bits = types.sizeOf(type) * 8;
        long a = convert(l.asLong(), type);
        long b = shift ? r.asLong() : convert(r.asLong(), type);
        if (isComparison(op)) {
            return truth(compare(op, unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b)));
        }
        long v = switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/", "%" -> {
                if (b == 0) {
                    throw new ExprException(column, ExprException.Kind.TYPE, "division by zero");
                }
                yield op.equals("/") ? (unsigned ? Long.divideUnsigned(a, b) : a / b)
                        : (unsigned ? Long.remainderUnsigned(a, b) : a % b);
            }
            case "&" -> a & b;
            case "|" -> a | b;
            case "^" -> a ^ b;
            case "<<", ">>" -> {
                if (b < 0 || b >= bits) {
                    throw new ExprException(column, ExprException.Kind.TYPE, "shift count " + b + " is out of range for "
                            + types.name(type));
                }
                yield op.equals("<<") ? a << b : unsigned ? a >>> b : a >> b;
            }
            default -> throw new IllegalStateException("unknown operator " + op);
        };
        return Value.ofLong(scope, type, v);
    }

    /** Sign- or zero-extends a 64-bit value truncated to a type's size. */
    private long convert(long v, long type) {
        long size = types.sizeOf(type);
        if (size >= 8 || size <= 0) {
            return v;
        }
        int shift = (int) (64 - size * 8);
        return unsigned(type) ? (v << shift) >>> shift : (v << shift) >> shift;
    }

    private Value floating(String op, double a, double b, int column) throws ExprException {
        long type = types.base(BaseSpelling.DOUBLE);
        if (isComparison(op)) {
            return truth(compare(op, Double.compare(a, b)));
        }
        return switch (op) {
            case "+" -> Value.ofDouble(scope, type, a + b);
            case "-" -> Value.ofDouble(scope, type, a - b);
            case "*" -> Value.ofDouble(scope, type, a * b);
            case "/" -> Value.ofDouble(scope, type, a / b);
            default -> throw new ExprException(column, ExprException.Kind.TYPE, "'" + op
                    + "' needs integer operands, not floating-point ones");
        };
    }

    private Value offset(Value pointer, long count, int column) throws ExprException, IOException {
        return Value.ofLong(scope, pointer.type(), pointer.asLong() + count * scale(pointer, column));
    }

    /** The size a pointer steps by: its pointee's (1 for {@code void} and functions, as gdb does). */
    long scale(Value pointer, int column) throws ExprException {
        long target = ((Type.Pointer) pointer.resolved()).target();
        Type t = types.resolve(target);
        if (t instanceof Type.Void || t instanceof Type.Function) {
            return 1;
        }
        long size = types.sizeOf(target);
        if (size <= 0) {
            throw new ExprException(column, ExprException.Kind.TYPE, "pointer arithmetic on a pointer to "
                    + types.name(target) + ", whose size is unknown");
        }
        return size;
    }

    private static boolean isComparison(String op) {
        return switch (op) {
            case "==", "!=", "<", ">", "<=", ">=" -> true;
            default -> false;
        };
    }

    private static boolean compare(String op, int c) {
        return switch (op) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            default -> c >= 0;
        };
    }

    /** An {@code int} 1 or 0. */
    Value truth(boolean b) {
        return Value.ofLong(scope, types.base(BaseSpelling.INT), b ? 1 : 0);
    }

    /** Whether a scalar value is nonzero. */
    boolean isTrue(Value v, int column) throws ExprException, IOException {
        Value d = decay(v, column);
        Type t = d.resolved();
        if (isFloat(t)) {
            return d.asDouble() != 0;
        }
        if (!isScalar(t)) {
            throw new ExprException(column, ExprException.Kind.TYPE, "a value of type " + types.name(v.type())
                    + " is not a truth value");
        }
        return d.asLong() != 0;
    }

    /** Applies {@code - + ~ !}. */
    Value unary(String op, Value operand, int column) throws ExprException, IOException {
        if (op.equals("!")) {
            return truth(!isTrue(operand, column));
        }
        Value v = decay(operand, column);
        Type t = v.resolved();
        if (isFloat(t) && !op.equals("~")) {
            return Value.ofDouble(scope, types.base(BaseSpelling.DOUBLE), op.equals("-") ? -v.asDouble() : v.asDouble());
        }
        if (!isInteger(t)) {
            throw new ExprException(column, ExprException.Kind.TYPE, "cannot apply '" + op + "' to "
                    + types.name(operand.type()));
        }
        long type = promoted(v);
        long x = convert(v.asLong(), type);
        return Value.ofLong(scope, type, switch (op) {
            case "-" -> -x;
            case "~" -> ~x;
            default -> x;
        });
    }

    /** Converts a value to a scalar type, or reinterprets an lvalue of the same struct or array type. */
    Value cast(Value operand, long type, int column) throws ExprException, IOException {
        Type target = types.resolve(type);
        if (types.isNoDebugData(operand.type()) || types.isNoDebugText(operand.type())) {
            return Value.at(scope, type, operand.address());
        }
        if (target instanceof Type.Void) {
            return Value.of(scope, type, new byte[0]);
        }
        if (!isScalar(target)) {
            if (operand.isLvalue() && types.resolveId(operand.type()) == target.id()) {
                return operand.withType(type);
            }
            throw new ExprException(column, ExprException.Kind.TYPE, "invalid cast from " + types.name(operand.type())
                    + " to " + types.name(type));
        }
        Value v = decay(operand, column);
        Type from = v.resolved();
        if (isFloat(target)) {
            if (types.sizeOf(type) != 4 && types.sizeOf(type) != 8) {
                throw new ExprException(column, ExprException.Kind.TYPE, "casts to " + types.name(type)
                        + " are not supported");
            }
            if (!isInteger(from) && !isFloat(from)) {
                throw new ExprException(column, ExprException.Kind.TYPE, "invalid cast from "
                        + types.name(operand.type()) + " to " + types.name(type));
            }
            return Value.ofDouble(scope, type, v.asDouble());
        }
        if (!isScalar(from)) {
            throw new ExprException(column, ExprException.Kind.TYPE, "invalid cast from " + types.name(operand.type())
                    + " to " + types.name(type));
        }
        if (isFloat(from)) {
            if (target instanceof Type.Pointer) {
                throw new ExprException(column, ExprException.Kind.TYPE, "cannot cast a floating-point value to a pointer");
            }
            return Value.ofLong(scope, type, (long) v.asDouble());
        }
        long x = v.asLong();
        if (target instanceof Type.Base b && b.encoding() == Type.Encoding.BOOLEAN) {
            x = x != 0 ? 1 : 0;
        }
        return Value.ofLong(scope, type, x);
    }
}
