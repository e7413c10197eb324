package dev.hagfish.macho;

/**
 * A {@code Section} is a decoded {@code section} or {@code section_64} record of a segment.
 *
 * @param sectName the section name, e.g. {@code __text}
 * @param segName the segment name, e.g. {@code __TEXT}
 * @param addr the unslid virtual address
 * @param size the size in memory, in bytes
 * @param offset the file offset (0 for zero-fill sections)
 * @param align log2 of the alignment
 * @param reloff the file offset of the relocation entries
 * @param nreloc the number of relocation entries
 * @param flags the type and attributes ({@code SECTION_TYPE} is the low byte)
 */
public record Section(String sectName, String segName, long addr, long size, long offset, int align,
        long reloff, long nreloc, long flags) {
    /** Section type mask. */
    public static final int SECTION_TYPE = 0xff;
    /** Zero-fill on demand. */
    public static final int S_ZEROFILL = 0x1;
    /** Zero-fill, gigabyte-aligned. */
    public static final int S_GB_ZEROFILL = 0xc;
    /** Thread-local zero-fill. */
    public static final int S_THREAD_LOCAL_ZEROFILL = 0x12;

    /** Tells whether the section takes no file space. */
    public boolean isZeroFill() {
        int type = (int) (flags & SECTION_TYPE);
        return type == S_ZEROFILL || type == S_GB_ZEROFILL || type == S_THREAD_LOCAL_ZEROFILL;
    }
}
