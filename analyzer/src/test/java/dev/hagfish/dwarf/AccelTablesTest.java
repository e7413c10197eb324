package dev.hagfish.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.MachOFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The accelerator tables of every sample dSYM: (a) every name's table lookup equals the full DIE
 * scan's, and the two hold the same names; (b) every table's entries (name, DIE offset, tag) equal
 * what llvm-dwarfdump-19 printed (samples/expected/accel/, made by make-expected-accel.sh), and so
 * do the lookups of every name. The malformed-table tests (c) are in
 * {@link AccelTablesMalformedTest}, the mutations (d) in {@link AccelTablesFuzzTest}.
 */
class AccelTablesTest {
    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    private static final List<String> APPLE_SECTIONS = List.of("apple_names", "apple_types", "apple_namespaces",
            "apple_objc");

    static DwarfSections load(String variant) throws IOException {
        Path p = SAMPLES.resolve("kernels/" + variant + "/kernel.dSYM/Contents/Resources/DWARF/kernel");
        return DwarfLoader.fromMachO(MachOFile.parse(ByteSource.open(p)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5"})
    void tableLookupsEqualTheDieScan(String variant) throws IOException {
        DwarfSections s = load(variant);
        NameIndex table = NameIndex.of(s);
        NameIndex scan = NameIndex.scan(s);
        assertEquals(variant.endsWith("5") ? NameIndex.Source.DEBUG_NAMES : NameIndex.Source.APPLE_TABLES,
                table.source());
        assertEquals(NameIndex.Source.DIE_SCAN, scan.source());
        List<String> names = table.names();
        assertEquals(names, scan.names(), "the table's and the scan's names");
        int offsets = 0;
        for (String n : names) {
            List<Long> fromTable = table.lookup(n);
            assertFalse(fromTable.isEmpty(), n);
            assertEquals(fromTable, scan.lookup(n), n);
            offsets += fromTable.size();
        }
        assertEquals(List.of(), table.lookup("no such name"));
        assertEquals(List.of(), scan.lookup("no such name"));
        System.out.println("AccelTablesTest " + variant + ": " + names.size() + " names, " + offsets
                + " (name, DIE) pairs agree between " + table.source() + " and the DIE scan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf4"})
    void appleTablesEqualLlvmDwarfdump(String variant) throws IOException {
        DwarfSections s = load(variant);
        Map<String, List<String>> golden = AccelGolden.apple(SAMPLES.resolve("expected/accel/" + variant + ".txt"));
        assertEquals(APPLE_SECTIONS.stream().sorted().toList(), List.copyOf(golden.keySet()));
        for (String section : APPLE_SECTIONS) {
            AppleAccelTable t = AppleAccelTable.parse(s.require(section), s.require("debug_str"));
            List<String> ours = new ArrayList<>();
            for (AppleAccelTable.Entry e : t.entries()) {
                ours.add(AccelGolden.line(e.name(), e.dieOffset(), e.tag()));
            }
            List<String> want = golden.get(section);
            assertEquals(want.stream().sorted().toList(), ours.stream().sorted().toList(), section);
            for (String n : t.names()) {
                List<String> got = new ArrayList<>();
                for (AppleAccelTable.Entry e : t.lookup(n)) {
                    got.add(AccelGolden.line(e.name(), e.dieOffset(), e.tag()));
                }
                assertEquals(want.stream().filter(l -> l.startsWith(n + "\t")).sorted().toList(), got.stream().sorted()
                        .toList(), section + " lookup " + n);
            }
            System.out.println("AccelTablesTest " + variant + " " + section + ": " + ours.size()
                    + " entries equal llvm-dwarfdump-19's");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf5", "arm64-dwarf5"})
    void debugNamesEqualLlvmDwarfdump(String variant) throws IOException {
        DwarfSections s = load(variant);
        List<String> want = AccelGolden.debugNames(SAMPLES.resolve("expected/accel/" + variant + ".txt"));
        DebugNames d = DebugNames.parse(s.require("debug_names"), s.require("debug_str"));
        List<String> ours = new ArrayList<>();
        for (DebugNames.Entry e : d.entries()) {
            ours.add(AccelGolden.line(e.name(), e.dieOffset(), e.tag()));
        }
        assertEquals(want.stream().sorted().toList(), ours.stream().sorted().toList());
        for (String n : d.names()) {
            List<String> got = new ArrayList<>();
            for (DebugNames.Entry e : d.lookup(n)) {
                got.add(AccelGolden.line(e.name(), e.dieOffset(), e.tag()));
            }
            assertEquals(want.stream().filter(l -> l.startsWith(n + "\t")).sorted().toList(), got.stream().sorted()
                    .toList(), "lookup " + n);
        }
        System.out.println("AccelTablesTest " + variant + " debug_names: " + ours.size()
                + " entries equal llvm-dwarfdump-19's");
    }
}
