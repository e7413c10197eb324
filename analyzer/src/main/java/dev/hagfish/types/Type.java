package dev.hagfish.types;

import java.util.List;

/**
 * A {@code Type} is one C type of the model: an immutable record that refers to other types by
 * id (its DIE offset, or any id the builder chose), so that a {@link TypeGraph} can hold cycles
 * such as {@code struct proc { struct proc *p_pptr; }} and serialise to JSON.
 */
public sealed interface Type {
    /** The id of the implicit {@code void} (no DW_AT_type). */
    long VOID = -1;

    /** Returns the type's id in its graph. */
    long id();

    /** {@code int}, {@code unsigned char}, {@code _Bool}… @param id id @param name name @param byteSize size */
    record Base(long id, String name, long byteSize) implements Type {}

    /** The kind of a {@link Pointer}. */
    enum PointerKind {
        /** {@code T *}. */
        POINTER,
        /** {@code T &}. */
        REFERENCE,
        /** {@code T &&}. */
        RVALUE_REFERENCE
    }

    /**
     * A pointer or reference.
     *
     * @param id id
     * @param kind pointer or reference
     * @param target the pointee, or {@link #VOID}
     * @param byteSize the pointer size
     */
    record Pointer(long id, PointerKind kind, long target, long byteSize) implements Type {}

    /** A cv-qualifier or {@code _Atomic}. */
    enum Qualifier {
        /** {@code const}. */
        CONST,
        /** {@code volatile}. */
        VOLATILE,
        /** {@code restrict}. */
        RESTRICT,
        /** {@code _Atomic}. */
        ATOMIC
    }

    /** A qualified type. @param id id @param qualifier the qualifier @param target the qualified type */
    record Qualified(long id, Qualifier qualifier, long target) implements Type {}

    /** A typedef. @param id id @param name name @param target the aliased type */
    record Typedef(long id, String name, long target) implements Type {}

    /** The kind of a {@link Struct}. */
    enum Kind {
        /** {@code struct}. */
        STRUCT,
        /** {@code class}. */
        CLASS,
        /** {@code union}. */
        UNION
    }

    /**
     * A struct, class or union.
     *
     * @param id id
     * @param kind struct, class or union
     * @param name the tag, or null when anonymous
     * @param byteSize the size, or -1 for a declaration
     * @param declaration whether this is only a declaration
     * @param members the data members, in order
     */
    record Struct(long id, Kind kind, String name, long byteSize, boolean declaration, List<Member> members)
            implements Type {
        /** Creates the record; the list is copied. */
        public Struct {
            members = List.copyOf(members);
        }
    }

    /**
     * An enumeration.
     *
     * @param id id
     * @param name the tag, or null
     * @param byteSize the size
     * @param enumerators the enumerators, in order
     */
    record Enum(long id, String name, long byteSize, List<Enumerator> enumerators) implements Type {
        /** Creates the record; the list is copied. */
        public Enum {
            enumerators = List.copyOf(enumerators);
        }
    }

    /** An enumerator. @param name name @param value value */
    record Enumerator(String name, long value) {}

    /**
     * An array, with one entry per dimension (outermost first); -1 for an unknown bound.
     *
     * @param id id
     * @param element the element type
     * @param dimensions the bounds
     */
    record Array(long id, long element, List<Long> dimensions) implements Type {
        /** Creates the record; the list is copied. */
        public Array {
            dimensions = List.copyOf(dimensions);
        }
    }

    /**
     * A function type.
     *
     * @param id id
     * @param returnType the return type, or {@link #VOID}
     * @param parameters the parameter types
     * @param varargs whether {@code ...} follows
     * @param prototyped whether the type has a prototype
     */
    record Function(long id, long returnType, List<Long> parameters, boolean varargs, boolean prototyped)
            implements Type {
        /** Creates the record; the list is copied. */
        public Function {
            parameters = List.copyOf(parameters);
        }
    }

    /** {@code void}, or an unspecified type. @param id id @param name {@code void} or the name */
    record Void(long id, String name) implements Type {}
}
