package dev.hagfish.memory;

import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code LayeredSpace} reads from a snapshot first and from a second space (the kernel file's
 * read-only segments, {@link ImageSpace#readOnly}) where the snapshot maps nothing: a core that
 * left out the kernel's text still disassembles, and a read that starts in the snapshot and runs
 * into text it lacks returns both parts. Where the snapshot maps an address, the lower space is
 * never read. An address neither maps still faults, naming the nearest range of either.
 *
 * <p>Both spaces' ranges must not change while this one is used. Instances are as thread-safe as
 * the two spaces.
 */
public final class LayeredSpace implements AddressSpace {
    private final AddressSpace top;
    private final AddressSpace bottom;
    private final String describe;
    private final List<MappedRange> ranges;
    private final List<MappedRange> dataRanges;
    private final MappedRange[] topRanges;

    /**
     * Layers {@code top} over {@code bottom}.
     *
     * @throws IllegalArgumentException if the byte orders differ
     */
    public LayeredSpace(AddressSpace top, AddressSpace bottom) {
        if (top.order() != bottom.order()) {
            throw new IllegalArgumentException(top.describe() + " is " + top.order() + " but " + bottom.describe()
                    + " is " + bottom.order());
        }
        this.top = top;
        this.bottom = bottom;
        this.describe = top.describe() + " over " + bottom.describe();
        this.topRanges = top.ranges().toArray(new MappedRange[0]);
        this.ranges = List.copyOf(merge(top.ranges(), top.ranges(), bottom.ranges()));
        this.dataRanges = List.copyOf(merge(top.dataRanges(), top.ranges(), bottom.dataRanges()));
    }

    /** Returns {@code keep} plus the parts of the {@code bottom} ranges no {@code top} range covers, sorted. */
    private static List<MappedRange> merge(List<MappedRange> keep, List<MappedRange> top, List<MappedRange> bottom) {
        List<MappedRange> out = new ArrayList<>(keep);
        for (MappedRange b : bottom) {
            long start = b.start();
            long left = b.size();
            for (MappedRange t : top) {
                if (left == 0) {
                    break;
                }
                long tLast = t.end() - 1;
                long last = start + left - 1;
                if (Long.compareUnsigned(tLast, start) < 0 || Long.compareUnsigned(t.start(), last) > 0) {
                    continue;
                }
                if (Long.compareUnsigned(t.start(), start) > 0) {
                    out.add(new MappedRange(start, t.start() - start, b.name()));
                }
                if (Long.compareUnsigned(tLast, last) >= 0) {
                    left = 0;
                } else {
                    left = last - tLast;
                    start = tLast + 1;
                }
            }
            if (left != 0) {
                out.add(new MappedRange(start, left, b.name()));
            }
        }
        out.sort((x, y) -> Long.compareUnsigned(x.start(), y.start()));
        return out;
    }

    /** Returns the snapshot. */
    public AddressSpace top() {
        return top;
    }

    /** Returns the space under the snapshot. */
    public AddressSpace bottom() {
        return bottom;
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public ByteOrder order() {
        return top.order();
    }

    @Override
    public List<MappedRange> ranges() {
        return ranges;
    }

    @Override
    public List<MappedRange> dataRanges() {
        return dataRanges;
    }

    @Override
    public void read(long addr, byte[] dst, int off, int len) throws IOException {
        long a = addr;
        int done = 0;
        while (done < len) {
            int left = len - done;
            MappedRange t = topAt(a);
            try {
                if (t != null) {
                    int n = runLength(t, a, left);
                    top.read(a, dst, off + done, n);
                    done += n;
                    a += n;
                    continue;
                }
                // Up to the next top range, the bottom space answers.
                MappedRange next = nextTop(a);
                int n = next == null ? left : (int) Math.min(left, Unsigned.min(next.start() - a, Integer.MAX_VALUE));
                bottom.read(a, dst, off + done, n);
                done += n;
                a += n;
            } catch (MemoryFaultException e) {
                throw new MemoryFaultException(describe, e.address(), len, done + e.readable(),
                        MappedRange.nearest(ranges, e.address()));
            }
        }
    }

    private static int runLength(MappedRange r, long a, int left) {
        long inRange = r.end() - a;
        return r.end() == 0 || Long.compareUnsigned(inRange, left) >= 0 ? left : (int) inRange;
    }

    /** Returns the top range holding {@code a}, or null. */
    private MappedRange topAt(long a) {
        int i = floor(a);
        return i >= 0 && topRanges[i].contains(a) ? topRanges[i] : null;
    }

    /** Returns the first top range starting above {@code a}, or null. */
    private MappedRange nextTop(long a) {
        int i = floor(a) + 1;
        return i < topRanges.length ? topRanges[i] : null;
    }

    /** Returns the index of the last top range starting at or below {@code a}, or -1. */
    private int floor(long a) {
        int lo = 0;
        int hi = topRanges.length - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(topRanges[mid].start(), a) <= 0) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }
}
