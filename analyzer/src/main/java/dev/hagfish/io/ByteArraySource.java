package dev.hagfish.io;

import java.nio.ByteOrder;

/**
 * A {@code ByteArraySource} is a {@link ByteSource} over a region of a byte array. It is used for
 * small inputs, for decompressed data and as the reference implementation in tests of
 * {@link ChunkedMappedSource}. The array is never written; callers must not change it either.
 */
public final class ByteArraySource implements ByteSource {
    private final byte[] data;
    private final int base;
    private final int length;
    private final String name;
    private final ByteOrder order;

    /**
     * Creates a source over {@code data[base .. base + length)}.
     */
    public ByteArraySource(byte[] data, int base, int length, String name, ByteOrder order) {
        if (base < 0 || length < 0 || base > data.length - length) {
            throw new IllegalArgumentException("region outside the array");
        }
        this.data = data;
        this.base = base;
        this.length = length;
        this.name = name;
        this.order = order;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public ByteOrder order() {
        return order;
    }

    @Override
    public void read(long off, byte[] dst, int dstOff, int len) throws FormatException {
        checkRange(off, len);
        System.arraycopy(data, base + (int) off, dst, dstOff, len);
    }

    @Override
    public int u8(long off) throws FormatException {
        checkRange(off, 1);
        return data[base + (int) off] & 0xff;
    }

    @Override
    public ByteSource slice(long off, long len, String sliceName) throws FormatException {
        checkRange(off, len);
        return new ByteArraySource(data, base + (int) off, (int) len, sliceName, order);
    }

    @Override
    public ByteSource withOrder(ByteOrder newOrder) {
        return new ByteArraySource(data, base, length, name, newOrder);
    }
}
