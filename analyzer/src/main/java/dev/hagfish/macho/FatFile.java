package dev.hagfish.macho;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code FatFile} is a universal (fat) Mach-O file: a big-endian header and a table of slices,
 * each a thin Mach-O image ({@code EXTERNAL_HEADERS/mach-o/fat.h}). Both {@code FAT_MAGIC}
 * ({@code fat_arch}) and {@code FAT_MAGIC_64} ({@code fat_arch_64}) are read. Every slice is
 * checked to lie inside the file.
 */
public final class FatFile {
    /** Magic of a fat file with 32-bit offsets. */
    public static final long FAT_MAGIC = 0xcafebabeL;
    /** Magic of a fat file with 64-bit offsets. */
    public static final long FAT_MAGIC_64 = 0xcafebabfL;
    /**
     * More slices than this means the file is not a fat file: a Java class file shares the magic
     * {@code 0xcafebabe}, and its version field then reads as a count of 45 or more.
     */
    private static final long MAX_SLICES = 40;

    private FatFile() {}

    /** Tells whether the source starts with a fat magic and a plausible slice count. */
    public static boolean isFat(ByteSource src) throws FormatException {
        if (src.size() < 8) {
            return false;
        }
        ByteSource be = src.withOrder(ByteOrder.BIG_ENDIAN);
        long magic = be.u32(0);
        return (magic == FAT_MAGIC || magic == FAT_MAGIC_64) && be.u32(4) <= MAX_SLICES;
    }

    /**
     * Reads the slice table.
     *
     * @throws FormatException if the table or a slice lies outside the file
     */
    public static List<FatSlice> slices(ByteSource src) throws FormatException {
        ByteSource be = src.withOrder(ByteOrder.BIG_ENDIAN);
        long magic = be.u32(0);
        boolean wide = magic == FAT_MAGIC_64;
        long n = be.u32(4);
        int entry = wide ? 32 : 20;
        if (n > MAX_SLICES || 8 + n * entry > src.size()) {
            throw new FormatException(src.describe(), 4, "fat header: " + n + " slices do not fit in the file");
        }
        List<FatSlice> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long e = 8 + (long) i * entry;
            CpuType cpu = new CpuType((int) be.u32(e));
            int sub = (int) be.u32(e + 4);
            long offset = wide ? be.u64(e + 8) : be.u32(e + 8);
            long size = wide ? be.u64(e + 16) : be.u32(e + 12);
            long align = wide ? be.u32(e + 24) : be.u32(e + 16);
            if (offset < 0 || size < 0 || offset > src.size() || size > src.size() - offset) {
                throw new FormatException(src.describe(), e, "fat slice " + i + " (" + cpu.archName() + "): offset 0x"
                        + Long.toHexString(offset) + " size 0x" + Long.toHexString(size) + " lies outside the file");
            }
            out.add(new FatSlice(cpu, sub, offset, size, align));
        }
        return out;
    }

    /**
     * Returns the slice for an architecture name, or the only slice when {@code arch} is null and
     * there is just one.
     *
     * @throws FormatException if no slice matches, or the choice is ambiguous; the message lists the slices
     */
    public static FatSlice select(ByteSource src, List<FatSlice> slices, String arch) throws FormatException {
        if (arch == null) {
            if (slices.size() == 1) {
                return slices.get(0);
            }
            throw new FormatException(src.describe(), 0, "universal file with slices " + names(slices)
                    + "; choose one with --arch");
        }
        for (FatSlice s : slices) {
            if (s.archName().equals(arch)) {
                return s;
            }
        }
        throw new FormatException(src.describe(), 0, "no slice for --arch " + arch + "; the slices are " + names(slices));
    }

    private static String names(List<FatSlice> slices) {
        return String.join(", ", slices.stream().map(FatSlice::archName).toList());
    }
}
