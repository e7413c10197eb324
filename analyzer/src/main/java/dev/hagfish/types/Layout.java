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
 * @param bitOffset its offset in the outermost struct, in bits (0 at the top)
 * @param cacheline the cacheline size in bytes the boundaries and straddles are computed for
 * @param slots the bases and members in declaration order
 * @param paddingBits the trailing padding in bits
 */
public record Layout(long id, Type.Kind kind, String name, long byteSize, long alignment, long bitOffset, int cacheline, List<Slot> slots,
        long paddingBits) {
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
     */
    public record Slot(SlotKind kind, String name, long type, String typeName, String declaration, long bitOffset, long bitSize,
            long byteSize, long holeBeforeBits, Layout nested, boolean expandedByGdb) {
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
        return build(graph, new TypeNames(graph), def instanceof Type.Struct d ? d : s, 0, cacheline, 0);
    }

    private static Layout build(TypeGraph graph, TypeNames names, Type.Struct s, long base, int cacheline, int level) {
        boolean union = s.kind() == Type.Kind.UNION;
        List<Slot> slots = new ArrayList<>(s.members().size() + s.bases().size());
        long end = 0;
        for (Type.Inheritance b : s.bases()) {
            long off = b.byteOffset() < 0 ? 0 : b.byteOffset() * 8;
            long size = graph.sizeOf(b.type());
            slots.add(new Slot(SlotKind.BASE, null, b.type(), names.name(b.type()), names.name(b.type()), base + off, 0,
                    size,
                    hole(union, end, off), nested(graph, names, b.type(), base + off, cacheline, level), false));
            if (!union) {
                end = off + Math.max(0, size) * 8;
            }
        }
        for (Member m : s.members()) {
            long size = graph.sizeOf(m.type());
            Type declared = graph.get(m.type());
            slots.add(new Slot(SlotKind.MEMBER, m.name(), m.type(), names.name(m.type()),
                    names.declare(m.type(), m.name() == null ? "" : m.name()), base + m.bitOffset(),
                    m.bitSize(), size, hole(union, end, m.bitOffset()),
                    nested(graph, names, m.type(), base + m.bitOffset(), cacheline, level),
                    declared instanceof Type.Struct));
            if (!union) {
                end = m.isBitField() ? m.bitOffset() + m.bitSize() : m.bitOffset() + Math.max(0, size) * 8;
            }
        }
        long size = Math.max(0, s.byteSize());
        long padding = !union && end > 0 && end < size * 8 ? size * 8 - end : 0;
        return new Layout(s.id(), s.kind(), names.baseName(s), size, graph.alignOf(s.id()), base, cacheline, slots,
                padding);
    }

    private static long hole(boolean union, long end, long start) {
        return !union && end > 0 && end < start ? start - end : 0;
    }

    private static Layout nested(TypeGraph graph, TypeNames names, long type, long offset, int cacheline, int level) {
        if (level >= MAX_NESTING || !(graph.resolve(type) instanceof Type.Struct st) || st.declaration()) {
            return null;
        }
        return build(graph, names, st, offset, cacheline, level + 1);
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
                    s.expandedByGdb()));
        }
        return new Layout(id, kind, name, byteSize, alignment, bitOffset, size, out, paddingBits);
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
