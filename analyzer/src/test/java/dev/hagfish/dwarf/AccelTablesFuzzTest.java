package dev.hagfish.dwarf;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.FuzzHarness;
import dev.hagfish.io.RecordingSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of the accelerator tables ({@code apple_names}, {@code apple_types},
 * {@code apple_namespaces}, {@code apple_objc}, {@code .debug_names}) of every sample with DWARF
 * and of the small real files ({@link DwarfFuzzInput}) go through {@link AppleAccelTable},
 * {@link DebugNames} and {@link NameIndex}: parsing, the lookup of every original name whose
 * lookup reads a mutated byte, and now and then the list of all entries. Files without tables
 * instead mutate their DIEs under {@link NameIndex}'s scan ({@link UnitMutants}). Only
 * {@link FormatException} may escape, and nothing hangs ({@link FuzzHarness}).
 */
class AccelTablesFuzzTest {
    private static final int MUTATIONS = 10_000;
    private static final List<String> TABLES = List.of("apple_names", "apple_types", "apple_namespaces",
            "apple_objc", "debug_names");
    private static final List<String> DIE_SECTIONS = List.of("debug_info", "debug_abbrev", "debug_str",
            "debug_str_offsets", "debug_addr");

    @Test
    void mutantsOfEverySampleFailOnlyWithFormatException() throws IOException {
        fuzz(DwarfFuzzInput.samples());
    }

    @Test
    void mutantsOfTheRealFilesFailOnlyWithFormatException() throws IOException {
        fuzz(DwarfFuzzInput.realFiles());
    }

    private static void fuzz(List<DwarfFuzzInput> inputs) throws IOException {
        FuzzHarness h = FuzzHarness.of("AccelTablesFuzzTest", MUTATIONS);
        for (DwarfFuzzInput in : inputs) {
            List<String> tables = TABLES.stream().filter(in::has).toList();
            for (String section : tables) {
                h.run(in.name() + " " + section, DwarfFuzzInput.SECTION_NAMES, new Table(in, section)::trial);
            }
            if (tables.isEmpty()) {
                h.run(in.name() + " scan", DwarfFuzzInput.SECTION_NAMES, UnitMutants.trial(in, DIE_SECTIONS, 1 << 20,
                        (s, unit, m) -> lookUpAll(NameIndex.of(s))));
            }
        }
    }

    private static void lookUpAll(NameIndex ix) throws FormatException {
        for (String n : ix.names()) {
            ix.lookup(n);
        }
    }

    /** One table section of one input: its names, and the bytes each name's lookup reads. */
    private static final class Table {
        private final DwarfFuzzInput in;
        private final String section;
        private final ByteSource str;
        private final List<String> names;
        private final List<BitSet> footprints = new ArrayList<>();

        Table(DwarfFuzzInput in, String section) throws FormatException {
            this.in = in;
            this.section = section;
            this.str = in.sections().require("debug_str");
            this.names = parse(in.sections().require(section)).names();
            for (String n : names) {
                BitSet read = new BitSet();
                parse(new RecordingSource(in.bytes(section), section, in.order(section), read)).lookup(n);
                footprints.add(read);
            }
        }

        void trial(FuzzHarness.Mutation m) throws IOException {
            byte[] original = in.bytes(section);
            byte[] mutant = m.mutate(original, 4096);
            BitSet changed = changed(original, mutant);
            DwarfSections s = in.with(Map.of(section, mutant));
            Lookups t = parse(s.require(section));
            boolean viaIndex = !section.equals("apple_objc") && m.random().nextInt(4) == 0;
            NameIndex ix = viaIndex ? NameIndex.of(s) : null;
            for (int i = 0; i < names.size(); i++) {
                if (footprints.get(i).intersects(changed)) {
                    t.lookup(names.get(i));
                    if (ix != null) {
                        ix.lookup(names.get(i));
                    }
                }
            }
            if (m.random().nextInt(8) == 0) {
                t.names();
            }
        }

        private Lookups parse(ByteSource table) throws FormatException {
            if (section.equals("debug_names")) {
                DebugNames d = DebugNames.parse(table, str);
                return new Lookups() {
                    @Override
                    public void lookup(String name) throws FormatException {
                        d.lookup(name);
                    }

                    @Override
                    public List<String> names() throws FormatException {
                        d.entries();
                        return d.names();
                    }
                };
            }
            AppleAccelTable a = AppleAccelTable.parse(table, str);
            return new Lookups() {
                @Override
                public void lookup(String name) throws FormatException {
                    a.lookup(name);
                }

                @Override
                public List<String> names() throws FormatException {
                    return a.names();
                }
            };
        }

        /** Returns the offsets where the mutant differs from the original, or that it lost or gained. */
        private static BitSet changed(byte[] original, byte[] mutant) {
            BitSet out = new BitSet();
            int common = Math.min(original.length, mutant.length);
            for (int i = 0; i < common; i++) {
                if (original[i] != mutant[i]) {
                    out.set(i);
                }
            }
            out.set(common, Math.max(original.length, mutant.length));
            return out;
        }
    }

    /** The two table kinds behind one interface. */
    private interface Lookups {
        void lookup(String name) throws FormatException;

        List<String> names() throws FormatException;
    }
}
