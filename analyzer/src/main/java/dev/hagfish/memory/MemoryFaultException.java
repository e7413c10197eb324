package dev.hagfish.memory;

import dev.hagfish.io.Unsigned;
import java.io.IOException;

/**
 * A {@code MemoryFaultException} is a read of an address that the address space does not map, or
 * of a range that runs into a gap. It names the address, how many bytes were asked for and were
 * readable, and the nearest mapped range, so the one-line message is enough to act on.
 */
public final class MemoryFaultException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String space;
    private final long address;
    private final int requested;
    private final int readable;
    private final MappedRange nearest;

    /**
     * Creates an exception.
     *
     * @param space the {@link AddressSpace#describe()} text
     * @param address the first address that could not be read
     * @param requested the bytes that were asked for at the start of the read
     * @param readable how many of them were readable before {@code address}
     * @param nearest the nearest mapped range, or {@code null} when nothing is mapped
     */
    public MemoryFaultException(String space, long address, int requested, int readable, MappedRange nearest) {
        super(space + ": address " + Unsigned.hex(address) + " is not mapped"
                + (readable > 0 ? " (" + readable + " of " + requested + " bytes readable before it)" : "")
                + (nearest != null ? "; nearest mapped range " + nearest : "; nothing is mapped"));
        this.space = space;
        this.address = address;
        this.requested = requested;
        this.readable = readable;
        this.nearest = nearest;
    }

    /** Returns the {@link AddressSpace#describe()} text of the space that faulted. */
    public String space() {
        return space;
    }

    /** Returns how many bytes the read asked for. */
    public int requested() {
        return requested;
    }

    /** Returns the mapped range nearest to {@link #address()}, or {@code null} when nothing is mapped. */
    public MappedRange nearest() {
        return nearest;
    }

    /** Returns the first address that could not be read. */
    public long address() {
        return address;
    }

    /** Returns how many bytes were readable before {@link #address()}. */
    public int readable() {
        return readable;
    }
}
