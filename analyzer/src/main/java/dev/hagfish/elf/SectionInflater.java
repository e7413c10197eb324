package dev.hagfish.elf;

import dev.hagfish.io.ByteArraySource;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * {@code SectionInflater} inflates compressed ELF sections: {@code SHF_COMPRESSED} sections, which
 * start with an {@code Elf32_Chdr}/{@code Elf64_Chdr} (gABI, "Section Compression"), and legacy GNU
 * {@code .zdebug_*} sections, which start with {@code "ZLIB"} and the uncompressed size as an
 * 8-byte big-endian number. Only zlib is supported; zstd ({@code ELFCOMPRESS_ZSTD}) is refused.
 *
 * <p>The declared size is checked before anything is allocated: it may not exceed
 * {@value #MAX_RATIO} times the compressed size (or {@value #MIN_BOUND} bytes, for tiny sections)
 * nor the largest Java array; and the inflated stream must end exactly at the declared size.
 * The ratio is deflate's own limit (a 258-byte match costs at least 2 bits), so no valid stream is
 * refused: real debug sections reach 84 to 1 (libmvec's {@code .debug_abbrev} in Debian 12's
 * libc6-dbg), more than a tighter guess such as 64 would allow.
 */
final class SectionInflater {
    /** {@code ch_type}: zlib (RFC 1950). */
    static final long ELFCOMPRESS_ZLIB = 1;
    /** {@code ch_type}: Zstandard (RFC 8878), which hagfish does not decode. */
    static final long ELFCOMPRESS_ZSTD = 2;
    /** The largest accepted ratio of declared size to compressed size: deflate's maximum. */
    static final int MAX_RATIO = 1032;
    /** The declared size is always accepted up to this many bytes, whatever the ratio. */
    static final int MIN_BOUND = 1 << 16;
    /** The largest section that can be inflated into one array (under 2 GiB, so under 4 GiB too). */
    static final long MAX_INFLATED = Integer.MAX_VALUE - 8;

    private SectionInflater() {}

    /**
     * Inflates an {@code SHF_COMPRESSED} section.
     *
     * @param raw the section's file bytes (header included), in the file's byte order
     * @param section the section header
     * @param is64 whether the file is ELF64 ({@code Elf64_Chdr}) or ELF32 ({@code Elf32_Chdr})
     * @param file the file's description, for errors and the name of the result
     */
    static ByteSource inflateChdr(ByteSource raw, ElfSection section, boolean is64, String file)
            throws FormatException {
        int chdrSize = is64 ? 24 : 12;
        String what = "section " + section.index() + " (" + section.name() + ")";
        if (raw.size() < chdrSize) {
            throw new FormatException(file, section.offset(), what + ": SHF_COMPRESSED but only " + raw.size()
                    + " bytes, shorter than the " + (is64 ? "Elf64_Chdr" : "Elf32_Chdr") + " (" + chdrSize + " bytes)");
        }
        long type = raw.u32(0);
        long size = is64 ? raw.u64(8) : raw.u32(4);
        if (type == ELFCOMPRESS_ZSTD) {
            throw new FormatException(file, section.offset(), what + " is compressed with zstd (ELFCOMPRESS_ZSTD),"
                    + " which hagfish does not support; decompress it with objcopy --decompress-debug-sections");
        }
        if (type != ELFCOMPRESS_ZLIB) {
            throw new FormatException(file, section.offset(), what + ": unknown ch_type " + type
                    + " (expected ELFCOMPRESS_ZLIB = 1)");
        }
        return inflate(raw, chdrSize, size, is64 ? 8 : 4, "ch_size", section, file);
    }

    /**
     * Inflates a legacy {@code .zdebug_*} section.
     *
     * @param raw the section's file bytes
     * @param section the section header
     * @param file the file's description, for errors and the name of the result
     */
    static ByteSource inflateZdebug(ByteSource raw, ElfSection section, String file) throws FormatException {
        String what = "section " + section.index() + " (" + section.name() + ")";
        if (raw.size() < 12 || raw.u8(0) != 'Z' || raw.u8(1) != 'L' || raw.u8(2) != 'I' || raw.u8(3) != 'B') {
            throw new FormatException(file, section.offset(), what + ": a .zdebug section must start with \"ZLIB\""
                    + " and an 8-byte size");
        }
        long size = raw.withOrder(ByteOrder.BIG_ENDIAN).u64(4);
        return inflate(raw, 12, size, 4, "the ZLIB header's size", section, file);
    }

    private static ByteSource inflate(ByteSource raw, int dataOff, long declared, int sizeFieldOff, String field,
            ElfSection section, String file) throws FormatException {
        String what = "section " + section.index() + " (" + section.name() + ")";
        long compressed = raw.size() - dataOff;
        long bound = Math.min(MAX_INFLATED, Math.max(MIN_BOUND, compressed * MAX_RATIO));
        if (Long.compareUnsigned(declared, bound) > 0) {
            throw new FormatException(file, section.offset() + sizeFieldOff, what + ": " + field + " 0x"
                    + Long.toHexString(declared) + " is implausible for 0x" + Long.toHexString(compressed)
                    + " compressed bytes (limit 0x" + Long.toHexString(bound) + ")");
        }
        if (compressed > MAX_INFLATED) {
            throw new FormatException(file, section.offset() + dataOff, what + ": 0x" + Long.toHexString(compressed)
                    + " compressed bytes are too many to inflate in memory");
        }
        byte[] in = raw.bytes(dataOff, (int) compressed);
        byte[] out = new byte[(int) declared];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in);
            int have = 0;
            while (have < out.length) {
                int n = inflater.inflate(out, have, out.length - have);
                have += n;
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new FormatException(file, section.offset() + dataOff + inflater.getBytesRead(), what
                            + ": the zlib stream ends after 0x" + Integer.toHexString(have) + " bytes but " + field
                            + " declares 0x" + Long.toHexString(declared));
                }
            }
            if (!inflater.finished() && (inflater.inflate(new byte[1]) > 0 || !inflater.finished())) {
                throw new FormatException(file, section.offset() + dataOff + inflater.getBytesRead(), what
                        + ": the zlib stream does not end at the 0x" + Long.toHexString(declared)
                        + " bytes that " + field + " declares");
            }
        } catch (DataFormatException e) {
            throw new FormatException(file, section.offset() + dataOff + inflater.getBytesRead(), what
                    + ": corrupt zlib data: " + java.util.Objects.requireNonNullElse(e.getMessage(), "invalid stream"));
        } finally {
            inflater.end();
        }
        return new ByteArraySource(out, 0, out.length, file + " (" + section.name() + ", inflated)", raw.order());
    }
}
