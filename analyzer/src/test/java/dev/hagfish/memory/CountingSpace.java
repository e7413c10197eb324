package dev.hagfish.memory;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;

/** An address space that counts the reads it passes on, standing in for a slow target. */
final class CountingSpace implements AddressSpace {
    private final AddressSpace inner;
    int reads;

    CountingSpace(AddressSpace inner) {
        this.inner = inner;
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
        reads++;
        inner.read(addr, dst, off, len);
    }
}
