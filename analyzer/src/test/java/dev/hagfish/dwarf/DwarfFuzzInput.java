package dev.hagfish.dwarf;

import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.RecordingSource;
import dev.hagfish.macho.MachOFile;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@code DwarfFuzzInput} is one valid input of the DWARF fuzz tests: its sections as arrays (by
 * canonical name, each with its byte order) and the boundaries of its {@code .debug_info} units.
 * It makes {@link DwarfSections} from them with one section replaced, and with all but some units
 * of {@code .debug_info} replaced by padding ({@link UnitPadding}), so that a trial parses only
 * the unit it mutated.
 *
 * <p>The inputs are every sample with DWARF ({@link #samples()}: the four kernel dSYMs, the
 * fat dSYM's slices where they differ from those, and the four i386 objects) and the real files
 * of {@code samples/expected/real} up to 1 MB ({@link #realFiles()}: two debug files of Debian's
 * {@code libc6-dbg} and the Go testdata of {@code golang-1.19-src}).
 *
 * <p>Immutable and safe to share between threads.
 */
public final class DwarfFuzzInput {
    /**
     * What a FormatException's source must contain: the name of a DWARF section (of the input's,
     * or of one it lacks: "no debug_str_offsets section").
     */
    public static final List<String> SECTION_NAMES = List.of("debug_", "apple_");

    private static final Path KERNELS = RealInputs.SAMPLES.resolve("kernels");
    private static final List<String> I386 = List.of("OSKext.o", "kern_proc.o", "kext_alloc.o", "layouts.o");
    /** The real files over 1 MB (libc's debug file) would cost too much per mutation. */
    private static final long MAX_REAL_SIZE = 1 << 20;

    private final String name;
    private final Map<String, byte[]> bytes;
    private final Map<String, ByteOrder> orders;
    private final long[] unitBounds;

    private DwarfFuzzInput(String name, Map<String, byte[]> bytes, Map<String, ByteOrder> orders, long[] unitBounds) {
        this.name = name;
        this.bytes = bytes;
        this.orders = orders;
        this.unitBounds = unitBounds;
    }

    /**
     * Copies the sections of {@code s} and finds its units.
     *
     * @throws FormatException if the original's unit headers are malformed
     */
    public static DwarfFuzzInput of(String name, DwarfSections s) throws FormatException {
        Map<String, byte[]> bytes = new TreeMap<>();
        Map<String, ByteOrder> orders = new HashMap<>();
        for (String section : s.sizes().keySet()) {
            ByteSource b = s.get(section).orElseThrow();
            bytes.put(section, b.bytes(0, Math.toIntExact(b.size())));
            orders.put(section, b.order());
        }
        List<Long> bounds = new ArrayList<>();
        if (s.get("debug_info").isPresent() && s.get("debug_abbrev").isPresent()) {
            for (UnitHeader h : new DieReader(s).unitHeaders()) {
                bounds.add(h.offset());
            }
            bounds.add(s.get("debug_info").get().size());
        }
        return new DwarfFuzzInput(name, bytes, orders, bounds.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * Returns every sample with DWARF: the kernel dSYMs, the fat dSYM's slices, the i386 objects.
     * A slice whose sections all equal those of a sample already listed (the fat dSYM's slices
     * are the x86_64 DWARF 4 and arm64 DWARF 5 dSYMs) is left out: its trials would repeat that
     * sample's. MachOFuzzTest mutates the fat container itself.
     */
    public static List<DwarfFuzzInput> samples() throws IOException {
        List<DwarfFuzzInput> out = new ArrayList<>();
        for (String v : List.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5")) {
            out.add(of(v, macho(KERNELS.resolve(v + "/kernel.dSYM/Contents/Resources/DWARF/kernel"), null)));
        }
        for (String arch : List.of("x86_64", "arm64")) {
            DwarfFuzzInput in = of("fat " + arch,
                    macho(KERNELS.resolve("fat/kernel.dSYM/Contents/Resources/DWARF/kernel"), arch));
            if (out.stream().noneMatch(in::sameSections)) {
                out.add(in);
            }
        }
        for (String o : I386) {
            out.add(of("i386 " + o, macho(KERNELS.resolve("i386/" + o), null)));
        }
        return out;
    }

    private boolean sameSections(DwarfFuzzInput other) {
        return bytes.keySet().equals(other.bytes.keySet())
                && bytes.keySet().stream().allMatch(k -> java.util.Arrays.equals(bytes.get(k), other.bytes.get(k)));
    }

    /**
     * Returns the real third-party files of {@code samples/expected/real} with debug info, up to
     * 1 MB; skips the test outside CI (fails it under CI) when they are not installed.
     */
    public static List<DwarfFuzzInput> realFiles() throws IOException {
        List<DwarfFuzzInput> out = new ArrayList<>();
        for (RealInputs.Input in : RealInputs.all()) {
            Path p = RealInputs.locate(in);
            if (java.nio.file.Files.size(p) > MAX_REAL_SIZE) {
                continue;
            }
            DwarfSections s = RealInputs.dwarf(in);
            if (s.get("debug_info").isPresent() && s.get("debug_abbrev").isPresent()) {
                out.add(of(in.id(), s));
            }
        }
        return out;
    }

    private static DwarfSections macho(Path p, String arch) throws IOException {
        ByteSource src = ByteSource.open(p);
        return DwarfLoader.fromMachO(arch == null ? MachOFile.parse(src) : MachOFile.open(src, arch));
    }

    /** Returns the input's name. */
    public String name() {
        return name;
    }

    /** Returns the canonical names of its sections. */
    public Set<String> sectionNames() {
        return bytes.keySet();
    }

    /** Tells whether it has a section. */
    public boolean has(String section) {
        return bytes.containsKey(section);
    }

    /** Returns a section's bytes; callers must not change them. */
    public byte[] bytes(String section) {
        return bytes.get(section);
    }

    /** Returns a section's byte order. */
    public ByteOrder order(String section) {
        return orders.get(section);
    }

    /** Returns the number of {@code .debug_info} units. */
    public int unitCount() {
        return Math.max(0, unitBounds.length - 1);
    }

    /** Returns the offset of unit {@code i}. */
    public long unitOffset(int i) {
        return unitBounds[i];
    }

    /** Returns the end of unit {@code i}. */
    public long unitEnd(int i) {
        return unitBounds[i + 1];
    }

    /** Tells whether {@code offset} is where an original unit starts, or the end of the last. */
    boolean isUnitBound(long offset) {
        return java.util.Arrays.binarySearch(unitBounds, offset) >= 0;
    }

    /** Returns the original sections. */
    public DwarfSections sections() {
        return with(Map.of());
    }

    /** Returns the sections with some replaced by other bytes (same byte order). */
    public DwarfSections with(Map<String, byte[]> replaced) {
        Map<String, ByteSource> out = new HashMap<>();
        bytes.forEach((k, v) -> out.put(k, source(k, replaced.getOrDefault(k, v))));
        return DwarfSections.of(out);
    }

    /**
     * Returns the sections with some replaced, and with the bytes of {@code .debug_info} (as
     * replaced) outside {@code [keepFrom, keepTo)} turned into padding units.
     */
    public DwarfSections isolate(Map<String, byte[]> replaced, long keepFrom, long keepTo) {
        Map<String, byte[]> all = new HashMap<>(replaced);
        byte[] info = all.getOrDefault("debug_info", bytes.get("debug_info"));
        byte[] abbrev = all.getOrDefault("debug_abbrev", bytes.get("debug_abbrev"));
        UnitPadding p = UnitPadding.of(info, abbrev, orders.get("debug_info"), keepFrom, keepTo);
        all.put("debug_info", p.info());
        all.put("debug_abbrev", p.abbrev());
        return with(all);
    }

    /**
     * Returns sections that record what a parse reads: unit {@code unit} kept, the rest padding
     * (or, for a negative {@code unit}, no padding), each section marking the bytes read in
     * {@code footprints} (created on first use, indexes into the original bytes; reads of the
     * padding's abbreviations fall beyond them).
     */
    public DwarfSections recording(int unit, Map<String, BitSet> footprints) {
        Map<String, byte[]> b = new HashMap<>(bytes);
        if (unit >= 0) {
            UnitPadding p = UnitPadding.of(bytes.get("debug_info"), bytes.get("debug_abbrev"),
                    orders.get("debug_info"), unitOffset(unit), unitEnd(unit));
            b.put("debug_info", p.info());
            b.put("debug_abbrev", p.abbrev());
        }
        Map<String, ByteSource> out = new HashMap<>();
        b.forEach((k, v) -> out.put(k, new RecordingSource(v, label(k), orders.get(k),
                footprints.computeIfAbsent(k, x -> new BitSet()))));
        return DwarfSections.of(out);
    }

    private ByteSource source(String section, byte[] b) {
        return ByteSource.of(b, label(section)).withOrder(orders.get(section));
    }

    private String label(String section) {
        return name + " (" + section + ")";
    }

    @Override
    public String toString() {
        return name;
    }
}
