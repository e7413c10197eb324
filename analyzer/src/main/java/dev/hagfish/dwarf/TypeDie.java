package dev.hagfish.dwarf;

import dev.hagfish.types.Type;
import java.util.ArrayList;
import java.util.List;
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
     * Returns the number of references: the target, the containing type, then one per member,
     * parameter, base and static member, in that order ({@link #ref}).
     */
    int refCount() {
        return 2 + members.size() + params.size() + bases.size() + statics.size();
    }

    /** Returns the {@code i}-th reference, in the order {@link #refCount} gives. */
    long ref(int i) {
        if (i < 2) {
            return i == 0 ? target : containing;
        }
        int j = i - 2;
        if (j < members.size()) {
            return members.get(j).type();
        }
        j -= members.size();
        if (j < params.size()) {
            return params.get(j);
        }
        j -= params.size();
        if (j < bases.size()) {
            return bases.get(j).type();
        }
        return statics.get(j - bases.size()).type();
    }

    /**
     * Returns a copy at {@code offset} whose references are mapped: a pointer's target and a
     * member pointer's class through {@code pointee}, every other reference (a typedef's,
     * qualifier's, array's or enum's target, members, parameters, bases, statics) through
     * {@code ref}. The copy's lists are immutable.
     */
    TypeDie mapped(long offset, LongUnaryOperator ref, LongUnaryOperator pointee) {
        long[] refs = new long[refCount()];
        boolean pointer = isPointerLike();
        for (int i = 0; i < refs.length; i++) {
            refs[i] = i < 2 && pointer ? pointee.applyAsLong(ref(i)) : ref.applyAsLong(ref(i));
        }
        return withRefs(offset, refs);
    }

    /** Returns a copy at {@code offset} whose references are {@code refs}, in {@link #ref}'s order. */
    TypeDie withRefs(long offset, long[] refs) {
        TypeDie c = new TypeDie(offset, tag, addressSize, cplusplus);
        c.name = name;
        c.byteSize = byteSize;
        c.target = refs[0];
        c.containing = refs[1];
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
        int at = 2;
        if (!members.isEmpty()) {
            RawMember[] m = new RawMember[members.size()];
            for (int i = 0; i < m.length; i++) {
                RawMember x = members.get(i);
                m[i] = new RawMember(x.name(), refs[at++], x.location(), x.bitSize(), x.bitOffset2(),
                        x.dataBitOffset(), x.storageBytes(), x.alignment());
            }
            c.members = List.of(m);
        }
        if (!params.isEmpty()) {
            Long[] p = new Long[params.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = refs[at++];
            }
            c.params = List.of(p);
        }
        if (!bases.isEmpty()) {
            Type.Inheritance[] b = new Type.Inheritance[bases.size()];
            for (int i = 0; i < b.length; i++) {
                Type.Inheritance x = bases.get(i);
                b[i] = new Type.Inheritance(refs[at++], x.byteOffset(), x.virtual(), x.access());
            }
            c.bases = List.of(b);
        }
        if (!statics.isEmpty()) {
            Type.StaticMember[] st = new Type.StaticMember[statics.size()];
            for (int i = 0; i < st.length; i++) {
                st[i] = new Type.StaticMember(statics.get(i).name(), refs[at++]);
            }
            c.statics = List.of(st);
        }
        return c;
    }

    /** Equal when every field but the offset is ({@link TypeKeys#same}). */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof TypeDie t && hashCode() == t.hashCode() && TypeKeys.same(this, null, t);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = TypeKeys.hash(this, null);
            hash = h;
        }
        return h;
    }

    boolean isStructLike() {
        return tag == DwTag.STRUCTURE_TYPE || tag == DwTag.CLASS_TYPE || tag == DwTag.UNION_TYPE;
    }
}
