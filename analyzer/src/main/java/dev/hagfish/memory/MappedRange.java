package dev.hagfish.memory;

import dev.hagfish.io.Unsigned;

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

    /** Returns {@code [0xstart-0xend) name}. */
    @Override
    public String toString() {
        return "[" + Unsigned.hex(start) + "-" + Unsigned.hex(end()) + ") " + name;
    }
}
