package dev.hagfish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.dwarf.TypeReader;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.MachOFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.types.Layout;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ptype /o} text, the type names in it, and therefore every member's offset, bit
 * position and size and every hole, equal gdb's on every named struct and union of every sample
 * DWARF file: the x86_64 DWARF 2/4/5 and arm64 DWARF 5 dSYMs, both slices of the fat dSYM and
 * each i386 object (samples/expected/gdb, made by make-expected-gdb.sh from ELF copies of the
 * DWARF; the golden's file name says which DWARF it came from).
 */
class GdbPtypeTest {
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    static final Path GOLDENS = SAMPLES.resolve("expected/gdb");
    static final String SUFFIX = ".ptype.txt";

    /** Every golden file, by name without the suffix: {@code x86_64-dwarf4}, {@code fat-arm64}, {@code i386-layouts}. */
    static Stream<String> goldens() throws IOException {
        try (Stream<Path> files = Files.list(GOLDENS)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length())).sorted().toList();
            assertFalse(names.isEmpty(), "no goldens in " + GOLDENS);
            return names.stream();
        }
    }

    /**
     * Opens the Mach-O DWARF a golden was made from: {@code V} is kernels/V's dSYM,
     * {@code fat-ARCH} that slice of the fat dSYM, {@code i386-OBJ} kernels/i386/OBJ.o.
     */
    static MachOFile dwarfFileOf(String golden) throws IOException {
        String dsym = "/kernel.dSYM/Contents/Resources/DWARF/kernel";
        if (golden.startsWith("fat-")) {
            return MachOFile.open(ByteSource.open(SAMPLES.resolve("kernels/fat" + dsym)), golden.substring(4));
        } else if (golden.startsWith("i386-")) {
            return MachOFile.open(ByteSource.open(SAMPLES.resolve("kernels/i386/" + golden.substring(5) + ".o")), "i386");
        }
        return MachOFile.open(ByteSource.open(SAMPLES.resolve("kernels/" + golden + dsym)), null);
    }

    /** Splits a golden into its {@code ptype /o} answers, keyed by the asked name ({@code struct proc}). */
    static Map<String, String> golden(String name) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        String asked = null;
        StringBuilder cur = new StringBuilder();
        for (String l : Files.readAllLines(GOLDENS.resolve(name + SUFFIX))) {
            if (l.startsWith("==== ")) {
                if (asked != null) {
                    out.put(asked, cur.toString());
                }
                asked = l.substring(5);
                cur = new StringBuilder();
            } else {
                cur.append(l).append('\n');
            }
        }
        if (asked != null) {
            out.put(asked, cur.toString());
        }
        return out;
    }

    /** The layout as the index stores it: JSON, read back; printing needs nothing else. */
    static Layout roundTrip(Layout l) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Layout back = json.readValue(json.writeValueAsString(l), Layout.class);
        assertEquals(l, back);
        return back;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void everyNamedStructEqualsGdb(String name) throws IOException {
        TypeGraph g = TypeReader.read(DwarfLoader.fromMachO(dwarfFileOf(name)));
        Map<String, String> golden = golden(name);
        assertFalse(golden.isEmpty(), name);
        List<String> bad = new ArrayList<>();
        for (var e : golden.entrySet()) {
            String[] kn = e.getKey().split(" ", 2);
            Type.Struct s = g.named(kn[1]).stream().filter(t -> t instanceof Type.Struct st && !st.declaration()
                    && (st.kind() == Type.Kind.UNION) == kn[0].equals("union"))
                    .map(Type.Struct.class::cast).findFirst().orElse(null);
            String ours = s == null ? "(not found)\n" : GdbPtype.print(roundTrip(Layout.of(g, s)));
            if (!ours.equals(e.getValue())) {
                bad.add(e.getKey() + "\n" + lineDiff(e.getValue(), ours));
            }
        }
        assertTrue(bad.isEmpty(), () -> bad.size() + " of " + golden.size() + " structs differ from gdb in " + name
                + " (- gdb, + hagfish):\n" + String.join("", bad));
    }

    /** A line diff: {@code -} lines are gdb's only, {@code +} lines hagfish's only (longest common subsequence). */
    static String lineDiff(String gdb, String ours) {
        String[] a = gdb.split("\n", -1);
        String[] b = ours.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (j == b.length || (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.append("  - ").append(a[i++]).append('\n');
            } else {
                out.append("  + ").append(b[j++]).append('\n');
            }
        }
        return out.toString();
    }
}
