package dev.hagfish.memory;

import dev.hagfish.io.ByteSource;

/**
 * A {@code Mapping} maps the virtual range {@code [start, start + vmsize)} onto
 * {@code filesize} bytes of {@code source} from {@code fileoff}; the bytes past {@code filesize}
 * (up to {@code vmsize}) read as zeros, as in a Mach-O segment whose file size is less than its
 * memory size.
 *
 * @param start the first virtual address (unsigned)
 * @param vmsize the size in memory (unsigned)
 * @param source the file (or slice) holding the bytes
 * @param fileoff the offset of the first byte in {@code source}
 * @param filesize how many bytes come from {@code source}, at most {@code vmsize}
 * @param name a name for messages: a segment name, a file
 */
public record Mapping(long start, long vmsize, ByteSource source, long fileoff, long filesize, String name) {

    /**
     * Checks the record.
     *
     * @throws IllegalArgumentException if {@code fileoff} or {@code filesize} is negative, or
     *     {@code filesize} exceeds {@code vmsize} (callers reading them from a file check first)
     */
    public Mapping {
        if (fileoff < 0 || filesize < 0 || Long.compareUnsigned(filesize, vmsize) > 0) {
            throw new IllegalArgumentException(name + ": fileoff 0x" + Long.toHexString(fileoff) + " filesize 0x"
                    + Long.toHexString(filesize) + " vmsize 0x" + Long.toHexString(vmsize));
        }
    }

    /** Returns the mapped range. */
    public MappedRange range() {
        return new MappedRange(start, vmsize, name);
    }

    /** Returns a copy moved by {@code delta} bytes (a KASLR slide). */
    public Mapping moved(long delta) {
        return new Mapping(start + delta, vmsize, source, fileoff, filesize, name);
    }
}
