package dev.hagfish.dwarf;

import dev.hagfish.io.FuzzHarness;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import dev.hagfish.types.TypeNames;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of the sections the type reader reads, for every sample with DWARF and the
 * small real files ({@link DwarfFuzzInput}), go through {@link TypeReader#read}, then every type
 * of the graph through {@link TypeNames}: only a {@link dev.hagfish.io.FormatException} naming a
 * section may escape, and nothing hangs, however the references between types loop
 * ({@link FuzzHarness}). Each trial mutates the bytes one unit reads in one section and reads that
 * unit's types ({@link UnitMutants}). {@link TypeGraph#sizeOf} is not called on every type: it
 * overflows the stack on an array of itself, which mutants make now and then (see
 * {@link CyclicTypesTest}); add it back when the types rewrite bounds it.
 */
class TypeFuzzTest {
    private static final int MUTATIONS = 10_000;
    private static final List<String> MUTATED = List.of("debug_info", "debug_abbrev", "debug_str_offsets",
            "debug_str");
    /**
     * The sources a FormatException may name. TypeReader decodes a {@code DW_AT_data_member_location}
     * expression through a source named after the attribute, so its errors name no section nor a
     * {@code .debug_info} offset; tolerated until the TypeReader rewrite names them.
     */
    private static final List<String> SOURCES = List.of("debug_", "apple_", "DW_AT_data_member_location");

    /** Reads the type graph and names every type; returns the type count. */
    static int readAll(DwarfSections s) throws IOException {
        TypeGraph g = TypeReader.read(s);
        TypeNames names = new TypeNames(g);
        for (Type t : g.all()) {
            names.name(t.id());
        }
        return g.all().size();
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
        FuzzHarness h = FuzzHarness.of("TypeFuzzTest", MUTATIONS);
        for (DwarfFuzzInput in : inputs) {
            readAll(in.sections());
            h.run(in.name(), SOURCES, UnitMutants.trial(in, MUTATED, 1 << 20,
                    (s, unit, trial) -> readAll(s)));
        }
    }
}
