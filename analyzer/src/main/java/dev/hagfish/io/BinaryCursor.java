package dev.hagfish.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@code BinaryCursor} reads sequentially from a {@link ByteSource}: fixed-size integers in the
 * source's byte order, LEB128 numbers and bounded C strings. Every read is checked against the end
 * of the source (or of the window the cursor was made for) and fails with a
 * {@link FormatException} naming the absolute offset.
 *
 * <p>Reads go through a private buffer that holds a copy of the bytes ahead of the position,
 * never past the window's end: a byte in the buffer is known to be readable, so the common reads
 * cost one comparison instead of a bounds check in every layer of the source. The buffer starts
 * small and doubles with each refill up to {@value #MAX_BUFFER} bytes, so a cursor that reads a few
 * bytes copies a few bytes.
 *
 * <p>A cursor is mutable and single-threaded.
 */
public final class BinaryCursor {
    private static final int FIRST_BUFFER = 64;
    private static final int MAX_BUFFER = 1 << 16;
    private static final byte[] EMPTY = new byte[0];
    private static final VarHandle LE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BE32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final ByteSource source;
    private final long limit;
    private final boolean little;
    private long pos;
    /** Bytes {@code [bufStart, bufStart + bufLen)} of the source, all before {@code limit}. */
    private byte[] buf = EMPTY;
    private long bufStart;
    private int bufLen;

    /** Creates a cursor over all of {@code source}, positioned at {@code start}. */
    public BinaryCursor(ByteSource source, long start) {
        this(source, start, source.size());
    }

    /** Creates a cursor over {@code [start, limit)} of {@code source}. */
    public BinaryCursor(ByteSource source, long start, long limit) {
        this.source = source;
        this.pos = start;
        this.limit = Math.min(limit, source.size());
        this.little = source.order() == ByteOrder.LITTLE_ENDIAN;
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

    /**
     * Returns the buffer index of the position when {@code n} bytes from there are buffered,
     * else -1.
     */
    private int buffered(int n) {
        long i = pos - bufStart;
        return i >= 0 && i <= bufLen - n ? (int) i : -1;
    }

    /**
     * Refills the buffer from the position with at least the {@code n} bytes asked for, and
     * returns the index of the position (0). Reading on from the buffer doubles its size; a
     * jump elsewhere starts again from the smallest size.
     *
     * @throws FormatException if fewer than {@code n} bytes remain before the limit
     */
    private int fill(int n) throws FormatException {
        need(n);
        boolean sequential = pos >= bufStart && pos <= bufStart + bufLen;
        int size = sequential ? Math.min(MAX_BUFFER, Math.max(FIRST_BUFFER, bufLen * 2)) : FIRST_BUFFER;
        int want = (int) Math.min(limit - pos, Math.max(n, size));
        if (buf.length < want) {
            buf = new byte[want];
        }
        source.read(pos, buf, 0, want);
        bufStart = pos;
        bufLen = want;
        return 0;
    }

    private int index(int n) throws FormatException {
        int i = buffered(n);
        return i >= 0 ? i : fill(n);
    }

    /** Reads an unsigned byte. */
    public int u8() throws FormatException {
        int i = index(1);
        pos++;
        return buf[i] & 0xff;
    }

    /** Reads an unsigned 16-bit value. */
    public int u16() throws FormatException {
        int i = index(2);
        pos += 2;
        return (little ? (short) LE16.get(buf, i) : (short) BE16.get(buf, i)) & 0xffff;
    }

    /** Reads an unsigned 32-bit value. */
    public long u32() throws FormatException {
        int i = index(4);
        pos += 4;
        return (little ? (int) LE32.get(buf, i) : (int) BE32.get(buf, i)) & 0xffffffffL;
    }

    /** Reads a signed 32-bit value. */
    public int s32() throws FormatException {
        return (int) u32();
    }

    /** Reads a 64-bit value. */
    public long u64() throws FormatException {
        int i = index(8);
        pos += 8;
        return little ? (long) LE64.get(buf, i) : (long) BE64.get(buf, i);
    }

    /** Reads {@code n} bytes; {@code n} is checked against what remains before allocating. */
    public byte[] bytes(int n) throws FormatException {
        need(n);
        int i = buffered(n);
        byte[] b = i >= 0 ? Arrays.copyOfRange(buf, i, i + n) : source.bytes(pos, n);
        pos += n;
        return b;
    }

    /** Reads an unsigned LEB128 number of at most 64 significant bits. */
    public long uleb() throws FormatException {
        long i = pos - bufStart;
        if (i >= 0 && i < bufLen) {
            int at = (int) i;
            int b = buf[at];
            if (b >= 0) { // one byte: the usual case
                pos++;
                return b;
            }
            // Up to ten bytes that are all buffered; anything else takes the checked loop.
            int stop = (int) Math.min(bufLen, i + 10);
            long result = b & 0x7f;
            for (int j = at + 1, shift = 7; j < stop; j++, shift += 7) {
                b = buf[j];
                if (shift == 63 && (b & 0x7f) > 1) {
                    break; // the checked loop reports the overflow
                }
                result |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    pos += j + 1 - at;
                    return result;
                }
            }
        }
        return ulebChecked();
    }

    private long ulebChecked() throws FormatException {
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
        long i = pos - bufStart;
        if (i >= 0 && i < bufLen) {
            int at = (int) i;
            int b = buf[at];
            if (b >= 0) { // one byte: sign-extend bit 6
                pos++;
                return ((long) b << 57) >> 57;
            }
        }
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
        long i = pos - bufStart;
        if (i >= 0 && i < bufLen) {
            int at = (int) i;
            for (int j = at; j < bufLen; j++) {
                if (buf[j] == 0) {
                    pos += j + 1 - at;
                    return new String(buf, at, j - at, StandardCharsets.UTF_8);
                }
            }
        }
        long start = pos;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            if (pos >= limit) {
                throw new FormatException(source.describe(), start, "unterminated string");
            }
            int b = u8();
            if (b == 0) {
                return out.toString(StandardCharsets.UTF_8);
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
