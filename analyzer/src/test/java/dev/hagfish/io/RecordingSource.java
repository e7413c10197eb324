package dev.hagfish.io;

import java.nio.ByteOrder;
import java.util.BitSet;

/**
 * A {@code RecordingSource} is a {@link ByteSource} over an array that marks every byte read
 * through it, or through a slice of it, in one shared {@link BitSet}: the footprint of a parse.
 * Fuzz tests use footprints to mutate the bytes a parse reads and to rerun only the parses whose
 * bytes changed.
 *
 * <p>Not thread-safe: record one parse at a time.
 */
public final class RecordingSource implements ByteSource {
    private final byte[] data;
    private final int base;
    private final int length;
    private final String name;
    private final ByteOrder order;
    private final BitSet read;

    /** Creates a source over all of {@code data} that records into {@code read} (indexes into {@code data}). */
    public RecordingSource(byte[] data, String name, ByteOrder order, BitSet read) {
        this(data, 0, data.length, name, order, read);
    }

    private RecordingSource(byte[] data, int base, int length, String name, ByteOrder order, BitSet read) {
        this.data = data;
        this.base = base;
        this.length = length;
        this.name = name;
        this.order = order;
        this.read = read;
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
        int from = base + (int) off;
        read.set(from, from + len);
        System.arraycopy(data, from, dst, dstOff, len);
    }

    @Override
    public ByteSource slice(long off, long len, String sliceName) throws FormatException {
        checkRange(off, len);
        return new RecordingSource(data, base + (int) off, (int) len, sliceName, order, read);
    }

    @Override
    public ByteSource withOrder(ByteOrder newOrder) {
        return new RecordingSource(data, base, length, name, newOrder, read);
    }
}
