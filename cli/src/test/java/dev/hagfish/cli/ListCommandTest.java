package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code list} prints gdb's window of ten lines around a function, an address or FILE:LINE of the
 * sample kernel. The centre lines come from llvm-symbolizer-19 (symbolizer.jsonl), the text from
 * the sample's own sources.
 */
class ListCommandTest {
    private static final String PREFIX = "/SourceCache/xnu/xnu-1699.24.23";
    private static final Path SOURCES = Golden.SAMPLES.resolve("kernel");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static String store;

    @BeforeAll
    static void indexTheSampleKernel() {
        store = tmp.resolve("store").toString();
        CliRun r = CliRun.of("index", Golden.SAMPLES.resolve("kernels/x86_64-dwarf4/kernel").toString(), "--index", store);
        assertEquals(0, r.exitCode(), r.err());
    }

    /** The first llvm-symbolizer answer that satisfies {@code p}. */
    private static JsonNode symbolized(Predicate<JsonNode> p) throws IOException {
        for (String l : Files.readAllLines(Golden.expected("x86_64-dwarf4/symbolizer.jsonl"))) {
            JsonNode n = JSON.readTree(l);
            if (n.has("Symbol") && n.get("Symbol").size() > 0 && p.test(n)) {
                return n;
            }
        }
        throw new AssertionError("no such answer in symbolizer.jsonl");
    }

    /** The sample source that a DWARF path names. */
    private static Path source(String dwarfPath) {
        assertTrue(dwarfPath.startsWith(PREFIX + "/"), dwarfPath);
        return SOURCES.resolve(dwarfPath.substring(PREFIX.length() + 1));
    }

    /** gdb's listing: {@code NUMBER\tTEXT} for lines max(centre - 5, 1) .. +9 that exist. */
    private static String gdbWindow(Path file, long centre) throws IOException {
        List<String> lines = Files.readAllLines(file);
        StringBuilder sb = new StringBuilder();
        for (long n = Math.max(centre - 5, 1); n < Math.max(centre - 5, 1) + 10 && n <= lines.size(); n++) {
            sb.append(n).append('\t').append(lines.get((int) n - 1)).append('\n');
        }
        return sb.toString();
    }

    private static CliRun list(String... args) {
        List<String> a = new ArrayList<>(List.of("list", "--index", store));
        a.addAll(List.of(args));
        return CliRun.of(a.toArray(String[]::new));
    }

    @Test
    void functionCentresOnItsEntryLineLikeGdb() throws IOException {
        // gdb's list-mode linespec takes the line of the function's entry address (gdb 13.1 lists
        // 79..88 for kext_alloc, declared on line 83): llvm-symbolizer's Line at StartAddress.
        JsonNode entry = symbolized(n -> {
            JsonNode f = n.get("Symbol").get(0);
            return f.get("FunctionName").asText().equals("kext_alloc")
                    && n.get("Address").asText().equals(f.get("StartAddress").asText());
        }).get("Symbol").get(0);
        long line = entry.get("Line").asLong();
        assertEquals(entry.get("StartLine").asLong() + 1, line, "the sample's entry line follows the declaration");
        CliRun r = list("kext_alloc", "--source-dir", SOURCES.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(gdbWindow(source(entry.get("FileName").asText()), line), r.out());
        assertEquals(10, r.out().lines().count());
        assertTrue(r.out().startsWith((line - 5) + "\t"));
    }

    @Test
    void addressListsAroundTheInnermostFrameOfItsInlineChain() throws IOException {
        JsonNode a = symbolized(n -> n.get("Symbol").size() > 1 && n.get("Symbol").get(0).get("Line").asLong() > 0);
        JsonNode inner = a.get("Symbol").get(0);
        String dwarfFile = inner.get("FileName").asText();
        long line = inner.get("Line").asLong();
        CliRun r = list(a.get("Address").asText(), "--json", "--source-map", PREFIX + "=" + SOURCES);
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(dwarfFile, j.get("dwarf_file").asText());
        assertEquals(source(dwarfFile).toString(), j.get("file").asText());
        assertEquals(line, j.get("line").asLong());
        assertEquals(32, j.get("kernel").asText().replace("-", "").length());
        StringBuilder text = new StringBuilder();
        for (JsonNode l : j.get("lines")) {
            text.append(l.get("number").asLong()).append('\t').append(l.get("text").asText()).append('\n');
        }
        assertEquals(gdbWindow(source(dwarfFile), line), text.toString());

        long slid = Long.parseUnsignedLong(a.get("Address").asText().substring(2), 16) + 0x1c00000L;
        CliRun s = list("*0x" + Long.toHexString(slid), "--slide", "0x1c00000", "--source-dir", SOURCES.toString());
        assertEquals(0, s.exitCode(), s.err());
        assertEquals(gdbWindow(source(dwarfFile), line), s.out());
    }

    @Test
    void fileAndLineAsGivenNeedNoStore() throws IOException {
        Path file = SOURCES.resolve("osfmk/kern/kext_alloc.c");
        CliRun r = CliRun.of("list", file + ":60", "--index", tmp.resolve("no-store").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(gdbWindow(file, 60), r.out());
        assertTrue(r.out().startsWith("55\t"));

        CliRun rel = CliRun.of("list", "kern/kext_alloc.c:60", "--source-dir", SOURCES.resolve("osfmk").toString(),
                "--json");
        assertEquals(0, rel.exitCode(), rel.err());
        JsonNode j = JSON.readTree(rel.out());
        assertTrue(j.get("kernel").isNull());
        assertEquals("kern/kext_alloc.c", j.get("dwarf_file").asText());
        assertEquals(file.toString(), j.get("file").asText());
    }

    @Test
    void windowAtTheStartOfAFileIsGdbs() throws IOException {
        Path file = SOURCES.resolve("osfmk/kern/kext_alloc.c");
        CliRun r = CliRun.of("list", file + ":2");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(file);
        StringBuilder want = new StringBuilder();
        for (int n = 1; n <= 10; n++) {
            want.append(n).append('\t').append(lines.get(n - 1)).append('\n');
        }
        assertEquals(want.toString(), r.out());
    }

    @Test
    void windowAtTheEndOfAFileStopsThere() throws IOException {
        Path file = SOURCES.resolve("osfmk/kern/kext_alloc.c");
        int last = Files.readAllLines(file).size();
        CliRun r = CliRun.of("list", file + ":" + last);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(6, r.out().lines().count());
        assertTrue(r.out().startsWith((last - 5) + "\t"));

        CliRun past = CliRun.of("list", file + ":" + (last + 1));
        assertEquals(ExitCodes.NOT_FOUND, past.exitCode());
        assertEquals("hagfish: " + file + ": line " + (last + 1) + " is past the end of the file (" + last
                + " lines); is it the source the kernel was built from?\n", past.err());
    }

    @Test
    void sourceMapRewritesAndTheFirstMatchWins() throws IOException {
        CliRun r = list("kext_alloc", "--source-map", PREFIX + "/osfmk=" + SOURCES.resolve("osfmk"),
                "--source-map", PREFIX + "=/nowhere");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\tkext_alloc(vm_offset_t *addr, vm_size_t size, boolean_t fixed)\n"), r.out());
    }

    @Test
    void missingFileIsOneLineNamingEveryPlaceTried() {
        Path nowhere = tmp.resolve("nowhere");
        CliRun r = list("kext_alloc", "--source-dir", nowhere.toString());
        assertEquals(ExitCodes.NOT_FOUND, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals("", r.out());
        String dwarf = PREFIX + "/osfmk/kern/kext_alloc.c";
        assertTrue(r.err().startsWith("hagfish: " + dwarf + ": source file not found; tried " + dwarf + ", "), r.err());
        assertTrue(r.err().contains(nowhere.resolve("osfmk/kern/kext_alloc.c") + ", "), r.err());
        assertTrue(r.err().contains(nowhere.resolve("kext_alloc.c").toString()), r.err());
    }

    @Test
    void unknownFunctionIsNotFound() {
        CliRun r = list("no_such_function", "--source-dir", SOURCES.toString());
        assertEquals(ExitCodes.NOT_FOUND, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void badSpotsAreUsageErrors() {
        for (String bad : List.of("kext_alloc.c:", "kext_alloc.c:x", "kext_alloc.c:0", ":12", "42", "0xnothex")) {
            CliRun r = list(bad, "--source-dir", SOURCES.toString());
            assertEquals(ExitCodes.USAGE, r.exitCode(), bad + ": " + r.err());
        }
        assertEquals(ExitCodes.USAGE, list("kext_alloc", "--slide", "0x10").exitCode());
        assertEquals(ExitCodes.USAGE, list("kext_alloc", "--source-map", "no-equals-sign").exitCode());
    }
}
