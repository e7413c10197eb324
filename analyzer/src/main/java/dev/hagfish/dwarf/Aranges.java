package dev.hagfish.dwarf;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Aranges} decodes {@code .debug_aranges} (DWARF 5 §6.1.2): for each set, the offset of
 * its unit in {@code .debug_info} and the address ranges the unit's code occupies. Empty ranges
 * and the terminating {@code (0, 0)} tuple are dropped.
 *
 * <p>Stateless.
 */
public final class Aranges {
    private Aranges() {}

    /**
     * An {@code Entry} is one address range of one unit.
     *
     * @param unitOffset the offset of the unit's header in {@code .debug_info}
     * @param range the range
     */
    public record Entry(long unitOffset, AddressRange range) {}

    /**
     * Decodes every set of a {@code .debug_aranges} section.
     *
     * @throws FormatException if a set's length, version, address size or segment size is invalid
     */
    public static List<Entry> read(ByteSource aranges) throws FormatException {
        List<Entry> out = new ArrayList<>();
        long off = 0;
        while (off < aranges.size()) {
            off = readSet(aranges, off, out);
        }
        return out;
    }

    private static long readSet(ByteSource s, long setOffset, List<Entry> out) throws FormatException {
        InitialLength len = InitialLength.read(s, setOffset, "aranges set length", "debug_aranges");
        int offsetSize = len.offsetSize();
        long end = len.end();
        BinaryCursor c = new BinaryCursor(s, len.start(), end);
        int version = c.u16();
        if (version != 2 && version != 3) {
            throw new FormatException(s.describe(), c.position() - 2, "aranges set version " + version
                    + " is not 2");
        }
        long unit = offsetSize == 8 ? c.u64() : c.u32();
        int addressSize = c.u8();
        int segmentSize = c.u8();
        if (addressSize != 1 && addressSize != 2 && addressSize != 4 && addressSize != 8 || segmentSize != 0) {
            throw new FormatException(s.describe(), c.position() - 2, "aranges set at 0x"
                    + Long.toHexString(setOffset) + ": address size " + addressSize + " or segment size "
                    + segmentSize + " is not supported");
        }
        // Tuples start at a multiple of their size, counted from the set's start.
        long tuple = 2L * addressSize;
        long rel = c.position() - setOffset;
        long pad = (tuple - rel % tuple) % tuple;
        c.skip(Math.min(pad, c.remaining()));
        while (c.remaining() >= tuple) {
            long low = sized(c, addressSize);
            long size = sized(c, addressSize);
            if (size != 0) {
                out.add(new Entry(unit, new AddressRange(low, low + size)));
            }
        }
        return end;
    }

    private static long sized(BinaryCursor c, int size) throws FormatException {
        return switch (size) {
            case 1 -> c.u8();
            case 2 -> c.u16();
            case 4 -> c.u32();
            default -> c.u64();
        };
    }
}
