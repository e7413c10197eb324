package dev.hagfish.memory;

import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A {@code SegmentSpace} is an address space made of {@link Mapping}s onto files: the segments of
 * a core, the ranges of a raw dump, the segments of the kernel file. Lookups are a binary search;
 * a read may span adjacent mappings, and stops with a {@link MemoryFaultException} at the first
 * gap. The bytes of a mapping past its file size read as zeros.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class SegmentSpace implements AddressSpace {
    private final String describe;
    private final ByteOrder order;
    private final Mapping[] mappings;
    private final long[] starts;
    private final List<MappedRange> ranges;
    private final List<MappedRange> dataRanges;

    /**
     * Creates the space. Empty mappings are dropped.
     *
     * @throws IllegalArgumentException if a mapping runs past 2^64 or two mappings overlap (the
     *     message names both): callers that read mappings from a file check them first, with
     *     {@link #overlap(List)}, and report a {@link dev.hagfish.io.FormatException}
     */
    public SegmentSpace(String describe, ByteOrder order, List<Mapping> mappings) {
        this.describe = describe;
        this.order = order;
        List<Mapping> sorted = sorted(mappings);
        for (Mapping m : sorted) {
            if (wraps(m)) {
                throw new IllegalArgumentException(describe + ": " + m.name() + " at " + Unsigned.hex(m.start())
                        + " of size 0x" + Long.toHexString(m.vmsize()) + " runs past the top of the address space");
            }
        }
        overlap(sorted).ifPresent(p -> {
            throw new IllegalArgumentException(describe + ": " + p.get(0).range() + " overlaps " + p.get(1).range());
        });
        this.mappings = sorted.toArray(new Mapping[0]);
        this.starts = new long[this.mappings.length];
        List<MappedRange> r = new ArrayList<>(this.mappings.length);
        for (int i = 0; i < this.mappings.length; i++) {
            starts[i] = this.mappings[i].start();
            r.add(this.mappings[i].range());
        }
        this.ranges = List.copyOf(r);
        List<MappedRange> d = new ArrayList<>(this.mappings.length);
        for (Mapping m : this.mappings) {
            if (m.filesize() != 0) {
                d.add(new MappedRange(m.start(), m.filesize(), m.name()));
            }
        }
        this.dataRanges = List.copyOf(d);
    }

    /** Whether {@code m} runs past 2^64 (ending exactly at 2^64 is allowed). */
    static boolean wraps(Mapping m) {
        return m.vmsize() != 0 && Long.compareUnsigned(m.vmsize() - 1, -1L - m.start()) > 0;
    }

    private static List<Mapping> sorted(List<Mapping> mappings) {
        List<Mapping> sorted = new ArrayList<>();
        for (Mapping m : mappings) {
            if (m.vmsize() != 0) {
                sorted.add(m);
            }
        }
        sorted.sort(Comparator.comparing(Mapping::start, Long::compareUnsigned));
        return sorted;
    }

    /**
     * Returns the first two non-empty mappings that overlap (by start address), or empty when
     * none do. Mappings that run past 2^64 are compared as if they ended there.
     */
    public static Optional<List<Mapping>> overlap(List<Mapping> mappings) {
        List<Mapping> sorted = sorted(mappings);
        for (int i = 1; i < sorted.size(); i++) {
            Mapping a = sorted.get(i - 1);
            Mapping b = sorted.get(i);
            long aLast = wraps(a) ? -1L : a.start() + a.vmsize() - 1;
            if (Long.compareUnsigned(b.start(), aLast) <= 0) {
                return Optional.of(List.of(a, b));
            }
        }
        return Optional.empty();
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
    public List<MappedRange> dataRanges() {
        return dataRanges;
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

    private MappedRange nearest(long addr) {
        return MappedRange.nearest(ranges, addr);
    }
}
