package dev.hagfish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.dwarf.TypeReader;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ptype /o} text, the type names in it, and therefore every member's offset, bit
 * position and size and every hole, equal gdb's on every named struct and union of the x86_64
 * dSYMs (samples/expected/gdb, made by make-expected-gdb.sh from ELF copies of the DWARF).
 */
class GdbPtypeTest {
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    static Map<String, String> golden(String variant) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        StringBuilder cur = new StringBuilder();
        for (String l : Files.readAllLines(SAMPLES.resolve("expected/gdb/" + variant + ".ptype.txt"))) {
            if (l.startsWith("==== ")) {
                if (name != null) {
                    out.put(name, cur.toString());
                }
                name = l.substring(5);
                cur = new StringBuilder();
            } else {
                cur.append(l).append('\n');
            }
        }
        if (name != null) {
            out.put(name, cur.toString());
        }
        return out;
    }

    @Test
    void everyNamedStructEqualsGdb() throws IOException {
        for (String v : List.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5")) {
            MachOFile dsym = MachOFile.parse(ByteSource.open(
                    SAMPLES.resolve("kernels/" + v + "/kernel.dSYM/Contents/Resources/DWARF/kernel")));
            TypeGraph g = TypeReader.read(DwarfLoader.fromMachO(dsym));
            GdbPtype p = new GdbPtype(g);
            Map<String, String> golden = golden(v);
            assertTrue(golden.size() >= 35, v);
            List<String> bad = new ArrayList<>();
            for (var e : golden.entrySet()) {
                String[] kn = e.getKey().split(" ", 2);
                Type.Struct s = g.named(kn[1]).stream().filter(t -> t instanceof Type.Struct st && !st.declaration()
                        && (st.kind() == Type.Kind.UNION) == kn[0].equals("union"))
                        .map(Type.Struct.class::cast).findFirst().orElse(null);
                String ours = s == null ? "(not found)" : p.print(s);
                if (!ours.equals(e.getValue())) {
                    bad.add(v + " " + e.getKey() + "\n--- gdb\n" + e.getValue() + "--- hagfish\n" + ours);
                }
            }
            assertEquals(List.of(), bad.subList(0, Math.min(3, bad.size())), bad.size() + " structs differ in " + v);
        }
    }
}
