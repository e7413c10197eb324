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

    /** How a {@link Base} type's bits are read ({@code DW_AT_encoding}). */
    enum Encoding {
        /** A signed integer. */
        SIGNED,
        /** An unsigned integer. */
        UNSIGNED,
        /** A signed character. */
        SIGNED_CHAR,
        /** An unsigned character. */
        UNSIGNED_CHAR,
        /** {@code _Bool} / {@code bool}. */
        BOOLEAN,
        /** A binary floating-point number. */
        FLOAT,
        /** A complex floating-point number. */
        COMPLEX_FLOAT,
        /** UTF character. */
        UTF,
        /** Any other encoding, or none. */
        OTHER;

        /** Tells whether values of this encoding are signed. */
        public boolean signed() {
            return this == SIGNED || this == SIGNED_CHAR || this == FLOAT || this == COMPLEX_FLOAT;
        }
    }

    /**
     * {@code int}, {@code unsigned char}, {@code _Bool}…
     *
     * @param id id
     * @param name name
     * @param byteSize size
     * @param encoding how its bits are read
     */
    record Base(long id, String name, long byteSize, Encoding encoding) implements Type {}

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

    /**
     * A C++ pointer to member, {@code int S::*} or {@code void (S::*)(int)}.
     *
     * @param id id
     * @param target the member's type
     * @param containing the class whose member it points to
     * @param byteSize the pointer's size
     */
    record MemberPointer(long id, long target, long containing, long byteSize) implements Type {}

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
     * A base class of a C++ class.
     *
     * @param type the base's type
     * @param byteOffset its offset in the derived class, or -1 for a virtual base (found at run time)
     * @param virtual whether it is a virtual base
     * @param access {@code public}, {@code protected}, {@code private}, or null when not given
     */
    record Inheritance(long type, long byteOffset, boolean virtual, String access) {}

    /** A static data member of a C++ class. @param name name @param type type */
    record StaticMember(String name, long type) {}

    /**
     * A struct, class or union.
     *
     * @param id id
     * @param kind struct, class or union
     * @param name the tag (scope-qualified in C++, e.g. {@code OSKext::Flags}), or null when anonymous
     * @param byteSize the size, or -1 for a declaration
     * @param declaration whether this is only a declaration
     * @param members the data members, in order
     * @param bases the base classes, in order
     * @param statics the static data members, in order
     * @param alignment {@code DW_AT_alignment} in bytes, or 0 when not given
     */
    record Struct(long id, Kind kind, String name, long byteSize, boolean declaration, List<Member> members,
            List<Inheritance> bases, List<StaticMember> statics, long alignment) implements Type {
        /** Creates the record; the lists are copied. */
        public Struct {
            members = List.copyOf(members);
            bases = List.copyOf(bases);
            statics = List.copyOf(statics);
        }

        /** A C struct or union without bases or statics. */
        public Struct(long id, Kind kind, String name, long byteSize, boolean declaration, List<Member> members) {
            this(id, kind, name, byteSize, declaration, members, List.of(), List.of(), 0);
        }
    }

    /**
     * An enumeration.
     *
     * @param id id
     * @param name the tag, or null
     * @param byteSize the size, or -1 for a declaration
     * @param underlying the underlying integer type ({@code DW_AT_type}), or {@link #VOID} when not given
     * @param signed whether the values are signed (from the underlying type, or from the enumerators' forms)
     * @param declaration whether this is only a declaration
     * @param enumerators the enumerators, in order
     */
    record Enum(long id, String name, long byteSize, long underlying, boolean signed, boolean declaration,
            List<Enumerator> enumerators) implements Type {
        /** Creates the record; the list is copied. */
        public Enum {
            enumerators = List.copyOf(enumerators);
        }
    }

    /**
     * An enumerator; an unsigned 64-bit value is kept in a {@code long} with its bits.
     *
     * @param name name
     * @param value value
     */
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
