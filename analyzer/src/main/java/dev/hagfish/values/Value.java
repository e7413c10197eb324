package dev.hagfish.values;

import dev.hagfish.types.Member;
import dev.hagfish.types.Type;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * A {@code Value} is a typed view of a kernel object: either at an address of the scope's memory
 * (an lvalue, read lazily: reading a member of a struct reads only that member's bytes), or a
 * computed value held in bytes. A bit-field is a view of {@code bitSize} bits starting {@code
 * bitPosition} bits into the byte at its address (in memory order: from the least significant
 * bit on little-endian targets, from the most significant on big-endian ones, as DWARF's
 * {@code DW_AT_data_bit_offset} counts).
 *
 * <p>Not thread-safe (the bytes read are kept).
 */
public final class Value {
    /**
     * The largest value read at once, 1 MiB: a cast such as {@code *(char (*)[1000000000])p}
     * fails with a {@link ValueSizeException} instead of allocating the gigabyte (gdb's own limit,
     * {@code max-value-size}, is 64 KiB).
     */
    public static final long MAX_SIZE = 1 << 20;

    private final Scope scope;
    private final long type;
    private final boolean lvalue;
    private final long address;
    private final int bitPosition;
    private final int bitSize;
    private byte[] bytes;

    private Value(Scope scope, long type, boolean lvalue, long address, int bitPosition, int bitSize, byte[] bytes) {
        this.scope = scope;
        this.type = type;
        this.lvalue = lvalue;
        this.address = address;
        this.bitPosition = bitPosition;
        this.bitSize = bitSize;
        this.bytes = bytes;
    }

    /** Returns the object of type {@code type} at {@code address} (nothing is read yet). */
    public static Value at(Scope scope, long type, long address) {
        return new Value(scope, type, true, address, 0, 0, null);
    }

    /** Returns a computed value of type {@code type} held in {@code bytes} (target byte order). */
    public static Value of(Scope scope, long type, byte[] bytes) {
        return new Value(scope, type, false, 0, 0, 0, bytes.clone());
    }

    /** Returns a computed integer, pointer or enum value, truncated to the type's size. */
    public static Value ofLong(Scope scope, long type, long value) {
        int size = (int) Math.max(1, Math.min(8, scope.types().sizeOf(type)));
        return new Value(scope, type, false, 0, 0, 0, encode(value, size, scope.memory().order()));
    }

    /** Returns a computed floating-point value of a 4- or 8-byte type. */
    public static Value ofDouble(Scope scope, long type, double value) {
        long size = scope.types().sizeOf(type);
        long bits = size == 4 ? Float.floatToRawIntBits((float) value) & 0xffffffffL : Double.doubleToRawLongBits(value);
        return new Value(scope, type, false, 0, 0, 0, encode(bits, (int) size, scope.memory().order()));
    }

    /** Returns the scope. */
    public Scope scope() {
        return scope;
    }

    /** Returns the declared type's id (typedefs and qualifiers kept). */
    public long type() {
        return type;
    }

    /** Returns the type with typedefs and qualifiers stripped. */
    public Type resolved() {
        return scope.types().resolve(type);
    }

    /** Tells whether the value is an object in memory (it then has an {@link #address()}). */
    public boolean isLvalue() {
        return lvalue;
    }

    /** Returns the address (slid, in the scope's memory); meaningful only for an lvalue. */
    public long address() {
        return address;
    }

    /** Tells whether the value is a bit-field. */
    public boolean isBitField() {
        return bitSize != 0;
    }

    /** Returns the first bit of a bit-field within the byte at {@link #address()}. */
    public int bitPosition() {
        return bitPosition;
    }

    /** Returns the width of a bit-field, or 0. */
    public int bitSize() {
        return bitSize;
    }

    /** Returns the size of the type in bytes (-1 when unknown). */
    public long size() {
        return scope.types().sizeOf(type);
    }

    /** Returns a view of the same bytes with another type (a cast of an lvalue, or a typed rvalue). */
    public Value withType(long newType) {
        return new Value(scope, newType, lvalue, address, bitPosition, bitSize, lvalue ? null : bytes);
    }

    /**
     * Returns the value's bytes: the type's size read from memory once (a bit-field's covering
     * bytes), or the computed bytes.
     *
     * @throws dev.hagfish.memory.MemoryFaultException if memory does not map them
     * @throws ValueSizeException if the type's size is unknown or larger than {@link #MAX_SIZE}
     */
    public byte[] bytes() throws IOException {
        if (bytes == null) {
            long n = bitSize != 0 ? (bitPosition + bitSize + 7) / 8 : size();
            if (n < 0) {
                throw new ValueSizeException("the size of " + scope.types().name(type) + " is unknown");
            }
            if (n > MAX_SIZE) {
                throw new ValueSizeException("a value of type " + scope.types().name(type) + " takes " + n
                        + " bytes, more than the " + MAX_SIZE + " hagfish reads at once; examine it with x");
            }
            bytes = scope.memory().read(address, (int) n);
        }
        return bytes;
    }

    /**
     * Returns the value as a 64-bit integer: integers, characters, booleans and enums sign- or
     * zero-extended by their signedness, pointers as addresses, bit-fields extracted.
     *
     * @throws IOException if the bytes cannot be read
     * @throws IllegalStateException if the type is not scalar (callers check first)
     */
    public long asLong() throws IOException {
        Type t = resolved();
        if (bitSize != 0) {
            return bitField(bytes(), signed(t));
        }
        if (t instanceof Type.Base b && b.encoding() == Type.Encoding.FLOAT) {
            return (long) asDouble();
        }
        if (!(t instanceof Type.Base || t instanceof Type.Enum || t instanceof Type.Pointer
                || t instanceof Type.MemberPointer)) {
            throw new IllegalStateException("a value of type " + scope.types().name(type) + " is not a number");
        }
        byte[] b = bytes();
        int n = Math.min(8, b.length);
        long v = decode(b, 0, n, scope.memory().order());
        return signed(t) && n < 8 ? v << (64 - 8 * n) >> (64 - 8 * n) : v;
    }

    /** Returns a floating-point value (4 or 8 bytes; x87 long double approximated) as a double. */
    public double asDouble() throws IOException {
        Type t = resolved();
        if (!(t instanceof Type.Base b && b.encoding() == Type.Encoding.FLOAT)) {
            long v = asLong();
            return isUnsigned() && v < 0 ? unsignedToDouble(v) : v;
        }
        byte[] raw = bytes();
        ByteOrder order = scope.memory().order();
        if (raw.length == 4) {
            return Float.intBitsToFloat((int) decode(raw, 0, 4, order));
        } else if (raw.length == 8) {
            return Double.longBitsToDouble(decode(raw, 0, 8, order));
        }
        return FloatText.x87(raw, order).doubleValue();
    }

    private static double unsignedToDouble(long v) {
        return (double) (v >>> 1) * 2.0 + (v & 1);
    }

    /** Tells whether the value's type is an unsigned integer (pointers count as unsigned). */
    public boolean isUnsigned() {
        return !signed(resolved());
    }

    private boolean signed(Type t) {
        if (t instanceof Type.Base b) {
            return b.encoding().signed();
        } else if (t instanceof Type.Enum e) {
            return e.signed();
        }
        return false;
    }

    private long bitField(byte[] b, boolean signed) {
        int total = b.length * 8;
        long v;
        if (b.length <= 8) {
            long all = decode(b, 0, b.length, scope.memory().order());
            v = scope.memory().order() == ByteOrder.LITTLE_ENDIAN ? all >>> bitPosition
                    : all >>> (total - bitPosition - bitSize);
        } else {
            java.math.BigInteger all = new java.math.BigInteger(1, toBigEndian(b));
            int shift = scope.memory().order() == ByteOrder.LITTLE_ENDIAN ? bitPosition : total - bitPosition - bitSize;
            v = all.shiftRight(shift).longValue();
        }
        if (bitSize < 64) {
            v &= (1L << bitSize) - 1;
            if (signed && (v & (1L << (bitSize - 1))) != 0) {
                v |= -1L << bitSize;
            }
        }
        return v;
    }

    private byte[] toBigEndian(byte[] b) {
        byte[] out = b.clone();
        if (scope.memory().order() == ByteOrder.LITTLE_ENDIAN) {
            for (int i = 0; i < out.length / 2; i++) {
                byte x = out[i];
                out[i] = out[out.length - 1 - i];
                out[out.length - 1 - i] = x;
            }
        }
        return out;
    }

    /**
     * Returns a data member or base of a struct, class or union: at its offset, reading nothing
     * (an lvalue; cut from the bytes when this value's were read already), or cut from the
     * computed bytes.
     */
    public Value field(Member m) throws IOException {
        long bit = m.bitOffset();
        if (m.isBitField()) {
            return part(m.type(), bit / 8, (int) (bit % 8), (int) m.bitSize());
        }
        return part(m.type(), bit / 8, 0, 0);
    }

    /** Returns the part of this value of type {@code partType} at a byte offset (a member, an element). */
    public Value part(long partType, long byteOffset, int bitPos, int bits) throws IOException {
        long n = bits != 0 ? (bitPos + bits + 7) / 8 : scope.types().sizeOf(partType);
        if (lvalue) {
            byte[] slice = bytes != null && byteOffset >= 0 && n >= 0 && byteOffset + n <= bytes.length
                    ? Arrays.copyOfRange(bytes, (int) byteOffset, (int) (byteOffset + n)) : null;
            return new Value(scope, partType, true, address + byteOffset, bitPos, bits, slice);
        }
        byte[] b = bytes();
        if (byteOffset < 0 || n < 0 || byteOffset + n > b.length) {
            throw new IOException("a part of " + scope.types().name(type) + " lies outside its " + b.length + " bytes");
        }
        return new Value(scope, partType, false, 0, bitPos, bits,
                Arrays.copyOfRange(b, (int) byteOffset, (int) (byteOffset + n)));
    }

    /**
     * Finds a data member by name: in the struct itself, then inside its anonymous struct and
     * union members, then in its bases, as C and C++ name lookup do.
     */
    public Optional<Value> member(String name) throws IOException {
        return member(this, name, 0);
    }

    private static Optional<Value> member(Value v, String name, int depth) throws IOException {
        if (!(v.resolved() instanceof Type.Struct s) || depth > 32) {
            return Optional.empty();
        }
        for (Member m : s.members()) {
            if (name.equals(m.name())) {
                return Optional.of(v.field(m));
            }
        }
        for (Member m : s.members()) {
            if (m.name() == null) {
                Optional<Value> inner = member(v.field(m), name, depth + 1);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        for (Type.Inheritance b : s.bases()) {
            if (b.byteOffset() >= 0) {
                Optional<Value> inner = member(v.part(b.type(), b.byteOffset(), 0, 0), name, depth + 1);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    /** Returns the object a pointer points to (nothing is read but the pointer). */
    public Value deref() throws IOException {
        if (!(resolved() instanceof Type.Pointer p)) {
            throw new IllegalStateException("a value of type " + scope.types().name(type) + " is not a pointer");
        }
        return at(scope, p.target(), asLong());
    }

    /** Returns a pointer to this lvalue. */
    public Value addressOf() {
        return ofLong(scope, scope.types().pointerTo(type), address);
    }

    static byte[] encode(long value, int size, ByteOrder order) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            int at = order == ByteOrder.LITTLE_ENDIAN ? i : size - 1 - i;
            b[at] = (byte) (value >>> (8 * i));
        }
        return b;
    }

    static long decode(byte[] b, int off, int n, ByteOrder order) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            int at = order == ByteOrder.LITTLE_ENDIAN ? off + n - 1 - i : off + i;
            v = (v << 8) | (b[at] & 0xffL);
        }
        return v;
    }
}
