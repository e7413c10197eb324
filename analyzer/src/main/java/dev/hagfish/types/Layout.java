package dev.hagfish.types;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code Layout} is a struct or union laid out in bits: every base and member with its
 * absolute offset and size, the hole before it, nested structs and unions expanded, trailing
 * padding, cacheline boundaries and totals. It holds what both gdb's {@code ptype /o} and
 * pahole print, and is a plain record that serialises to JSON.
 *
 * <p>Holes follow gdb's rule: the gap between the end of the previous member (a bit-field ends at
 * its last bit, any other member at the end of its type) and the start of the next, counted once
 * a member has ended past offset 0. Unions have no holes.
 *
 * @param id the struct's id in its graph (its definition's)
 * @param kind struct, class or union
 * @param name its name as gdb prints it, e.g. {@code struct proc}
 * @param byteSize its size in bytes
 * @param alignment its alignment in bytes
 * @param explicitAlignment its {@code DW_AT_alignment} ({@code __attribute__((aligned(N)))} or
 *     {@code #pragma pack}), or 0 when not given
 * @param bitOffset its offset in the outermost struct, in bits (0 at the top)
 * @param cacheline the cacheline size in bytes the boundaries and straddles are computed for
 * @param slots the bases and members in declaration order
 * @param paddingBits the trailing padding in bits
 * @param pointerSize the target's pointer size in bytes ({@link TypeGraph#pointerSize})
 */
public record Layout(long id, Type.Kind kind, String name, long byteSize, long alignment, long explicitAlignment,
        long bitOffset, int cacheline, List<Slot> slots, long paddingBits, long pointerSize) {
    /** The default cacheline size, in bytes. */
    public static final int DEFAULT_CACHELINE = 64;
    private static final int MAX_NESTING = 32;

    /** Creates the record; the list is copied. */
    public Layout {
        slots = List.copyOf(slots);
    }

    /** What a {@link Slot} is. */
    public enum SlotKind {
        /** A base-class subobject. */
        BASE,
        /** A data member. */
        MEMBER
    }

    /**
     * One base or member.
     *
     * @param kind base or member
     * @param name the member's name, or null for a base or an anonymous member
     * @param type the declared type's id
     * @param typeName the declared type's name, e.g. {@code char [17]}
     * @param declaration the member declared in C as gdb prints it, e.g. {@code char p_comm[17]}
     * @param bitOffset the offset from the start of the outermost struct, in bits
     * @param bitSize the width of a bit-field, or 0
     * @param byteSize the size of the declared type, in bytes (-1 when unknown)
     * @param holeBeforeBits the hole between the previous member's end and this one's start
     * @param nested the layout of the member's struct or union type (through typedefs), or null
     * @param expandedByGdb whether gdb expands it in place (the declared type is itself a struct)
     * @param alignment the declared type's alignment in bytes ({@link TypeGraph#alignOf})
     * @param explicitAlignment the member's own {@code DW_AT_alignment}, or 0
     * @param pahole the member declared as pahole spells it ({@link PaholeNames})
     * @param enumerators the enumerators when the declared type is an anonymous enum (which
     *     pahole prints in place), else empty
     * @param element the layout of the first element when the declared type is an array of an
     *     anonymous struct or union (which pahole prints in place), else null
     */
    public record Slot(SlotKind kind, String name, long type, String typeName, String declaration, long bitOffset, long bitSize,
            long byteSize, long holeBeforeBits, Layout nested, boolean expandedByGdb, long alignment,
            long explicitAlignment, PaholeDecl pahole, List<Type.Enumerator> enumerators, Layout element) {
        /** Creates the record; the list is copied (null reads as empty). */
        public Slot {
            enumerators = enumerators == null ? List.of() : List.copyOf(enumerators);
        }

        /** Tells whether this is a bit-field (not a bean getter: the JSON carries {@code bitSize}). */
        public boolean bitField() {
            return bitSize != 0;
        }

        /** Returns the bits it occupies: its width for a bit-field, else its type's size. */
        public long bitsUsed() {
            return bitSize != 0 ? bitSize : Math.max(0, byteSize) * 8;
        }

        /** Returns the first bit after it, from the start of the outermost struct. */
        public long endBit() {
            return bitOffset + bitsUsed();
        }
    }

    /**
     * A member's declaration as pahole prints it: the type column, then {@code before + name +
     * after}, e.g. {@code void}, {@code (*}, {@code )(int, char *)}; or {@code int}, {@code ""},
     * {@code [3][4]}.
     *
     * @param type the text of the type column
     * @param before what precedes the member's name
     * @param after what follows the member's name
     */
    public record PaholeDecl(String type, String before, String after) {
        /** Returns the declarator of a member with this name: {@code (*fn)(int)}, {@code m[3]}. */
        public String declarator(String name) {
            return before + (name == null ? "" : name) + after;
        }
    }

    /** Lays out a struct or union with the default cacheline. */
    public static Layout of(TypeGraph graph, Type.Struct s) {
        return of(graph, s, DEFAULT_CACHELINE);
    }

    /**
     * Lays out a struct or union.
     *
     * @param graph the graph that holds it
     * @param s the struct; a declaration is replaced by its definition when the graph has one
     * @param cacheline the cacheline size in bytes (positive)
     */
    public static Layout of(TypeGraph graph, Type.Struct s, int cacheline) {
        if (cacheline <= 0) {
            throw new IllegalArgumentException("cacheline size must be positive: " + cacheline);
        }
        Type def = graph.definition(s);
        return build(new Namers(graph, new TypeNames(graph), new PaholeNames(graph)), def instanceof Type.Struct d ? d : s,
                0, cacheline, 0);
    }

    /** The graph and its two spellings of type names. */
    private record Namers(TypeGraph graph, TypeNames gdb, PaholeNames pahole) {}

    private static Layout build(Namers n, Type.Struct s, long base, int cacheline, int level) {
        TypeGraph graph = n.graph();
        boolean union = s.kind() == Type.Kind.UNION;
        List<Slot> slots = new ArrayList<>(s.members().size() + s.bases().size());
        long end = 0;
        for (Type.Inheritance b : s.bases()) {
            long off = b.byteOffset() < 0 ? 0 : b.byteOffset() * 8;
            long size = graph.sizeOf(b.type());
            String name = n.gdb().name(b.type());
            slots.add(new Slot(SlotKind.BASE, null, b.type(), name, name, base + off, 0, size, hole(union, end, off),
                    nested(n, b.type(), base + off, cacheline, level), false, graph.alignOf(b.type()), 0,
                    new PaholeDecl(name, "", ""), List.of(), null));
            if (!union) {
                end = off + Math.max(0, size) * 8;
            }
        }
        for (Member m : s.members()) {
            long size = graph.sizeOf(m.type());
            Type declared = graph.get(m.type());
            slots.add(new Slot(SlotKind.MEMBER, m.name(), m.type(), n.gdb().name(m.type()),
                    n.gdb().declare(m.type(), m.name() == null ? "" : m.name()), base + m.bitOffset(),
                    m.bitSize(), size, hole(union, end, m.bitOffset()),
                    nested(n, m.type(), base + m.bitOffset(), cacheline, level),
                    declared instanceof Type.Struct, graph.alignOf(m.type()), m.alignment(),
                    n.pahole().declare(m.type()),
                    declared instanceof Type.Enum e && e.name() == null ? e.enumerators() : List.of(),
                    anonymousElement(n, declared, base + m.bitOffset(), cacheline, level)));
            if (!union) {
                end = m.isBitField() ? m.bitOffset() + m.bitSize() : m.bitOffset() + Math.max(0, size) * 8;
            }
        }
        long size = Math.max(0, s.byteSize());
        long padding = !union && end > 0 && end < size * 8 ? size * 8 - end : 0;
        return new Layout(s.id(), s.kind(), n.gdb().baseName(s), size, graph.alignOf(s.id()), s.alignment(), base,
                cacheline, slots, padding, graph.pointerSize());
    }

    private static long hole(boolean union, long end, long start) {
        return !union && end > 0 && end < start ? start - end : 0;
    }

    private static Layout nested(Namers n, long type, long offset, int cacheline, int level) {
        if (level >= MAX_NESTING || !(n.graph().resolve(type) instanceof Type.Struct st) || st.declaration()) {
            return null;
        }
        return build(n, st, offset, cacheline, level + 1);
    }

    /** Lays out the element of an array of an anonymous struct or union, at the array's offset. */
    private static Layout anonymousElement(Namers n, Type declared, long offset, int cacheline, int level) {
        Type t = declared;
        for (int i = 0; t instanceof Type.Array a && i < MAX_NESTING; i++) {
            t = n.graph().get(a.element());
        }
        if (t == declared || !(t instanceof Type.Struct st) || st.name() != null || st.declaration()
                || level >= MAX_NESTING) {
            return null;
        }
        return build(n, st, offset, cacheline, level + 1);
    }

    /** Returns this layout (and its nested ones) with another cacheline size. */
    public Layout withCacheline(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("cacheline size must be positive: " + size);
        }
        List<Slot> out = new ArrayList<>(slots.size());
        for (Slot s : slots) {
            out.add(new Slot(s.kind(), s.name(), s.type(), s.typeName(), s.declaration(), s.bitOffset(), s.bitSize(),
                    s.byteSize(), s.holeBeforeBits(), s.nested() == null ? null : s.nested().withCacheline(size),
                    s.expandedByGdb(), s.alignment(), s.explicitAlignment(), s.pahole(), s.enumerators(),
                    s.element() == null ? null : s.element().withCacheline(size)));
        }
        return new Layout(id, kind, name, byteSize, alignment, explicitAlignment, bitOffset, size, out, paddingBits,
                pointerSize);
    }

    /** Returns the number of data members (not counting nested ones). */
    public int memberCount() {
        return (int) slots.stream().filter(x -> x.kind() == SlotKind.MEMBER).count();
    }

    /** Returns the number of holes of a byte or more. */
    public int holes() {
        return (int) slots.stream().filter(x -> x.holeBeforeBits() >= 8).count();
    }

    /** Returns the bytes lost to holes (whole bytes only). */
    public long holeBytes() {
        return slots.stream().mapToLong(x -> x.holeBeforeBits() / 8).sum();
    }

    /** Returns the bits lost to holes smaller than a byte, and to the bit parts of larger holes. */
    public long holeBits() {
        return slots.stream().mapToLong(x -> x.holeBeforeBits() % 8).sum();
    }

    /** Returns the bytes wasted: holes and trailing padding, in whole bytes. */
    public long wastedBytes() {
        return holeBytes() + paddingBits / 8;
    }

    /** Returns the number of cachelines the struct spans. */
    public long cachelines() {
        return (byteSize + cacheline - 1) / cacheline;
    }

    /** Tells whether a slot crosses a cacheline boundary (counted from the outermost struct's start). */
    public boolean straddles(Slot slot) {
        long used = slot.bitsUsed();
        if (used == 0) {
            return false;
        }
        long first = slot.bitOffset() / 8 / cacheline;
        long last = (slot.bitOffset() + used - 1) / 8 / cacheline;
        return first != last;
    }

    /** Returns the slots that cross a cacheline boundary. */
    public List<Slot> straddling() {
        return slots.stream().filter(this::straddles).toList();
    }
}
