package dev.hagfish.dwarf;

/**
 * An {@code AddressRange} is a half-open range of unslid addresses {@code [low, high)}, compared
 * unsigned. A range whose high end is not above its low end holds no address.
 *
 * @param low the first address
 * @param high the address just past the last one
 */
public record AddressRange(long low, long high) {
    /** Tells whether the range holds {@code address}. */
    public boolean contains(long address) {
        return Long.compareUnsigned(address, low) >= 0 && Long.compareUnsigned(address, high) < 0;
    }

    /** Tells whether the range holds no address. */
    public boolean isEmpty() {
        return Long.compareUnsigned(low, high) >= 0;
    }
}
