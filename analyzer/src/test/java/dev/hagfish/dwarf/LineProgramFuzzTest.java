package dev.hagfish.dwarf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.FormatException;
import dev.hagfish.io.FuzzHarness;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of the line programs of every sample with DWARF and of the small real files
 * ({@link DwarfFuzzInput}) go through the line program decoder, its row lookup and its path
 * resolution: only {@link FormatException} may escape, and nothing hangs or allocates without
 * bound ({@link FuzzHarness}). Each trial mutates one program, in {@code .debug_line} or in the
 * string sections its DWARF 5 header reads, and decodes the programs from it up to where the
 * chain of unit lengths meets the original's again.
 */
class LineProgramFuzzTest {
    private static final int MUTATIONS = 10_000;
    private static final List<String> STRINGS = List.of("debug_line_str", "debug_str");

    /** Decodes the programs one after another and exercises their lookups; returns the row count. */
    static int readAll(DwarfSections s) throws FormatException {
        return read(s, 0, s.require("debug_line").size());
    }

    /** Decodes the programs from {@code from} on while they start before {@code to}; returns the row count. */
    private static int read(DwarfSections s, long from, long to) throws FormatException {
        int rows = 0;
        for (long off = from; off < to;) {
            LineProgram p = LineProgram.read(s, off);
            rows += p.rows().size();
            for (int i = 0; i < p.rows().size(); i += 8) {
                LineRow r = p.rows().get(i);
                p.rowFor(r.address() + i);
                p.filePath(r.file(), "/comp");
            }
            off = p.end();
        }
        return rows;
    }

    @Test
    void mutantsOfEverySampleFailOnlyWithFormatException() throws IOException {
        fuzz(DwarfFuzzInput.samples());
    }

    @Test
    void mutantsOfTheRealFilesFailOnlyWithFormatException() throws IOException {
        fuzz(DwarfFuzzInput.realFiles());
    }

    private static void fuzz(List<DwarfFuzzInput> inputs) throws IOException {
        FuzzHarness h = FuzzHarness.of("LineProgramFuzzTest", MUTATIONS);
        for (DwarfFuzzInput in : inputs) {
            if (in.has("debug_line")) {
                assertTrue(readAll(in.sections()) > 0, in + " has rows");
                Programs p = new Programs(in);
                h.run(in.name(), DwarfFuzzInput.SECTION_NAMES, p::trial);
            }
        }
    }

    /** The programs of one input: where they start, and what of the string sections they read. */
    private static final class Programs {
        private final DwarfFuzzInput in;
        private final long[] bounds;
        private final List<Map<String, int[]>> strings = new ArrayList<>();

        Programs(DwarfFuzzInput in) throws FormatException {
            this.in = in;
            List<Long> starts = new ArrayList<>();
            DwarfSections s = in.sections();
            for (long off = 0; off < in.bytes("debug_line").length; off = LineProgram.read(s, off).end()) {
                starts.add(off);
                Map<String, BitSet> read = new HashMap<>();
                LineProgram.read(in.recording(-1, read), off);
                Map<String, int[]> windows = new HashMap<>();
                for (String section : STRINGS) {
                    BitSet b = read.getOrDefault(section, new BitSet());
                    if (!b.isEmpty()) {
                        windows.put(section, new int[] {b.nextSetBit(0), b.length()});
                    }
                }
                strings.add(windows);
            }
            starts.add((long) in.bytes("debug_line").length);
            bounds = starts.stream().mapToLong(Long::longValue).toArray();
        }

        void trial(FuzzHarness.Mutation m) throws IOException {
            int p = m.random().nextInt(bounds.length - 1);
            List<String> sections = new ArrayList<>(List.of("debug_line"));
            sections.addAll(strings.get(p).keySet());
            String section = sections.get(m.random().nextInt(sections.size()));
            int[] w = section.equals("debug_line") ? new int[] {(int) bounds[p], (int) bounds[p + 1]}
                    : strings.get(p).get(section);
            m.note("program " + p + " at 0x" + Long.toHexString(bounds[p]) + ", " + section + " [0x"
                    + Integer.toHexString(w[0]) + ", 0x" + Integer.toHexString(w[1]) + ")");
            byte[] original = in.bytes(section);
            byte[] mutant = m.mutate(original, w[0], w[1], 1 << 20);
            int delta = mutant.length - original.length;
            long to = !section.equals("debug_line") ? bounds[p + 1]
                    : UnitMutants.realigned(mutant, in.order(section), bounds[p], w[1] + delta,
                            off -> Arrays.binarySearch(bounds, off - delta) >= 0);
            read(in.with(Map.of(section, mutant)), bounds[p], to);
        }
    }
}
