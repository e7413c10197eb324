package dev.hagfish.dwarf;

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
 * Seeded mutations of every sample dSYM's debug sections go through the unit and DIE readers
 * and the string and address resolution: only {@link FormatException} may escape, and nothing
 * hangs ({@link FuzzHarness}). One section is mutated at a time, so the mutations land where the decoders look.
 */
class DwarfFuzzTest {
    private static final int MUTATIONS = 10_000;
    private static final List<String> MUTATED = List.of("debug_info", "debug_abbrev", "debug_str_offsets",
            "debug_addr", "debug_str");

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

    @Test
    void mutantsOfEveryDsymFailOnlyWithFormatException() throws IOException {
        FuzzHarness h = FuzzHarness.of("DwarfFuzzTest", MUTATIONS);
        for (String v : List.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5")) {
            Path p = Path.of("..", "samples", "kernels", v, "kernel.dSYM/Contents/Resources/DWARF/kernel");
            DwarfSections original = DwarfLoader.fromMachO(MachOFile.parse(ByteSource.open(p)));
            Map<String, byte[]> bytes = new HashMap<>();
            for (String name : original.sizes().keySet()) {
                ByteSource b = original.get(name).orElseThrow();
                bytes.put(name, b.bytes(0, (int) b.size()));
            }
            readAll(original);
            List<String> present = MUTATED.stream().filter(bytes::containsKey).toList();
            h.run(v, bytes.keySet(), m -> {
                String target = present.get(m.random().nextInt(present.size()));
                m.note(target);
                Map<String, ByteSource> mutated = new HashMap<>();
                bytes.forEach((k, b) -> mutated.put(k, ByteSource.of(k.equals(target) ? m.mutate(b, 1 << 20) : b, k)));
                readAll(DwarfSections.of(mutated));
            });
        }
    }
}
