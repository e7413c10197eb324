package dev.hagfish.report;

import dev.hagfish.report.MemberBlocks.Block;
import dev.hagfish.types.Layout;
import dev.hagfish.types.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code Reorganizer} finds an order of a struct's members that needs less padding, without
 * changing any member's alignment (pahole's {@code --reorganize}), and checks it by laying the
 * struct out again.
 *
 * <p>How:
 * <ol>
 * <li>The members are cut into {@link MemberBlocks}: a member alone, or a run of bit-fields that
 *     share storage units (with any member sharing a unit with them), which moves whole.</li>
 * <li>The alignment rule the compiler followed is found by laying the members out in their
 *     declared order, each at the next offset its alignment divides, and comparing with the
 *     DWARF's offsets and size: natural alignments first, then alignments capped at 8, 4, 2 and
 *     1 (i386 aligns 8-byte scalars to 4 in structs; {@code #pragma pack(N)} caps them at N);
 *     under each, a bit-field run first ends at its last bit, then keeps the rest of its storage
 *     unit when the next member starts only after it (the compiler leaves such bits for unnamed
 *     bit-fields, which DWARF does not describe, and they move with the run). A struct that no
 *     rule reproduces is not reorganized.</li>
 * <li>Bases and the vtable pointer stay first, and zero-size members at the end (flexible
 *     arrays) stay last; a zero-size member elsewhere marks a place (a cacheline group) and the
 *     struct is left alone.</li>
 * <li>The other blocks are placed by decreasing alignment, then size, each at the lowest offset
 *     its alignment divides where it fits (first fit: a small block fills the hole that a
 *     bit-field run leaves). For members whose size is a multiple of their alignment, as every
 *     C type's is, this leaves no hole and the least trailing padding possible.</li>
 * <li>The result is verified: the new order is laid out again with the compiler's rule and must
 *     give the same offsets; every member keeps its alignment; no two blocks overlap and no member
 *     ends past the new size; and the new size, rounded to the struct's alignment, is not larger
 *     than the old one.</li>
 * </ol>
 */
public final class Reorganizer {
    private static final long[] CAPS = {0, 8, 4, 2, 1};

    private Reorganizer() {}

    /**
     * The outcome of a reorganization.
     *
     * @param status {@code saved}, {@code optimal} or {@code skipped}
     * @param reason why it was skipped, else null
     * @param cap the alignment cap the compiler's layout follows, 0 for none (-1 when skipped
     *     before it was found)
     * @param layout the new layout when bytes are saved, else null
     */
    public record Result(String status, String reason, long cap, Layout layout) {
        static Result skipped(String reason, long cap) {
            return new Result("skipped", reason, cap, null);
        }
    }

    /** Reorganizes a struct (its offsets relative to its own start). */
    public static Result of(Layout l) {
        if (l.kind() == Type.Kind.UNION) {
            return Result.skipped("a union: its members share their storage", -1);
        }
        List<Layout.Slot> slots = l.slots();
        if (slots.isEmpty()) {
            return Result.skipped("no members", -1);
        }
        for (Layout.Slot s : slots) {
            if (s.byteSize() < 0) {
                return Result.skipped("the size of " + label(s) + " is unknown", -1);
            }
        }
        List<Block> blocks = null;
        long cap = -1;
        for (long c : CAPS) {
            for (boolean tails : new boolean[] {false, true}) {
                List<Block> b = MemberBlocks.of(l, tails);
                if (cap < 0 && reproduces(l, b, c)) {
                    blocks = b;
                    cap = c;
                }
            }
        }
        if (cap < 0) {
            return Result.skipped("the compiler's layout follows no alignment rule hagfish can reproduce"
                    + " (packed members or attributes DWARF does not record)", -1);
        }
        int head = 0;
        while (head < blocks.size() && pinnedFirst(l, blocks.get(head))) {
            head++;
        }
        int tail = blocks.size();
        while (tail > head && blocks.get(tail - 1).used() == 0) {
            tail--;
        }
        for (int i = head; i < tail; i++) {
            if (blocks.get(i).used() == 0) {
                return Result.skipped("the zero-size member " + label(slots.get(blocks.get(i).first()))
                        + " marks a place inside the struct", cap);
            }
        }
        List<Block> order = new ArrayList<>(blocks.subList(0, head));
        long floor = head == 0 ? 0 : MemberBlocks.end(order, MemberBlocks.place(order, cap));
        List<Placed> placed = firstFit(blocks.subList(head, tail), floor, cap);
        placed.forEach(p -> order.add(p.block()));
        order.addAll(blocks.subList(tail, blocks.size()));
        long[] at = MemberBlocks.place(order, cap);
        for (int i = 0; i < placed.size(); i++) {
            if (at[head + i] != placed.get(i).at()) {
                return Result.skipped("no verified reordering: laid out again, " + label(slots.get(placed.get(i).block()
                        .first())) + " lands at " + at[head + i] + ", not " + placed.get(i).at(), cap);
            }
        }
        long size = MemberBlocks.alignUp(MemberBlocks.end(order, at), structAlign(l, cap));
        String bad = verify(l, order, at, size, cap);
        if (bad != null) {
            return Result.skipped("no verified reordering: " + bad, cap);
        }
        if (size == l.byteSize()) {
            return new Result("optimal", null, cap, null);
        }
        return new Result("saved", null, cap, build(l, order, at, size));
    }

    /** Tells whether laying the blocks out in their declared order under a cap gives the DWARF's layout. */
    private static boolean reproduces(Layout l, List<Block> blocks, long cap) {
        long[] at = MemberBlocks.place(blocks, cap);
        for (int i = 0; i < blocks.size(); i++) {
            if (at[i] != blocks.get(i).start()) {
                return false;
            }
        }
        return MemberBlocks.alignUp(MemberBlocks.end(blocks, at), structAlign(l, cap)) == l.byteSize();
    }

    private static long structAlign(Layout l, long cap) {
        long a = Math.max(1, l.alignment());
        return cap > 0 ? Math.max(Math.min(a, cap), l.explicitAlignment()) : a;
    }

    /** Bases and the vtable pointer stay where they are, first. */
    private static boolean pinnedFirst(Layout l, Block b) {
        for (int i = b.first(); i < b.end(); i++) {
            Layout.Slot s = l.slots().get(i);
            if (s.kind() == Layout.SlotKind.BASE || (s.name() != null && s.name().startsWith("_vptr"))) {
                return true;
            }
        }
        return false;
    }

    private record Placed(Block block, long at) {}

    /** Places blocks by decreasing alignment then size, each at the lowest free aligned offset; sorted by offset. */
    private static List<Placed> firstFit(List<Block> movable, long floor, long cap) {
        List<Block> byNeed = new ArrayList<>(movable);
        byNeed.sort(Comparator.comparingLong((Block b) -> b.align(cap)).reversed()
                .thenComparing(Comparator.comparingLong(Block::used).reversed())
                .thenComparingInt(Block::first));
        List<Placed> placed = new ArrayList<>(); // kept sorted by offset
        for (Block b : byNeed) {
            long a = b.align(cap);
            long at = MemberBlocks.alignUp(floor, a);
            int i = 0;
            while (i < placed.size()) {
                Placed p = placed.get(i);
                long pEnd = p.at() + p.block().used();
                if (pEnd <= at) {
                    i++;
                } else if (at + b.used() <= p.at()) {
                    break; // fits before p
                } else {
                    at = MemberBlocks.alignUp(pEnd, a);
                    i++;
                }
            }
            int pos = 0;
            while (pos < placed.size() && placed.get(pos).at() <= at) {
                pos++;
            }
            placed.add(pos, new Placed(b, at));
        }
        return placed;
    }

    /** Checks a new layout: no growth, every member aligned as before, nothing overlapping, nothing lost. */
    private static String verify(Layout l, List<Block> order, long[] at, long size, long cap) {
        if (size > l.byteSize()) {
            return "the new size " + size + " is larger than " + l.byteSize();
        }
        int count = 0;
        List<long[]> spans = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            Block b = order.get(k);
            long delta = at[k] - b.start();
            if (b.used() > 0) {
                spans.add(new long[] {at[k], at[k] + b.used(), b.first()});
            }
            for (int i = b.first(); i < b.end(); i++) {
                Layout.Slot s = l.slots().get(i);
                count++;
                long a = Math.max(Math.max(1, cap > 0 ? Math.min(Math.max(1, s.alignment()), cap) : s.alignment()),
                        s.explicitAlignment());
                long bit = s.bitOffset() - l.bitOffset() + delta * 8;
                if (Math.floorMod(delta, a) != 0 || (!s.bitField() && Math.floorMod(bit / 8, a) != 0)) {
                    return label(s) + " would lose its " + a + "-byte alignment";
                }
                if (bit + s.bitsUsed() > size * 8) {
                    return label(s) + " would end past the new size " + size;
                }
            }
        }
        if (count != l.slots().size()) {
            return count + " members placed, not " + l.slots().size();
        }
        // Members of one block keep their places relative to each other, as the compiler made them
        // (a derived class's members in its base's tail padding among them): blocks must not overlap.
        spans.sort(Comparator.comparingLong(x -> x[0]));
        for (int i = 1; i < spans.size(); i++) {
            if (spans.get(i)[0] < spans.get(i - 1)[1]) {
                return label(l.slots().get((int) spans.get(i)[2])) + " would overlap "
                        + label(l.slots().get((int) spans.get(i - 1)[2]));
            }
        }
        return null;
    }

    /** Builds the new layout: the slots in the new order, moved, with holes and padding recomputed. */
    private static Layout build(Layout l, List<Block> order, long[] at, long size) {
        List<Layout.Slot> out = new ArrayList<>(l.slots().size());
        long end = 0;
        for (int k = 0; k < order.size(); k++) {
            Block b = order.get(k);
            long delta = (at[k] - b.start()) * 8;
            for (int i = b.first(); i < b.end(); i++) {
                Layout.Slot s = l.slots().get(i);
                long rel = s.bitOffset() - l.bitOffset() + delta;
                long hole = end > 0 && end < rel ? rel - end : 0;
                out.add(moved(s, delta, hole));
                end = s.bitField() ? rel + s.bitSize() : rel + Math.max(0, s.byteSize()) * 8;
            }
        }
        long padding = end > 0 && end < size * 8 ? size * 8 - end : 0;
        return new Layout(l.id(), l.kind(), l.name(), size, l.alignment(), l.explicitAlignment(), l.bitOffset(),
                l.cacheline(), out, padding, l.pointerSize());
    }

    private static Layout.Slot moved(Layout.Slot s, long delta, long hole) {
        return new Layout.Slot(s.kind(), s.name(), s.type(), s.typeName(), s.declaration(), s.bitOffset() + delta,
                s.bitSize(), s.byteSize(), hole, shift(s.nested(), delta), s.expandedByGdb(), s.alignment(),
                s.explicitAlignment(), s.pahole(), s.enumerators(), shift(s.element(), delta));
    }

    /** Returns a nested layout moved by {@code delta} bits. */
    static Layout shift(Layout l, long delta) {
        if (l == null || delta == 0) {
            return l;
        }
        List<Layout.Slot> out = new ArrayList<>(l.slots().size());
        for (Layout.Slot s : l.slots()) {
            out.add(moved(s, delta, s.holeBeforeBits()));
        }
        return new Layout(l.id(), l.kind(), l.name(), l.byteSize(), l.alignment(), l.explicitAlignment(),
                l.bitOffset() + delta, l.cacheline(), out, l.paddingBits(), l.pointerSize());
    }

    private static String label(Layout.Slot s) {
        return s.name() != null ? s.name() : s.kind() == Layout.SlotKind.BASE ? "base " + s.typeName()
                : "the anonymous " + s.typeName();
    }
}
