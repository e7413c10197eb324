package dev.hagfish.io;

/**
 * A {@code BinaryCursor} reads sequentially from a {@link ByteSource}: fixed-size integers in the
 * source's byte order, LEB128 numbers and bounded C strings. Every read is checked against the end
 * of the source (or of the window the cursor was made for) and fails with a
 * {@link FormatException} naming the absolute offset.
 *
 * <p>A cursor is mutable and single-threaded.
 */
public final class BinaryCursor {
    private final ByteSource source;
    private final long limit;
    private long pos;

    /** Creates a cursor over all of {@code source}, positioned at {@code start}. */
    public BinaryCursor(ByteSource source, long start) {
        this(source, start, source.size());
    }

    /** Creates a cursor over {@code [start, limit)} of {@code source}. */
    public BinaryCursor(ByteSource source, long start, long limit) {
        this.source = source;
        this.pos = start;
        this.limit = Math.min(limit, source.size());
    }

    /** Returns the current absolute offset. */
    public long position() {
        return pos;
    }

    /** Moves to an absolute offset. */
    public void seek(long offset) {
        this.pos = offset;
    }

    /** Returns how many bytes remain before the limit. */
    public long remaining() {
        return Math.max(0, limit - pos);
    }

    /** Tells whether the cursor reached its limit. */
    public boolean atEnd() {
        return pos >= limit;
    }

    /** Returns the source this cursor reads. */
    public ByteSource source() {
        return source;
    }

    /** Skips {@code n} bytes, which must be available. */
    public void skip(long n) throws FormatException {
        need(n);
        pos += n;
    }

    /** Reads an unsigned byte. */
    public int u8() throws FormatException {
        need(1);
        return source.u8(pos++);
    }

    /** Reads an unsigned 16-bit value. */
    public int u16() throws FormatException {
        need(2);
        int v = source.u16(pos);
        pos += 2;
        return v;
    }

    /** Reads an unsigned 32-bit value. */
    public long u32() throws FormatException {
        need(4);
        long v = source.u32(pos);
        pos += 4;
        return v;
    }

    /** Reads a signed 32-bit value. */
    public int s32() throws FormatException {
        return (int) u32();
    }

    /** Reads a 64-bit value. */
    public long u64() throws FormatException {
        need(8);
        long v = source.u64(pos);
        pos += 8;
        return v;
    }

    /** Reads {@code n} bytes; {@code n} is checked against what remains before allocating. */
    public byte[] bytes(int n) throws FormatException {
        need(n);
        byte[] b = source.bytes(pos, n);
        pos += n;
        return b;
    }

    /** Reads an unsigned LEB128 number of at most 64 significant bits. */
    public long uleb() throws FormatException {
        long start = pos;
        long result = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            // Past bit 63 only zero payload bits are allowed; the tenth byte may carry one bit.
            long payload = b & 0x7f;
            if (shift >= 64 ? payload != 0 : shift == 63 && payload > 1) {
                throw new FormatException(source.describe(), start, "ULEB128 overflows 64 bits");
            }
            if (shift < 64) {
                result |= payload << shift;
            }
            shift += 7;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    /** Reads a signed LEB128 number. */
    public long sleb() throws FormatException {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** Reads a NUL-terminated string; fails if no NUL appears before the limit. */
    public String cstring() throws FormatException {
        long start = pos;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            if (pos >= limit) {
                throw new FormatException(source.describe(), start, "unterminated string");
            }
            int b = source.u8(pos++);
            if (b == 0) {
                return out.toString(java.nio.charset.StandardCharsets.UTF_8);
            }
            out.write(b);
        }
    }

    private void need(long n) throws FormatException {
        if (n < 0 || pos < 0 || n > limit - pos) {
            throw new FormatException(source.describe(), pos,
                    "need " + n + " bytes but only " + remaining() + " remain before 0x"
                            + Long.toHexString(limit));
        }
    }
}
