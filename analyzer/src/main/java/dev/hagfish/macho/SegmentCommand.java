package dev.hagfish.macho;

import java.util.List;

/**
 * A {@code SegmentCommand} is an {@code LC_SEGMENT} or {@code LC_SEGMENT_64} with its sections;
 * the two widths normalise to this record.
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param segName the segment name, e.g. {@code __TEXT}
 * @param vmaddr the unslid virtual address
 * @param vmsize the size in memory
 * @param fileoff the file offset of the segment's bytes
 * @param filesize the number of bytes in the file (the rest of vmsize is zero-filled)
 * @param maxprot the maximum VM protection
 * @param initprot the initial VM protection
 * @param flags the {@code SG_*} flags
 * @param sections the sections, in file order
 */
public record SegmentCommand(int cmd, long cmdsize, long fileOffset, String segName, long vmaddr,
        long vmsize, long fileoff, long filesize, int maxprot, int initprot, long flags,
        List<Section> sections) implements LoadCommand {
    /** Creates the record; the section list is copied. */
    public SegmentCommand {
        sections = List.copyOf(sections);
    }

    /** Tells whether {@code address} lies in {@code [vmaddr, vmaddr + vmsize)}, unsigned. */
    public boolean containsAddress(long address) {
        return Long.compareUnsigned(address - vmaddr, vmsize) < 0;
    }
}
