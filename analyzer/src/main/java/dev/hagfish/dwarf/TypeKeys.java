package dev.hagfish.dwarf;

import dev.hagfish.types.Type;
import java.util.List;
import java.util.Objects;

/**
 * {@code TypeKeys} hashes and compares {@link TypeDie}s as keys of {@link TypeClass}es: every
 * field but the offset, the references given either by the DIE itself or, for a DIE still
 * holding DIE offsets, by an array of the classes they map to (in {@link TypeDie#ref} order).
 * So a unit's type can be looked up among the classes before a key is copied for it.
 */
final class TypeKeys {
    private TypeKeys() {}

    /** Returns the hash of {@code t} with references {@code refs} (or its own when null); never 0. */
    static int hash(TypeDie t, long[] refs) {
        int h = t.tag * 31 + t.addressSize;
        h = h * 31 + (t.cplusplus ? 1 : 0) + (t.declaration ? 2 : 0) + (t.prototyped ? 4 : 0) + (t.varargs ? 8 : 0)
                + (t.signedValues ? 16 : 0);
        h = h * 31 + Objects.hashCode(t.name);
        h = h * 31 + Long.hashCode(t.byteSize * 31 + t.alignment);
        h = h * 31 + t.encoding;
        h = h * 31 + Objects.hashCode(t.declFile);
        h = h * 31 + Long.hashCode(t.declLine);
        for (int i = 0, n = t.members.size(); i < n; i++) {
            TypeDie.RawMember m = t.members.get(i);
            // A member name's length, not its hash: names that are not in .debug_str are new
            // strings in every unit, and positions and types tell members apart well enough.
            h = h * 31 + (m.name() == null ? -1 : m.name().length());
            h = h * 31 + Long.hashCode(m.location() * 31 + m.bitSize() * 7 + m.bitOffset2() * 3 + m.dataBitOffset()
                    + m.storageBytes() * 11 + m.alignment() * 13);
        }
        for (int i = 0, n = t.enumerators.size(); i < n; i++) {
            h = h * 31 + t.enumerators.get(i).hashCode();
        }
        h = h * 31 + t.dims.hashCode();
        for (int i = 0, n = t.bases.size(); i < n; i++) {
            Type.Inheritance b = t.bases.get(i);
            h = h * 31 + Long.hashCode(b.byteOffset()) + (b.virtual() ? 1 : 0) + Objects.hashCode(b.access());
        }
        for (int i = 0, n = t.statics.size(); i < n; i++) {
            h = h * 31 + Objects.hashCode(t.statics.get(i).name());
        }
        for (int i = 0, n = t.refCount(); i < n; i++) {
            h = h * 31 + Long.hashCode(refs == null ? t.ref(i) : refs[i]);
        }
        return h == 0 ? 1 : h;
    }

    /**
     * Tells whether {@code a}, with references {@code aRefs} (or its own when null), and
     * {@code b}, with its own, are the same key.
     */
    static boolean same(TypeDie a, long[] aRefs, TypeDie b) {
        if (a.tag != b.tag || a.addressSize != b.addressSize || a.cplusplus != b.cplusplus
                || a.byteSize != b.byteSize || a.declaration != b.declaration || a.prototyped != b.prototyped
                || a.varargs != b.varargs || a.encoding != b.encoding || a.alignment != b.alignment
                || a.signedValues != b.signedValues || a.declLine != b.declLine || !Objects.equals(a.name, b.name)
                || !Objects.equals(a.declFile, b.declFile) || a.members.size() != b.members.size()
                || a.params.size() != b.params.size() || a.bases.size() != b.bases.size()
                || a.statics.size() != b.statics.size() || !a.enumerators.equals(b.enumerators)
                || !a.dims.equals(b.dims)) {
            return false;
        }
        for (int i = 0, n = a.members.size(); i < n; i++) {
            TypeDie.RawMember x = a.members.get(i);
            TypeDie.RawMember y = b.members.get(i);
            if (x.location() != y.location() || x.bitSize() != y.bitSize() || x.bitOffset2() != y.bitOffset2()
                    || x.dataBitOffset() != y.dataBitOffset() || x.storageBytes() != y.storageBytes()
                    || x.alignment() != y.alignment() || !Objects.equals(x.name(), y.name())) {
                return false;
            }
        }
        if (!sameBases(a.bases, b.bases)) {
            return false;
        }
        for (int i = 0, n = a.statics.size(); i < n; i++) {
            if (!Objects.equals(a.statics.get(i).name(), b.statics.get(i).name())) {
                return false;
            }
        }
        for (int i = 0, n = a.refCount(); i < n; i++) {
            if ((aRefs == null ? a.ref(i) : aRefs[i]) != b.ref(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameBases(List<Type.Inheritance> a, List<Type.Inheritance> b) {
        for (int i = 0, n = a.size(); i < n; i++) {
            Type.Inheritance x = a.get(i);
            Type.Inheritance y = b.get(i);
            if (x.byteOffset() != y.byteOffset() || x.virtual() != y.virtual() || !Objects.equals(x.access(), y.access())) {
                return false;
            }
        }
        return true;
    }
}
