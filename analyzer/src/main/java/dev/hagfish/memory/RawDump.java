package dev.hagfish.memory;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.Unsigned;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code RawDump} is memory saved as flat files, each the bytes of one virtual range from a
 * base address: {@code mem.bin@0xffffff8000000000}, or a sparse list
 * {@code text.bin@0xffffff8000200000,data.bin@0xffffff8000400000}. Each file maps whole: its size
 * is its range's size, and nothing between the files is mapped. Raw dumps are little-endian, as
 * every architecture hagfish reads is.
 */
public final class RawDump {
    private RawDump() {}

    /**
     * One file of a raw dump and the address of its first byte.
     *
     * @param file the file
     * @param base the (slid) virtual address of its first byte
     */
    public record Part(Path file, long base) {
        /** Returns {@code file@0xbase}. */
        @Override
        public String toString() {
            return file + "@" + Unsigned.shortHex(base);
        }
    }

    /**
     * Parses {@code FILE@BASE[,FILE@BASE...]}; each BASE is hex, with or without {@code 0x}. A
     * file name may itself contain {@code @}: the last one separates the base.
     *
     * @throws IllegalArgumentException with a one-line reason if the text is not of that form
     */
    public static List<Part> parse(String spec) {
        List<Part> parts = new ArrayList<>();
        for (String item : spec.split(",", -1)) {
            int at = item.lastIndexOf('@');
            if (at <= 0 || at == item.length() - 1) {
                throw new IllegalArgumentException("'" + item + "' is not FILE@BASE (e.g. mem.bin@0xffffff8000000000)");
            }
            long base;
            try {
                base = Unsigned.parseAddress(item.substring(at + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + item + "': base '" + item.substring(at + 1)
                        + "' is not a 64-bit hex address");
            }
            parts.add(new Part(Path.of(item.substring(0, at)), base));
        }
        return parts;
    }

    /**
     * Maps opened files at their bases.
     *
     * @param files each part's bytes (the file itself, or an inflated copy), in the order of
     *     {@code parts}
     * @param parts the parts
     * @throws FormatException if a file runs past 2^64 from its base, or two files overlap
     */
    public static SegmentSpace open(List<ByteSource> files, List<Part> parts) throws FormatException {
        if (files.size() != parts.size()) {
            throw new IllegalArgumentException(files.size() + " files for " + parts.size() + " parts");
        }
        List<Mapping> maps = new ArrayList<>();
        StringBuilder name = new StringBuilder("raw ");
        for (int i = 0; i < parts.size(); i++) {
            ByteSource f = files.get(i);
            Part p = parts.get(i);
            Mapping m = new Mapping(p.base(), f.size(), f, 0, f.size(), p.file().getFileName().toString());
            if (SegmentSpace.wraps(m)) {
                throw new FormatException(f.describe(), 0, "0x" + Long.toHexString(f.size()) + " bytes from "
                        + Unsigned.hex(p.base()) + " run past the top of the address space");
            }
            maps.add(m);
            name.append(i == 0 ? "" : ",").append(p);
        }
        Optional<List<Mapping>> overlap = SegmentSpace.overlap(maps);
        if (overlap.isPresent()) {
            Mapping b = overlap.get().get(1);
            throw new FormatException(b.source().describe(), 0, b.range() + " overlaps " + overlap.get().get(0).range());
        }
        return new SegmentSpace(name.toString(), ByteOrder.LITTLE_ENDIAN, maps);
    }
}
