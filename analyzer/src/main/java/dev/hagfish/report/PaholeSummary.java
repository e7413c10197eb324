package dev.hagfish.report;

import dev.hagfish.types.Layout;
import dev.hagfish.types.Type;
import java.util.List;

/**
 * {@code PaholeSummary} is how pahole 1.24 measures a struct, worked out from its output: a member
 * occupies whole bytes, a bit-field the storage unit of its type (its offset rounded down to a
 * multiple of the type's size), so byte holes lie between units, and bit holes inside a unit
 * (up to where the next member starts if that is inside it, else to the unit's end). The trailing
 * padding counts from the end of the last unit, or of the last bit-field's bits if they run past
 * its unit, as in a packed struct; what is left of the last unit is {@code bit_padding}.
 *
 * @param sumMembers the bytes of the members that are not bit-fields
 * @param holes the number of byte holes
 * @param holeBytes their bytes
 * @param sumBits the bits of the bit-fields
 * @param bitHoles the number of bit holes
 * @param bitHoleBits their bits
 * @param padding the trailing padding in bytes
 * @param bitPadding the unused bits of the last unit
 * @param paddings the number of members whose struct type has trailing padding
 * @param paddingBytes the sum of those paddings
 * @param forced the number of members with an alignment of their own
 * @param forcedHoles the number of holes before those members
 * @param forcedHoleBytes their bytes
 * @param packed whether pahole infers {@code __attribute__((__packed__))}
 */
record PaholeSummary(long sumMembers, int holes, long holeBytes, long sumBits, int bitHoles, long bitHoleBits,
        long padding, long bitPadding, int paddings, long paddingBytes, int forced, int forcedHoles,
        long forcedHoleBytes, boolean packed) {

    /**
     * Where a member lies as pahole sees it.
     *
     * @param bitField whether it is a bit-field
     * @param unit the first byte of its storage unit, from the outermost struct's start
     * @param size its type's size in bytes
     * @param start its first bit, from the outermost struct's start
     * @param end the bit after its last
     */
    record Span(boolean bitField, long unit, long size, long start, long end) {
        long unitEnd() {
            return unit + size;
        }

        /** Returns the bit offset within the storage unit that pahole prints after the colon. */
        long bitInUnit() {
            return start - unit * 8;
        }
    }

    /** How a bit-field shares storage with its neighbour. */
    enum Sharing {
        /** Not at all, or the two share one unit. */
        NONE,
        /** The next member lies inside this one's unit: "combined with next fields". */
        NEXT,
        /** The next member's unit overlaps this one's otherwise: "combined with previous fields". */
        PREVIOUS
    }

    /** Returns where a slot of a layout lies. */
    static Span span(Layout layout, Layout.Slot s) {
        long size = Math.max(0, s.byteSize());
        if (!s.bitField() || size == 0) {
            return new Span(s.bitField(), s.bitOffset() / 8, size, s.bitOffset(), s.bitOffset() + s.bitsUsed());
        }
        long rel = s.bitOffset() - layout.bitOffset();
        long unit = layout.bitOffset() / 8 + Math.floorDiv(rel, size * 8) * size;
        return new Span(true, unit, size, s.bitOffset(), s.bitOffset() + s.bitSize());
    }

    /** Returns the bits left unused between a bit-field and the next member. */
    static long bitHole(Span m, Span next) {
        if (!m.bitField()) {
            return 0;
        }
        long to = next.start() < m.unitEnd() * 8 ? next.start() : m.unitEnd() * 8;
        return Math.max(0, to - m.end());
    }

    /** Returns the bytes between a member's unit and the next one's. */
    static long byteHole(Span m, Span next) {
        return Math.max(0, next.unit() - m.unitEnd());
    }

    /** Returns how two consecutive members share storage. */
    static Sharing sharing(Span m, Span next) {
        boolean sameUnit = m.unit() == next.unit() && m.size() == next.size();
        if (!(m.bitField() || next.bitField()) || sameUnit || next.unit() >= m.unitEnd()
                || next.unitEnd() <= m.unit()) {
            return Sharing.NONE;
        }
        return next.unit() >= m.unit() && next.unitEnd() <= m.unitEnd() ? Sharing.NEXT : Sharing.PREVIOUS;
    }

    /** Returns the trailing padding of a struct in bytes, as pahole counts it (0 for a union). */
    static long padding(Layout l) {
        List<Layout.Slot> slots = l.slots();
        if (l.kind() == Type.Kind.UNION || slots.isEmpty()) {
            return 0;
        }
        Span last = span(l, slots.get(slots.size() - 1));
        long end = Math.max(last.unitEnd(), Math.floorDiv(last.end() + 7, 8)) - l.bitOffset() / 8;
        return Math.max(0, l.byteSize() - end);
    }

    /** Returns the measures of a struct or union. */
    static PaholeSummary of(Layout l) {
        Tally t = new Tally();
        boolean union = l.kind() == Type.Kind.UNION;
        List<Layout.Slot> slots = l.slots();
        for (int i = 0; i < slots.size(); i++) {
            Layout.Slot s = slots.get(i);
            t.member(s);
            if (!union && i + 1 < slots.size()) {
                t.gap(span(l, s), span(l, slots.get(i + 1)), slots.get(i + 1));
            }
        }
        long padding = padding(l);
        long bitPadding = 0;
        if (!union && !slots.isEmpty()) {
            Span last = span(l, slots.get(slots.size() - 1));
            bitPadding = Math.max(0, (l.bitOffset() / 8 + l.byteSize() - padding) * 8 - last.end());
        }
        return new PaholeSummary(t.sumMembers, t.holes, t.holeBytes, t.sumBits, t.bitHoles, t.bitHoleBits, padding,
                bitPadding, t.paddings, t.paddingBytes, t.forced, t.forcedHoles, t.forcedHoleBytes,
                packed(l, t.holes, padding));
    }

    /** The running counts of {@link #of}. */
    private static final class Tally {
        long sumMembers;
        long sumBits;
        int holes;
        long holeBytes;
        int bitHoles;
        long bitHoleBits;
        int paddings;
        long paddingBytes;
        int forced;
        int forcedHoles;
        long forcedHoleBytes;

        void member(Layout.Slot s) {
            if (s.bitField()) {
                sumBits += s.bitSize();
            } else {
                sumMembers += Math.max(0, s.byteSize());
            }
            long p = structPadding(s);
            if (p > 0) {
                paddings++;
                paddingBytes += p;
            }
            forced += s.explicitAlignment() > 0 ? 1 : 0;
        }

        /** Counts the holes between two struct members; one before an aligned member is forced. */
        void gap(Span m, Span next, Layout.Slot nextSlot) {
            long bits = bitHole(m, next);
            long bytes = byteHole(m, next);
            bitHoles += bits > 0 ? 1 : 0;
            bitHoleBits += bits;
            holes += bytes > 0 ? 1 : 0;
            holeBytes += bytes;
            if (bytes > 0 && nextSlot.explicitAlignment() > 0) {
                forcedHoles++;
                forcedHoleBytes += bytes;
            }
        }
    }

    /**
     * Returns the trailing padding of a member's struct type when pahole reports it ("last struct
     * has N bytes of padding"): only for a member declared with a struct type itself, not through
     * a typedef or an array.
     */
    static long structPadding(Layout.Slot s) {
        return s.expandedByGdb() && s.nested() != null ? padding(s.nested()) : 0;
    }

    /**
     * pahole infers {@code __packed__} for a struct without holes or trailing padding whose size
     * is not a multiple of its members' alignment, or where a member (not a bit-field) starts at
     * an offset its type's alignment does not divide; an explicit alignment does not prevent it.
     */
    private static boolean packed(Layout l, int holes, long padding) {
        if (holes > 0 || padding > 0 || l.slots().isEmpty()) {
            return false;
        }
        long align = 1;
        boolean misaligned = false;
        for (Layout.Slot s : l.slots()) {
            long a = Math.max(1, s.alignment());
            align = Math.max(align, a);
            if (!s.bitField() && Math.floorMod(s.bitOffset() / 8 - l.bitOffset() / 8, a) != 0) {
                misaligned = true;
            }
        }
        return misaligned || l.byteSize() % align != 0;
    }
}
