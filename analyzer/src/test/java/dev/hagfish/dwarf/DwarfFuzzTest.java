package dev.hagfish.dwarf;

import dev.hagfish.io.FormatException;
import dev.hagfish.io.FuzzHarness;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of the debug sections of every sample with DWARF and of the small real files
 * ({@link DwarfFuzzInput}) go through the unit and DIE readers, the string and address
 * resolution and {@link DwarfSummary}: only {@link FormatException} may escape, and nothing hangs
 * ({@link FuzzHarness}). Each trial mutates the bytes one unit reads in one section and parses
 * that unit ({@link UnitMutants}).
 */
class DwarfFuzzTest {
    private static final int MUTATIONS = 10_000;
    private static final List<String> MUTATED = List.of("debug_info", "debug_abbrev", "debug_str_offsets",
            "debug_addr", "debug_str", "debug_line_str");

    /** Reads every DIE of every unit and resolves its strings and addresses. */
    static int readAll(DwarfSections s) throws FormatException {
        DieReader r = new DieReader(s);
        int dies = 0;
        for (UnitHeader h : r.unitHeaders()) {
            Unit u = r.unit(h);
            DieReader.Cursor c = r.cursor(u);
            for (Die d = c.next(); d != null; d = c.next()) {
                dies++;
                u.string(d.get(DwAt.NAME));
                AttrValue low = d.get(DwAt.LOW_PC);
                if (low != null) {
                    u.address(low);
                }
            }
        }
        return dies;
    }

    private static void parse(DwarfSections s) throws FormatException {
        readAll(s);
        DwarfSummary.of(s);
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
        FuzzHarness h = FuzzHarness.of("DwarfFuzzTest", MUTATIONS);
        for (DwarfFuzzInput in : inputs) {
            parse(in.sections());
            h.run(in.name(), DwarfFuzzInput.SECTION_NAMES, UnitMutants.trial(in, MUTATED, 1 << 20,
                    (s, unit, trial) -> parse(s)));
        }
    }
}
