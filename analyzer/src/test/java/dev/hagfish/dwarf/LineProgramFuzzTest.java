package dev.hagfish.dwarf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.FuzzHarness;
import dev.hagfish.macho.MachOFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of every sample dSYM's {@code .debug_line} go through the line program
 * decoder, its row lookup and its path resolution: only {@link FormatException} may escape, and
 * nothing hangs or allocates without bound ({@link FuzzHarness}).
 */
class LineProgramFuzzTest {
    private static final int MUTATIONS = 10_000;

    /** Decodes the programs one after another and exercises their lookups; returns the row count. */
    static int readAll(DwarfSections s) throws FormatException {
        ByteSource line = s.require("debug_line");
        int rows = 0;
        long off = 0;
        while (off < line.size()) {
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
    void mutantsOfDebugLineFailOnlyWithFormatException() throws IOException {
        FuzzHarness h = FuzzHarness.of("LineProgramFuzzTest", MUTATIONS);
        for (String v : List.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5")) {
            Path p = Path.of("..", "samples", "kernels", v, "kernel.dSYM/Contents/Resources/DWARF/kernel");
            DwarfSections original = DwarfLoader.fromMachO(MachOFile.parse(ByteSource.open(p)));
            Map<String, ByteSource> sections = new HashMap<>();
            for (String name : original.sizes().keySet()) {
                sections.put(name, original.get(name).orElseThrow());
            }
            assertTrue(readAll(original) > 100, v + " has rows");
            ByteSource line = original.require("debug_line");
            byte[] bytes = line.bytes(0, (int) line.size());
            h.run(v, sections.keySet(), m -> {
                Map<String, ByteSource> mutated = new HashMap<>(sections);
                mutated.put("debug_line", ByteSource.of(m.mutate(bytes, 1 << 20), "debug_line"));
                readAll(DwarfSections.of(mutated));
            });
        }
    }
}
