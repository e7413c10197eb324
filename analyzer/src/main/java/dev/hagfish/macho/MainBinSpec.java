package dev.hagfish.macho;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A {@code MainBinSpec} is the payload of a core file's {@code "main bin spec"} LC_NOTE: which
 * binary the core is of (its UUID) and where it was loaded. Version 1 is
 * {@code main_bin_spec_note_t} of {@code osfmk/kdp/core_notes.h} (no slide); version 2, which LLDB
 * reads and hagfish writes, adds the slide and a platform after the address.
 *
 * @param version 1 or 2
 * @param type 0 unspecified, 1 kernel, 2 user process, 3 standalone
 * @param address the load address of the Mach-O header, or {@code -1L} (UINT64_MAX) if unknown
 * @param slide the slide, or {@code -1L} if unknown (always unknown in version 1)
 * @param uuid the 16-byte UUID, all zero if unknown
 * @param log2PageSize log2 of the page size, 0 if unspecified
 * @param platform the platform number (version 2), 0 if unspecified
 */
public record MainBinSpec(int version, int type, long address, long slide, byte[] uuid, int log2PageSize,
        int platform) {
    /** The note's data owner. */
    public static final String OWNER = "main bin spec";
    /** Type code of a kernel. */
    public static final int TYPE_KERNEL = 1;
    /** Size of a version 1 payload. */
    public static final int V1_SIZE = 40;
    /** Size of a version 2 payload. */
    public static final int V2_SIZE = 48;

    /** Creates the record; the UUID is copied. */
    public MainBinSpec {
        uuid = uuid.clone();
    }

    /** Returns the UUID bytes (a copy). */
    @Override
    public byte[] uuid() {
        return uuid.clone();
    }

    /** Encodes a version 2 payload. */
    public byte[] encodeV2() {
        ByteBuffer b = ByteBuffer.allocate(V2_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(2).putInt(type).putLong(address).putLong(slide).put(uuid).putInt(log2PageSize).putInt(platform);
        return b.array();
    }

    /**
     * Decodes a payload of version 1 or 2.
     *
     * @param src the core file
     * @param off the payload's file offset
     * @param size the payload's size from the LC_NOTE
     * @throws FormatException if the version is unknown or the payload is too short
     */
    public static MainBinSpec decode(ByteSource src, long off, long size) throws FormatException {
        int version = (int) src.u32(off);
        if (version == 1 && size >= V1_SIZE) {
            return new MainBinSpec(1, (int) src.u32(off + 4), src.u64(off + 8), -1L, src.bytes(off + 16, 16),
                    (int) src.u32(off + 32), 0);
        }
        if (version == 2 && size >= V2_SIZE) {
            return new MainBinSpec(2, (int) src.u32(off + 4), src.u64(off + 8), src.u64(off + 16),
                    src.bytes(off + 24, 16), (int) src.u32(off + 40), (int) src.u32(off + 44));
        }
        throw new FormatException(src.describe(), off, "LC_NOTE \"" + OWNER + "\": version " + version
                + " with payload size " + size + " is not understood");
    }
}
