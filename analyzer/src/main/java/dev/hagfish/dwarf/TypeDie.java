package dev.hagfish.dwarf;

import dev.hagfish.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongUnaryOperator;

/**
 * A {@code TypeDie} is what {@link TypeCollector} keeps of one type DIE and its children: plain
 * values, never the DIE itself, so that a unit's DIEs can be dropped once it is walked. Opaque
 * outside this package.
 *
 * <p>A copy made by {@link #mapped} is also the key of a {@link TypeClass}: equal copies (every
 * field but the offset, references already mapped to classes) are the same type. Such a copy is
 * never changed again; the collector's own instances are, and are never hashed.
 */
public final class TypeDie {
    /** A member whose bit offset may need the graph (the storage unit's size in DWARF 2/3). */
    record RawMember(String name, long type, long location, long bitSize, long bitOffset2, long dataBitOffset,
            long storageBytes, long alignment) {}

    /** Marks an absent {@code DW_AT_bit_offset} or {@code DW_AT_data_bit_offset} in a {@link RawMember}. */
    static final long ABSENT = Long.MIN_VALUE;

    final long offset;
    final int tag;
    final int addressSize;
    final boolean cplusplus;
    String name;
    long byteSize = -1;
    long target = Type.VOID;
    long containing = Type.VOID;
    boolean declaration;
    boolean prototyped;
    boolean varargs;
    int encoding;
    long alignment;
    boolean signedValues;
    String declFile;
    long declLine;
    List<RawMember> members = List.of();
    List<Type.Enumerator> enumerators = List.of();
    List<Long> dims = List.of();
    List<Long> params = List.of();
    List<Type.Inheritance> bases = List.of();
    List<Type.StaticMember> statics = List.of();
    private int hash;

    TypeDie(long offset, int tag, int addressSize, boolean cplusplus) {
        this.offset = offset;
        this.tag = tag;
        this.addressSize = addressSize;
        this.cplusplus = cplusplus;
    }

    /**
     * Appends to a child list, which stays the shared empty list until its first child: millions
     * of type DIEs (pointers, typedefs, qualifiers) have no children.
     */
    static <T> List<T> add(List<T> list, T item) {
        List<T> out = list.isEmpty() && !(list instanceof ArrayList) ? new ArrayList<>(4) : list;
        out.add(item);
        return out;
    }

    /** Tells whether the tag's references name their target only (a pointer's, a member pointer's). */
    boolean isPointerLike() {
        return tag == DwTag.POINTER_TYPE || tag == DwTag.REFERENCE_TYPE || tag == DwTag.RVALUE_REFERENCE_TYPE
                || tag == DwTag.PTR_TO_MEMBER_TYPE;
    }

    /**
     * Returns a copy at {@code offset} whose references are mapped: a pointer's target and a
     * member pointer's class through {@code pointee}, every other reference (a typedef's,
     * qualifier's, array's or enum's target, members, parameters, bases, statics) through
     * {@code ref}. The copy's lists are immutable.
     */
    TypeDie mapped(long offset, LongUnaryOperator ref, LongUnaryOperator pointee) {
        TypeDie c = new TypeDie(offset, tag, addressSize, cplusplus);
        boolean pointer = isPointerLike();
        c.name = name;
        c.byteSize = byteSize;
        c.target = pointer ? pointee.applyAsLong(target) : ref.applyAsLong(target);
        c.containing = pointer ? pointee.applyAsLong(containing) : ref.applyAsLong(containing);
        c.declaration = declaration;
        c.prototyped = prototyped;
        c.varargs = varargs;
        c.encoding = encoding;
        c.alignment = alignment;
        c.signedValues = signedValues;
        c.declFile = declFile;
        c.declLine = declLine;
        c.enumerators = List.copyOf(enumerators);
        c.dims = List.copyOf(dims);
        if (!members.isEmpty()) {
            RawMember[] m = new RawMember[members.size()];
            for (int i = 0; i < m.length; i++) {
                RawMember x = members.get(i);
                m[i] = new RawMember(x.name(), ref.applyAsLong(x.type()), x.location(), x.bitSize(), x.bitOffset2(),
                        x.dataBitOffset(), x.storageBytes(), x.alignment());
            }
            c.members = List.of(m);
        }
        if (!params.isEmpty()) {
            Long[] p = new Long[params.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = ref.applyAsLong(params.get(i));
            }
            c.params = List.of(p);
        }
        if (!bases.isEmpty()) {
            Type.Inheritance[] b = new Type.Inheritance[bases.size()];
            for (int i = 0; i < b.length; i++) {
                Type.Inheritance x = bases.get(i);
                b[i] = new Type.Inheritance(ref.applyAsLong(x.type()), x.byteOffset(), x.virtual(), x.access());
            }
            c.bases = List.of(b);
        }
        if (!statics.isEmpty()) {
            Type.StaticMember[] s = new Type.StaticMember[statics.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = new Type.StaticMember(statics.get(i).name(), ref.applyAsLong(statics.get(i).type()));
            }
            c.statics = List.of(s);
        }
        return c;
    }

    /** Equal when every field but the offset is. */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof TypeDie t && hashCode() == t.hashCode() && tag == t.tag && addressSize == t.addressSize
                && cplusplus == t.cplusplus && byteSize == t.byteSize && target == t.target
                && containing == t.containing && declaration == t.declaration && prototyped == t.prototyped
                && varargs == t.varargs && encoding == t.encoding && alignment == t.alignment
                && signedValues == t.signedValues && declLine == t.declLine && Objects.equals(name, t.name)
                && Objects.equals(declFile, t.declFile) && members.equals(t.members)
                && enumerators.equals(t.enumerators) && dims.equals(t.dims) && params.equals(t.params)
                && bases.equals(t.bases) && statics.equals(t.statics);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = tag * 31 + addressSize;
            h = h * 31 + (cplusplus ? 1 : 0) + (declaration ? 2 : 0) + (prototyped ? 4 : 0) + (varargs ? 8 : 0)
                    + (signedValues ? 16 : 0);
            h = h * 31 + Objects.hashCode(name);
            h = h * 31 + Long.hashCode(byteSize);
            h = h * 31 + Long.hashCode(target);
            h = h * 31 + Long.hashCode(containing);
            h = h * 31 + encoding;
            h = h * 31 + Long.hashCode(alignment);
            h = h * 31 + Objects.hashCode(declFile);
            h = h * 31 + Long.hashCode(declLine);
            h = 31 * h + members.hashCode();
            h = 31 * h + enumerators.hashCode();
            h = 31 * h + dims.hashCode();
            h = 31 * h + params.hashCode();
            h = 31 * h + bases.hashCode();
            h = 31 * h + statics.hashCode();
            hash = h == 0 ? 1 : h;
        }
        return h;
    }

    boolean isStructLike() {
        return tag == DwTag.STRUCTURE_TYPE || tag == DwTag.CLASS_TYPE || tag == DwTag.UNION_TYPE;
    }
}
