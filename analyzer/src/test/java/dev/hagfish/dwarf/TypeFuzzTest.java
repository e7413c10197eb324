package dev.hagfish.dwarf;

import dev.hagfish.io.FuzzHarness;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import dev.hagfish.types.TypeNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of the sections the type reader reads, for every sample with DWARF and the
 * small real files ({@link DwarfFuzzInput}), go through {@link TypeReader#read}: only a
 * {@link dev.hagfish.io.FormatException} naming a section may escape, and nothing hangs
 * ({@link FuzzHarness}). Each trial mutates the bytes one unit reads in one section and reads that
 * unit's types ({@link UnitMutants}).
 *
 * <p>Naming every type of each mutant's graph with {@link TypeNames} is disabled until the types
 * rewrite: mutants make types whose references loop, and TypeNames then hangs on a pointer to a
 * cycle of qualifiers or takes exponential time on a function type that refers to itself (see
 * {@link CyclicTypesTest}). {@link TypeGraph#sizeOf}, which overflows the stack on an array of
 * itself, is not called either.
 */
class TypeFuzzTest {
    private static final int MUTATIONS = 10_000;
    private static final List<String> MUTATED = List.of("debug_info", "debug_abbrev", "debug_str_offsets",
            "debug_str");
    /** The sources a FormatException may name: sections only. */
    private static final List<String> SOURCES = List.of("debug_", "apple_");

    /** Reads the type graph; returns the type count. */
    static int read(DwarfSections s) throws IOException {
        return TypeReader.read(s).all().size();
    }

    /** Reads the type graph and names every type; returns the type count. */
    static int readAndName(DwarfSections s) throws IOException {
        TypeGraph g = TypeReader.read(s);
        TypeNames names = new TypeNames(g);
        for (Type t : g.all()) {
            names.name(t.id());
        }
        return g.all().size();
    }

    @Test
    void mutantsOfEverySampleFailOnlyWithFormatException() throws IOException {
        fuzz(DwarfFuzzInput.samples(), TypeFuzzTest::read);
    }

    @Test
    void mutantsOfTheRealFilesFailOnlyWithFormatException() throws IOException {
        fuzz(DwarfFuzzInput.realFiles(), TypeFuzzTest::read);
    }

    @Test
    void everyTypeOfEveryMutantHasAName() throws IOException {
        List<DwarfFuzzInput> inputs = new ArrayList<>(DwarfFuzzInput.samples());
        inputs.addAll(DwarfFuzzInput.realFiles());
        fuzz(inputs, TypeFuzzTest::readAndName);
    }

    /** Reads types. */
    @FunctionalInterface
    private interface Reader {
        int read(DwarfSections s) throws IOException;
    }

    private static void fuzz(List<DwarfFuzzInput> inputs, Reader reader) throws IOException {
        FuzzHarness h = FuzzHarness.of("TypeFuzzTest", MUTATIONS);
        for (DwarfFuzzInput in : inputs) {
            readAndName(in.sections());
            h.run(in.name(), SOURCES, UnitMutants.trial(in, MUTATED, 1 << 20, (s, unit, trial) -> reader.read(s)));
        }
    }
}
