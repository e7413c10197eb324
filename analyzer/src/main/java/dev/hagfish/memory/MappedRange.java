package dev.hagfish.memory;

import dev.hagfish.io.Unsigned;
import java.util.List;

/**
 * A {@code MappedRange} is {@code size} readable bytes of an address space from {@code start}
 * (unsigned), with a name for messages (a segment name, a file, "page 0x…").
 */
public record MappedRange(long start, long size, String name) {

    /** Returns the first address past the range (unsigned; 0 when the range ends at 2^64). */
    public long end() {
        return start + size;
    }

    /** Whether {@code addr} is inside the range. */
    public boolean contains(long addr) {
        return Unsigned.inRange(addr, start, size);
    }

    /**
     * Returns the range of {@code ranges} closest to {@code addr} (by the unsigned distance to its
     * nearest byte), or {@code null} when the list is empty; the first wins a tie.
     */
    public static MappedRange nearest(List<MappedRange> ranges, long addr) {
        MappedRange best = null;
        long bestDistance = -1;
        for (MappedRange r : ranges) {
            long d = r.contains(addr) ? 0
                    : Long.compareUnsigned(addr, r.start()) < 0 ? r.start() - addr : addr - (r.end() - 1);
            if (best == null || Long.compareUnsigned(d, bestDistance) < 0) {
                best = r;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Returns {@code [0xstart-0xend) name}. */
    @Override
    public String toString() {
        return "[" + Unsigned.hex(start) + "-" + Unsigned.hex(end()) + ") " + name;
    }
}
