package dev.hagfish.memory;

import dev.hagfish.io.ByteSource;

/**
 * A {@code Mapping} maps the virtual range {@code [start, start + vmsize)} onto
 * {@code filesize} bytes of {@code source} from {@code fileoff}; the bytes past {@code filesize}
 * (up to {@code vmsize}) read as zeros, as in a Mach-O segment whose file size is less than its
 * memory size.
 */
public record Mapping(long start, long vmsize, ByteSource source, long fileoff, long filesize, String name) {

    /** Returns the mapped range. */
    public MappedRange range() {
        return new MappedRange(start, vmsize, name);
    }

    /** Returns a copy moved by {@code delta} bytes (a KASLR slide). */
    public Mapping moved(long delta) {
        return new Mapping(start + delta, vmsize, source, fileoff, filesize, name);
    }
}
