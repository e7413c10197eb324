package dev.hagfish.io;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A {@code ByteSource} is random-access, read-only bytes of any size: a memory-mapped file, a
 * slice of one, or an array. All reads are absolute; the byte order is fixed when the source is
 * made. Every read checks its bounds and throws a {@link FormatException} that names the source and
 * offset, so parsers never read past the end and never trust a length they did not check.
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface ByteSource {

    /** Returns a human-readable name of these bytes, used in every error message. */
    String describe();

    /** Returns the number of bytes. */
    long size();

    /** Returns the byte order of the multi-byte reads. */
    ByteOrder order();

    /**
     * Copies {@code len} bytes starting at {@code off} into {@code dst}.
     *
     * @throws FormatException if {@code [off, off + len)} is not inside this source
     */
    void read(long off, byte[] dst, int dstOff, int len) throws FormatException;

    /** Returns a view of {@code [off, off + len)} with the given name and the same byte order. */
    ByteSource slice(long off, long len, String name) throws FormatException;

    /** Returns a view of the same bytes in another byte order. */
    ByteSource withOrder(ByteOrder order);

    /** Reads an unsigned byte. */
    default int u8(long off) throws FormatException {
        byte[] b = new byte[1];
        read(off, b, 0, 1);
        return b[0] & 0xff;
    }

    /** Reads an unsigned 16-bit value. */
    default int u16(long off) throws FormatException {
        return (int) readNumber(off, 2);
    }

    /** Reads an unsigned 32-bit value, widened to a {@code long}. */
    default long u32(long off) throws FormatException {
        return readNumber(off, 4);
    }

    /** Reads a 64-bit value (unsigned: compare with {@link Long#compareUnsigned}). */
    default long u64(long off) throws FormatException {
        return readNumber(off, 8);
    }

    /** Reads {@code len} bytes into a new array; {@code len} is checked against the size first. */
    default byte[] bytes(long off, int len) throws FormatException {
        checkRange(off, len);
        byte[] b = new byte[len];
        read(off, b, 0, len);
        return b;
    }

    /**
     * Reads a NUL-terminated string of at most {@code maxLen} bytes (ASCII/UTF-8). Without a NUL
     * inside the limit or the source, the string ends at the limit.
     */
    default String cstring(long off, int maxLen) throws FormatException {
        long avail = Math.max(0, size() - off);
        int limit = (int) Math.min(maxLen, avail);
        checkRange(off, limit);
        // Read in growing chunks: names are short, but the limit may be a whole string table.
        byte[] buf = new byte[Math.min(limit, 64)];
        int have = 0;
        while (true) {
            for (int i = 0; i < have; i++) {
                if (buf[i] == 0) {
                    return new String(buf, 0, i, StandardCharsets.UTF_8);
                }
            }
            if (have == limit) {
                return new String(buf, 0, have, StandardCharsets.UTF_8);
            }
            int want = Math.min(limit, Math.max(64, have * 2));
            if (want > buf.length) {
                buf = java.util.Arrays.copyOf(buf, want);
            }
            read(off + have, buf, have, want - have);
            have = want;
        }
    }

    /**
     * Throws a {@link FormatException} unless {@code [off, off + len)} lies inside this source.
     */
    default void checkRange(long off, long len) throws FormatException {
        if (off < 0 || len < 0 || off > size() || len > size() - off) {
            throw new FormatException(describe(), off,
                    "read of " + len + " bytes past the end (size 0x" + Long.toHexString(size()) + ")");
        }
    }

    private long readNumber(long off, int len) throws FormatException {
        byte[] b = new byte[len];
        read(off, b, 0, len);
        long v = 0;
        if (order() == ByteOrder.LITTLE_ENDIAN) {
            for (int i = len - 1; i >= 0; i--) {
                v = (v << 8) | (b[i] & 0xffL);
            }
        } else {
            for (int i = 0; i < len; i++) {
                v = (v << 8) | (b[i] & 0xffL);
            }
        }
        return v;
    }

    /**
     * Opens a file as a memory-mapped, little-endian source of any size.
     *
     * @throws IOException if the file cannot be opened or mapped
     */
    static ByteSource open(Path file) throws IOException {
        return ChunkedMappedSource.open(file, ChunkedMappedSource.DEFAULT_CHUNK_POWER);
    }

    /** Wraps an array as a little-endian source. */
    static ByteSource of(byte[] bytes, String name) {
        return new ByteArraySource(bytes, 0, bytes.length, name, ByteOrder.LITTLE_ENDIAN);
    }
}
