package dev.hagfish.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.dwarf.TypeReader;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.MachOFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass read gives what the two separate passes give (each checked against llvm-dwarfdump
 * by TypeReaderTest and ProgramReaderTest), on one thread and on two.
 */
class DebugInfoTest {
    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf5", "arm64-dwarf5"})
    void onePassEqualsTheTwoPasses(String variant) throws IOException {
        DwarfSections s = DwarfLoader.fromMachO(MachOFile.parse(ByteSource.open(
                SAMPLES.resolve("kernels/" + variant + "/kernel.dSYM/Contents/Resources/DWARF/kernel"))));
        var types = TypeReader.read(s, 1);
        var program = ProgramReader.read(s, 1);
        for (int threads : List.of(1, 2)) {
            DebugInfo d = DebugInfo.read(s, threads);
            assertEquals(List.copyOf(types.all()), List.copyOf(d.types().all()));
            assertEquals(program.functions(), d.program().functions());
            assertEquals(program.inlinedCalls(), d.program().inlinedCalls());
            assertEquals(program.variables(), d.program().variables());
        }
        assertTrue(types.size() > 100 && !program.functions().isEmpty());
    }
}
