package dev.hagfish.memory;

import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A {@code SegmentSpace} is an address space made of {@link Mapping}s onto files: the segments of
 * a core, the ranges of a raw dump, the segments of the kernel file. Lookups are a binary search;
 * a read may span adjacent mappings, and stops with a {@link MemoryFaultException} at the first
 * gap.
 */
public final class SegmentSpace implements AddressSpace {
    private final String describe;
    private final ByteOrder order;
    private final Mapping[] mappings;
    private final long[] starts;
    private final List<MappedRange> ranges;

    /**
     * Creates the space. Empty mappings are dropped.
     *
     * @throws IllegalArgumentException if two mappings overlap (the message names both)
     */
    public SegmentSpace(String describe, ByteOrder order, List<Mapping> mappings) {
        this.describe = describe;
        this.order = order;
        List<Mapping> sorted = new ArrayList<>();
        for (Mapping m : mappings) {
            if (m.vmsize() != 0) {
                sorted.add(m);
            }
        }
        sorted.sort(Comparator.comparing(Mapping::start, Long::compareUnsigned));
        for (int i = 1; i < sorted.size(); i++) {
            Mapping a = sorted.get(i - 1);
            Mapping b = sorted.get(i);
            long aLast = a.start() + a.vmsize() - 1;
            if (Long.compareUnsigned(b.start(), aLast) <= 0) {
                throw new IllegalArgumentException(describe + ": " + a.range() + " overlaps " + b.range());
            }
        }
        this.mappings = sorted.toArray(new Mapping[0]);
        this.starts = new long[this.mappings.length];
        List<MappedRange> r = new ArrayList<>(this.mappings.length);
        for (int i = 0; i < this.mappings.length; i++) {
            starts[i] = this.mappings[i].start();
            r.add(this.mappings[i].range());
        }
        this.ranges = List.copyOf(r);
    }

    /** Returns the mappings, sorted by start address. */
    public List<Mapping> mappings() {
        return List.of(mappings);
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public ByteOrder order() {
        return order;
    }

    @Override
    public List<MappedRange> ranges() {
        return ranges;
    }

    @Override
    public void read(long addr, byte[] dst, int off, int len) throws IOException {
        long a = addr;
        int done = 0;
        while (done < len) {
            int i = find(a);
            if (i < 0) {
                throw new MemoryFaultException(describe, a, len, done, nearest(a));
            }
            Mapping m = mappings[i];
            long inMapping = a - m.start();
            long left = m.vmsize() - inMapping;
            int n = (int) Math.min(len - done, Long.compareUnsigned(left, Integer.MAX_VALUE) > 0 ? Integer.MAX_VALUE : left);
            long fromFile = Long.compareUnsigned(inMapping, m.filesize()) < 0 ? Math.min(n, m.filesize() - inMapping) : 0;
            if (fromFile > 0) {
                m.source().read(m.fileoff() + inMapping, dst, off + done, (int) fromFile);
            }
            Arrays.fill(dst, off + done + (int) fromFile, off + done + n, (byte) 0);
            done += n;
            a += n;
        }
    }

    /** Returns the index of the mapping that holds {@code addr}, or -1. */
    private int find(long addr) {
        int lo = 0;
        int hi = starts.length - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(starts[mid], addr) <= 0) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best >= 0 && Unsigned.inRange(addr, mappings[best].start(), mappings[best].vmsize()) ? best : -1;
    }

    /** Returns the mapped range closest to {@code addr}, or {@code null} when there is none. */
    private MappedRange nearest(long addr) {
        MappedRange best = null;
        long bestDistance = -1;
        for (MappedRange r : ranges) {
            long d = Long.compareUnsigned(addr, r.start()) < 0 ? r.start() - addr : addr - (r.end() - 1);
            if (best == null || Long.compareUnsigned(d, bestDistance) < 0) {
                best = r;
                bestDistance = d;
            }
        }
        return best;
    }
}
