package dev.hagfish.memory;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;

/**
 * An {@code AddressSpace} is the virtual memory of one target: a core file, a raw dump, the kernel
 * file's own segments, a live target, or several of these layered. Addresses are unsigned 64-bit.
 *
 * <p>A read either returns every byte asked for or throws: a read that touches an unmapped byte
 * throws a {@link MemoryFaultException} naming the first unmapped address (and how many bytes
 * before it were readable); it never fills a gap with zeros. Zero-fill pages that the snapshot
 * itself declares (a core segment whose file size is less than its memory size) read as zeros.
 * Malformed backing files raise {@link dev.hagfish.io.FormatException}.
 */
public interface AddressSpace {

    /** Returns a short name for messages: {@code core x86_64.core}, {@code raw a.bin@0x…}. */
    String describe();

    /** Returns the byte order of multi-byte reads. */
    ByteOrder order();

    /** Returns the mapped ranges, sorted by start address (unsigned), not overlapping. */
    List<MappedRange> ranges();

    /**
     * Returns the parts of {@link #ranges()} that may hold non-zero bytes, sorted: the ranges less
     * the zero-fill this space knows of (a core segment past its file size). Searches of memory
     * ({@link SlideDetector}) read only these, so a huge zero-fill range costs them nothing. By
     * default, all of {@link #ranges()}.
     */
    default List<MappedRange> dataRanges() {
        return ranges();
    }

    /** Copies {@code len} bytes at {@code addr} into {@code dst[off..]}, or throws. */
    void read(long addr, byte[] dst, int off, int len) throws IOException;

    /** Returns {@code len} bytes at {@code addr}. */
    default byte[] read(long addr, int len) throws IOException {
        byte[] b = new byte[len];
        read(addr, b, 0, len);
        return b;
    }

    /** Whether every byte of {@code [addr, addr + len)} is mapped. */
    default boolean isMapped(long addr, long len) {
        long a = addr;
        long left = len;
        for (MappedRange r : ranges()) {
            if (left <= 0) {
                break;
            }
            if (r.contains(a)) {
                long inR = r.end() - a;
                if (r.end() == 0 || Long.compareUnsigned(inR, left) >= 0) {
                    return true;
                }
                a += inR;
                left -= inR;
            }
        }
        return left <= 0;
    }

    /** Reads an unsigned value of 1, 2, 4 or 8 bytes in {@link #order()}. */
    default long readNumber(long addr, int size) throws IOException {
        byte[] b = read(addr, size);
        long v = 0;
        for (int i = 0; i < size; i++) {
            int at = order() == ByteOrder.LITTLE_ENDIAN ? size - 1 - i : i;
            v = (v << 8) | (b[at] & 0xffL);
        }
        return v;
    }

    /**
     * Reads a NUL-terminated string of at most {@code maxLen} bytes (the NUL not counted) as
     * ISO-8859-1, so that every byte maps to one char; without a NUL within {@code maxLen} bytes
     * the string ends there. Reads stop at the NUL: bytes past it need not be mapped.
     *
     * @throws MemoryFaultException if the string runs into unmapped memory before its NUL
     */
    default String cstring(long addr, int maxLen) throws IOException {
        StringBuilder s = new StringBuilder();
        byte[] chunk = new byte[64];
        long a = addr;
        while (s.length() < maxLen) {
            // Up to the next 64-byte boundary: a short string costs one small read.
            int n = (int) Math.min(maxLen - s.length(), 64 - (a & 63));
            try {
                read(a, chunk, 0, n);
            } catch (MemoryFaultException e) {
                if (e.readable() == 0) {
                    throw e;
                }
                // Look for the NUL in the readable part; the next read faults if it is not there.
                n = e.readable();
                read(a, chunk, 0, n);
            }
            for (int i = 0; i < n; i++) {
                if (chunk[i] == 0) {
                    return s.toString();
                }
                s.append((char) (chunk[i] & 0xff));
            }
            a += n;
        }
        return s.toString();
    }

    /** Reads a 64-bit value. */
    default long u64(long addr) throws IOException {
        return readNumber(addr, 8);
    }

    /** Reads an unsigned 32-bit value. */
    default long u32(long addr) throws IOException {
        return readNumber(addr, 4);
    }
}
