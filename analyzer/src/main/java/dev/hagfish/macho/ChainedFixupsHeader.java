package dev.hagfish.macho;

import dev.hagfish.io.FormatException;

/**
 * A {@code ChainedFixupsHeader} is the {@code dyld_chained_fixups_header} at the start of the
 * {@code LC_DYLD_CHAINED_FIXUPS} blob ({@code <mach-o/fixup-chains.h>}). hagfish decodes the
 * header; the chains themselves are not walked yet.
 *
 * @param fixupsVersion the format version (0)
 * @param startsOffset offset of {@code dyld_chained_starts_in_image} from the blob's start
 * @param importsOffset offset of the imports table
 * @param symbolsOffset offset of the symbol strings
 * @param importsCount number of imports
 * @param importsFormat {@code DYLD_CHAINED_IMPORT} (1), {@code _ADDEND} (2) or {@code _ADDEND64} (3)
 * @param symbolsFormat 0 uncompressed, 1 zlib
 */
public record ChainedFixupsHeader(long fixupsVersion, long startsOffset, long importsOffset, long symbolsOffset,
        long importsCount, long importsFormat, long symbolsFormat) {
    private static final int SIZE = 28;

    /**
     * Decodes the header of an image's chained-fixups blob.
     *
     * @throws FormatException if the blob is shorter than the header or lies outside the file
     */
    public static ChainedFixupsHeader decode(MachOFile file, LinkeditDataCommand cmd) throws FormatException {
        var src = file.source();
        if (cmd.datasize() < SIZE) {
            throw new FormatException(src.describe(), cmd.fileOffset(), "LC_DYLD_CHAINED_FIXUPS: datasize "
                    + cmd.datasize() + " is smaller than the " + SIZE + "-byte header");
        }
        src.checkRange(cmd.dataoff(), cmd.datasize());
        long o = cmd.dataoff();
        return new ChainedFixupsHeader(src.u32(o), src.u32(o + 4), src.u32(o + 8), src.u32(o + 12), src.u32(o + 16),
                src.u32(o + 20), src.u32(o + 24));
    }
}
