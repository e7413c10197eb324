package dev.hagfish.report;

import dev.hagfish.types.Layout;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code MemberBlocks} cuts a struct's members, in declaration order, into the blocks that a
 * reordering moves whole. A member that is not a bit-field is a block of its own. A bit-field
 * occupies its storage unit (its type's size, at an offset that size divides); members whose
 * storage overlaps form one block, so a run of bit-fields that share units moves as one, with
 * every bit where it was relative to the others (unnamed bit-fields, which DWARF does not
 * describe, stay as the bits between them), and a member that shares a unit with a bit-field moves
 * with it. A bit-field whose bits run past its unit (i386 packs {@code long long} bit-fields across
 * 8-byte boundaries) also holds the bytes they use. A block's alignment is the largest of its members', so moving it by a multiple of that
 * keeps every member and every storage unit aligned.
 */
final class MemberBlocks {
    private MemberBlocks() {}

    /**
     * A block of consecutive slots.
     *
     * @param first the index of its first slot
     * @param end the index after its last slot
     * @param start where it starts, in bytes from the struct's start: its first member's first
     *     byte or first storage unit
     * @param used the bytes from {@code start} to the end of its last used byte
     * @param naturalAlign the largest natural alignment of its members (a declared member
     *     alignment included)
     * @param explicitAlign the largest declared member alignment, or 0
     */
    record Block(int first, int end, long start, long used, long naturalAlign, long explicitAlign) {
        /** Returns the block's alignment when the compiler caps alignments at {@code cap} (0: no cap). */
        long align(long cap) {
            long a = cap > 0 ? Math.min(naturalAlign, cap) : naturalAlign;
            return Math.max(1, Math.max(a, explicitAlign));
        }

        /** Returns the byte after its last used byte. */
        long usedEnd() {
            return start + used;
        }
    }

    /**
     * Returns the blocks of a struct's slots, in order; offsets are relative to the struct's start.
     *
     * @param l the struct
     * @param keepUnitTails whether a block that ends inside a storage unit keeps the rest of that
     *     unit up to where the next block starts: the compiler leaves those bits unused only for
     *     unnamed bit-fields ({@code unsigned :16;}), which DWARF does not describe
     */
    static List<Block> of(Layout l, boolean keepUnitTails) {
        long base = l.bitOffset();
        List<long[]> spans = new ArrayList<>(); // {first, end, start, usedEndBits, natural, explicit}
        List<Layout.Slot> slots = l.slots();
        for (int i = 0; i < slots.size(); i++) {
            Layout.Slot s = slots.get(i);
            long size = Math.max(0, s.byteSize());
            long bit = s.bitOffset() - base;
            long start;
            long extentEnd;
            if (s.bitField() && size > 0) {
                // its storage unit, and the bytes its bits use when they run past it (i386 packs
                // long long bit-fields across 8-byte boundaries)
                start = Math.min(Math.floorDiv(bit, size * 8) * size, Math.floorDiv(bit, 8));
                extentEnd = Math.max(start + size, Math.floorDiv(bit + s.bitSize() + 7, 8));
            } else {
                start = Math.floorDiv(bit, 8);
                extentEnd = start + size;
            }
            long usedEndBits = bit + s.bitsUsed();
            long natural = Math.max(1, s.alignment());
            long explicit = Math.max(0, s.explicitAlignment());
            long[] cur = {i, i + 1, start, usedEndBits, Math.max(natural, explicit), explicit, extentEnd};
            // Merge with earlier blocks whose storage this one's overlaps.
            while (!spans.isEmpty() && start < spans.get(spans.size() - 1)[6]) {
                long[] prev = spans.remove(spans.size() - 1);
                cur = new long[] {prev[0], cur[1], Math.min(prev[2], cur[2]), Math.max(prev[3], cur[3]),
                    Math.max(prev[4], cur[4]), Math.max(prev[5], cur[5]), Math.max(prev[6], cur[6])};
                start = cur[2];
            }
            spans.add(cur);
        }
        List<Block> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            long[] b = spans.get(i);
            long usedEnd = Math.floorDiv(b[3] + 7, 8);
            if (keepUnitTails && i + 1 < spans.size()) {
                usedEnd = Math.max(usedEnd, Math.min(b[6], spans.get(i + 1)[2]));
            }
            out.add(new Block((int) b[0], (int) b[1], b[2], Math.max(0, usedEnd - b[2]), b[4], b[5]));
        }
        return out;
    }

    /**
     * Lays blocks out one after the other as a C compiler lays out members: each at the next
     * offset its alignment divides after the previous block's last used byte.
     *
     * @param order the blocks in the order to lay out
     * @param cap the alignment cap (0: none)
     * @return the offset of each block, in the order given
     */
    static long[] place(List<Block> order, long cap) {
        long[] at = new long[order.size()];
        long cur = 0;
        for (int i = 0; i < order.size(); i++) {
            Block b = order.get(i);
            at[i] = alignUp(cur, b.align(cap));
            cur = at[i] + b.used();
        }
        return at;
    }

    /** Returns the end of the last block placed at {@code at}: the struct's size before rounding. */
    static long end(List<Block> order, long[] at) {
        long end = 0;
        for (int i = 0; i < order.size(); i++) {
            end = Math.max(end, at[i] + order.get(i).used());
        }
        return end;
    }

    static long alignUp(long v, long a) {
        return a <= 1 ? v : Math.floorDiv(v + a - 1, a) * a;
    }
}
