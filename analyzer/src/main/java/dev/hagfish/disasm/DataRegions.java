package dev.hagfish.disasm;

import dev.hagfish.io.FormatException;
import dev.hagfish.macho.DataInCode;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.SegmentCommand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code DataRegions} are the data-in-code runs of an image, sorted by address, for the
 * disassembler to show as data rather than decode. Immutable and safe to share.
 */
public final class DataRegions {
    /** No data in code. */
    public static final DataRegions NONE = new DataRegions(List.of());

    private final List<DataRegion> regions;

    /** Creates the set; the regions are sorted by start address (unsigned). */
    public DataRegions(List<DataRegion> regions) {
        List<DataRegion> sorted = new ArrayList<>(regions);
        sorted.sort(Comparator.comparing(DataRegion::start, Long::compareUnsigned));
        this.regions = List.copyOf(sorted);
    }

    /**
     * Returns the {@code LC_DATA_IN_CODE} runs of {@code image} at their addresses moved by
     * {@code slide}. An entry's offset counts from the Mach-O header, so it is added to the
     * address of the segment that maps the header (__TEXT); an image with no such segment (a
     * relocatable object, whose one segment starts after the load commands) counts from address
     * 0, as llvm-objdump and the assembler that writes the table do.
     *
     * @throws FormatException if the table is malformed
     */
    public static DataRegions of(MachOFile image, long slide) throws FormatException {
        long base = image.segments().stream().filter(s -> s.fileoff() == image.headerOffset() && s.filesize() > 0)
                .mapToLong(SegmentCommand::vmaddr).findFirst().orElse(0);
        List<DataRegion> out = new ArrayList<>();
        for (DataInCode.Entry e : DataInCode.entries(image)) {
            out.add(new DataRegion(base + e.offset() + slide, e.length(), e.kind()));
        }
        return new DataRegions(out);
    }

    /** Returns the regions, sorted by start address. */
    public List<DataRegion> regions() {
        return regions;
    }

    /** Returns the first region that ends after {@code address}, if any: the one holding it or the next one. */
    public Optional<DataRegion> from(long address) {
        int lo = 0;
        int hi = regions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(regions.get(mid).end(), address) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < regions.size() ? Optional.of(regions.get(lo)) : Optional.empty();
    }
}
