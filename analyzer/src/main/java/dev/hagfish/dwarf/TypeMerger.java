package dev.hagfish.dwarf;

import dev.hagfish.types.Type;
import java.util.List;

/**
 * A {@code TypeMerger} gives each type DIE of one unit its {@link TypeClass}, so that the types
 * every unit repeats from the same headers become one type. Two type DIEs are the same type when
 * everything the collector kept of them is equal (tag, name, size, declaration and its file:line,
 * members with their raw positions, enumerators, bounds, parameters, bases, statics, C++ or not)
 * and what they refer to is, in turn, the same type; except that a pointer, reference or member
 * pointer is identified by its target's <em>name</em> (kind and name of a named struct, union,
 * class, enum, typedef or base type; the shape of a qualified, array or function type made of
 * such names; the type itself when anonymous). Nothing reads through a pointer but its name, and
 * this is what makes {@code struct foo *} one type whether a unit defines {@code struct foo} or
 * only declares it. It also breaks the reference cycles of C, which all pass through a pointer
 * to a named type.
 *
 * <p>A reference outside the unit stays a reference to that DIE (two units that point to the
 * same DIE agree). A DIE on a cycle that no pointer breaks (malformed input), or nested deeper
 * than {@link #MAX_DEPTH}, is a class of its own.
 *
 * <p>Single-threaded, like its unit; the classes it makes are shared.
 */
final class TypeMerger {
    /** Nesting deeper than this makes a type a class of its own (and bounds the recursion). */
    static final int MAX_DEPTH = 256;
    private static final byte OPEN = 1;
    private static final byte DONE = 2;

    private final TypeClasses classes;
    private final List<TypeDie> types;
    private final long[] offsets;
    private final TypeClass[] full;
    private final byte[] fullState;
    private final int[] name;
    private final byte[] nameState;
    private int depth;

    /**
     * Opens the merger of one unit.
     *
     * @param classes the classes shared by the units
     * @param types the unit's type DIEs, in DIE order
     */
    TypeMerger(TypeClasses classes, List<TypeDie> types) {
        this.classes = classes;
        this.types = types;
        int n = types.size();
        this.offsets = new long[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = types.get(i).offset;
        }
        this.full = new TypeClass[n];
        this.fullState = new byte[n];
        this.name = new int[n];
        this.nameState = new byte[n];
    }

    /** Classifies every type DIE of the unit and offers it to its class. */
    UnitTypes merge() {
        for (int i = 0; i < full.length; i++) {
            fullClass(i);
        }
        for (int i = 0; i < full.length; i++) {
            TypeDie t = types.get(i);
            TypeClass c = full[i];
            if (t.isPointerLike() && !c.single) {
                c.offer(t.offset, fullRef(t.target), fullRef(t.containing));
            } else {
                c.offer(t.offset, Type.VOID, Type.VOID);
            }
        }
        return new UnitTypes(offsets, full);
    }

    /** Encodes a reference to a DIE outside the unit (or to no type DIE of it) in a key. */
    static long external(long offset) {
        return -2 - offset;
    }

    /** Decodes {@link #external}. */
    static long externalOffset(long ref) {
        return -2 - ref;
    }

    private int indexOf(long offset) {
        return java.util.Arrays.binarySearch(offsets, offset);
    }

    /** A reference in a key: the class of the type referred to. */
    private long fullRef(long ref) {
        if (ref == Type.VOID) {
            return Type.VOID;
        }
        int j = indexOf(ref);
        return j < 0 ? external(ref) : fullClass(j).number;
    }

    /** A pointer's reference in a key: the name class of its target. */
    private long nameRef(long ref) {
        if (ref == Type.VOID) {
            return Type.VOID;
        }
        int j = indexOf(ref);
        return j < 0 ? external(ref) : nameClass(j);
    }

    private TypeClass fullClass(int i) {
        if (full[i] != null) {
            return full[i];
        }
        TypeDie t = types.get(i);
        if (fullState[i] == OPEN || depth >= MAX_DEPTH) {
            full[i] = classes.single(t); // a cycle through i, or too deep: i is only itself
            return full[i];
        }
        fullState[i] = OPEN;
        depth++;
        try {
            long[] refs = new long[t.refCount()];
            boolean pointer = t.isPointerLike();
            for (int r = 0; r < refs.length; r++) {
                refs[r] = r < 2 && pointer ? nameRef(t.ref(r)) : fullRef(t.ref(r));
            }
            if (full[i] == null) { // unless a cycle made it single meanwhile
                full[i] = classes.full(t, refs);
            }
        } finally {
            depth--;
            fullState[i] = DONE;
        }
        return full[i];
    }

    private int nameClass(int i) {
        TypeDie t = types.get(i);
        switch (t.tag) {
            case DwTag.STRUCTURE_TYPE, DwTag.CLASS_TYPE, DwTag.UNION_TYPE, DwTag.ENUMERATION_TYPE, DwTag.TYPEDEF,
                    DwTag.BASE_TYPE, DwTag.UNSPECIFIED_TYPE -> {
                return t.name != null ? classes.named(t.tag, t.name, t.cplusplus) : fullClass(i).number;
            }
            case DwTag.CONST_TYPE, DwTag.VOLATILE_TYPE, DwTag.RESTRICT_TYPE, DwTag.ATOMIC_TYPE, DwTag.ARRAY_TYPE,
                    DwTag.SUBROUTINE_TYPE -> {
                return shapeClass(i, t);
            }
            default -> {
                return fullClass(i).number;
            }
        }
    }

    private int shapeClass(int i, TypeDie t) {
        if (nameState[i] == DONE) {
            return name[i];
        }
        if (nameState[i] == OPEN || depth >= MAX_DEPTH) {
            name[i] = classes.singleName();
            nameState[i] = DONE;
            return name[i];
        }
        nameState[i] = OPEN;
        depth++;
        try {
            int n = classes.shape(t.mapped(t.offset, this::nameRef, this::nameRef));
            if (nameState[i] == OPEN) {
                name[i] = n;
            }
        } finally {
            depth--;
            nameState[i] = DONE;
        }
        return name[i];
    }
}
