package dev.hagfish.memory;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * An address space that records the reads it passes on (address and length, in order), standing
 * in for a slow target or checking which bytes a reader asks for.
 */
public final class RecordingSpace implements AddressSpace {
    private final AddressSpace inner;
    private final List<long[]> reads = new ArrayList<>();

    public RecordingSpace(AddressSpace inner) {
        this.inner = inner;
    }

    /** The reads so far, each as {address, length}. */
    public List<long[]> reads() {
        return reads;
    }

    /** How many reads there were. */
    public int count() {
        return reads.size();
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public ByteOrder order() {
        return inner.order();
    }

    @Override
    public List<MappedRange> ranges() {
        return inner.ranges();
    }

    @Override
    public void read(long addr, byte[] dst, int off, int len) throws IOException {
        reads.add(new long[] {addr, len});
        inner.read(addr, dst, off, len);
    }
}
