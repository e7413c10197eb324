package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hagfish index} on ELF files: a libc6-dbg debug file is identified by its build ID and
 * answers {@code sym} as llvm-nm-19 lists it; an ELF file without a build ID is malformed input
 * (exit 3); {@code --dsym} with an ELF file is a usage error (exit 2). The real inputs are those of
 * samples/expected/real/FILES.tsv; the test is skipped when they are not installed.
 */
class ElfIndexCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REAL = Golden.SAMPLES.resolve("expected/real");

    @TempDir
    Path dir;

    private static Path input(String id) throws IOException {
        for (String line : Files.readAllLines(REAL.resolve("FILES.tsv"))) {
            String[] f = line.split("\t");
            if (f.length == 7 && f[0].equals(id)) {
                Path p = Path.of(f[3]);
                Assumptions.assumeTrue(Files.isRegularFile(p), p + " is missing: install " + f[1]);
                return p;
            }
        }
        throw new IllegalArgumentException(id);
    }

    @Test
    void aDebugFileIsIndexedUnderItsBuildId() throws IOException {
        Path debug = input("libc6-dbg-libpcprofile");
        String store = dir.resolve("store").toString();
        CliRun r = CliRun.of("index", debug.toString(), "--index", store, "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode s = JSON.readTree(r.out());
        String id = (debug.getParent().getFileName() + debug.getFileName().toString().replace(".debug", ""))
                .toUpperCase(Locale.ROOT);
        assertEquals(id, s.get("uuid").asText());
        assertEquals("x86_64", s.get("arch").asText());
        assertEquals(debug.toAbsolutePath().toString(), s.get("dsym").asText());

        String nm = Files.readAllLines(REAL.resolve("libc6-dbg-libpcprofile.nm-n.txt")).stream()
                .filter(l -> l.endsWith(" T __cyg_profile_func_enter")).findFirst().orElseThrow();
        CliRun sym = CliRun.of("sym", "__cyg_profile_func_enter", "--index", store, "--limit", "1");
        assertEquals(0, sym.exitCode(), sym.err());
        assertTrue(sym.out().startsWith("0x" + nm.split(" ")[0] + " func"), sym.out());
    }

    @Test
    void anElfFileWithoutABuildIdIsRefused() throws IOException {
        Path exec = input("go-gcc-amd64-linux-exec");
        CliRun r = CliRun.of("index", exec.toString(), "--index", dir.resolve("store").toString());
        assertEquals(ExitCodes.MALFORMED, r.exitCode(), r.err());
        assertTrue(r.err().contains(exec + ": at offset 0x0: no GNU build ID"), r.err());
        CliRun d = CliRun.of("index", exec.toString(), "--dsym", "x.dSYM", "--index", dir.resolve("store").toString());
        assertEquals(ExitCodes.USAGE, d.exitCode(), d.err());
        assertTrue(d.err().contains("--dsym and --arch are for Mach-O kernels"), d.err());
    }
}
