package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index commands end to end, in-process: {@code index}, {@code kernels}, {@code sym},
 * {@code addr} (arguments, stdin, {@code --slide}), {@code struct} and {@code types}, checked
 * against llvm-nm, llvm-symbolizer and gdb goldens, and their errors.
 */
class IndexCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static String store;

    @BeforeAll
    static void index() throws IOException {
        store = dir.resolve("store").toString();
        CliRun r = CliRun.of("index", Golden.SAMPLES.resolve("kernels/x86_64-dwarf4/kernel").toString(), "--index",
                store, "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode s = JSON.readTree(r.out());
        assertEquals(Files.readString(Golden.expected("x86_64-dwarf4/uuid.txt")).split("\\s+")[1], s.get("uuid").asText());
        assertTrue(s.get("types").asLong() > 50 && s.get("intervals").asLong() > 1000, r.out());
    }

    private static CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--index";
        all[args.length + 1] = store;
        return CliRun.of(all);
    }

    @Test
    void symFindsWhatLlvmNmLists() throws IOException {
        String nm = Files.readAllLines(Golden.expected("x86_64-dwarf4/nm-n.txt")).stream()
                .filter(l -> l.endsWith(" _kext_alloc")).findFirst().orElseThrow();
        CliRun r = run("sym", "kext_alloc", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode first = JSON.readTree(r.out()).get("symbols").get(0);
        assertEquals("_kext_alloc", first.get("name").asText());
        assertEquals("0x" + nm.split(" ")[0], first.get("address").asText());
        assertEquals("exact", first.get("match").asText());
        CliRun text = run("sym", "kext_alloc", "--limit", "1");
        assertTrue(text.out().startsWith("0x" + nm.split(" ")[0] + " func"), text.out());
    }

    /** An inlined golden address: the text summary and -v chain carry llvm-symbolizer's frames. */
    @Test
    void addrPrintsTheInlineChainAndHonoursTheSlide() throws IOException {
        JsonNode q = null;
        for (String l : Files.readAllLines(Golden.expected("x86_64-dwarf4/symbolizer.jsonl"))) {
            JsonNode n = JSON.readTree(l);
            if (n.path("Symbol").size() > 1) {
                q = n;
                break;
            }
        }
        String address = q.get("Address").asText();
        JsonNode inner = q.get("Symbol").get(0);
        JsonNode outer = q.get("Symbol").get(q.get("Symbol").size() - 1);
        long offset = Long.parseUnsignedLong(address.substring(2), 16)
                - Long.parseUnsignedLong(outer.get("StartAddress").asText().substring(2), 16);
        CliRun r = run("addr", "-v", address);
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(address + ": " + outer.get("FunctionName").asText() + " + " + offset + " [inlined] "
                + inner.get("FunctionName").asText() + " at " + inner.get("FileName").asText() + ":"
                + inner.get("Line").asText() + (inner.get("Column").asLong() > 0 ? ":" + inner.get("Column").asText() : ""),
                lines.get(0));
        assertEquals(1 + q.get("Symbol").size(), lines.size(), r.out());
        for (int i = 0; i < q.get("Symbol").size(); i++) {
            JsonNode f = q.get("Symbol").get(i);
            assertTrue(lines.get(1 + i).startsWith("    " + f.get("FunctionName").asText() + " at "
                    + f.get("FileName").asText() + ":" + f.get("Line").asText()), lines.get(1 + i));
        }
        long slid = Long.parseUnsignedLong(address.substring(2), 16) + 0x1c00000L;
        CliRun unslid = run("addr", "--json", address);
        CliRun withSlide = run("addr", "--json", "--slide", "0x1c00000", "0x" + Long.toHexString(slid));
        JsonNode a = JSON.readTree(unslid.out()).get(0);
        JsonNode b = JSON.readTree(withSlide.out()).get(0);
        assertEquals(a.get("frames"), b.get("frames"));
        assertEquals(a.get("unslid"), b.get("unslid"));
        assertEquals("0x" + Long.toHexString(slid), b.get("address").asText());
    }

    @Test
    void addrReadsStdin() throws IOException {
        var in = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("0xffffff8000200890\n\n0xffffff8000200891\n".getBytes()));
            CliRun r = run("addr");
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(2, r.out().lines().count(), r.out());
            assertTrue(r.out().lines().allMatch(l -> l.contains("proc_iterate")), r.out());
        } finally {
            System.setIn(in);
        }
    }

    /** struct prints gdb's ptype /o from the index; pahole's cacheline markers are the only addition. */
    @Test
    void structEqualsGdbPlusCachelineMarkers() throws IOException {
        String gdb = Files.readString(Golden.expected("gdb/x86_64-dwarf4.ptype.txt"));
        for (String name : List.of("holey", "proc", "task")) {
            int at = gdb.indexOf("==== struct " + name + "\n");
            String want = gdb.substring(gdb.indexOf('\n', at) + 1, gdb.indexOf("====", at + 5));
            CliRun r = run("struct", name);
            assertEquals(0, r.exitCode(), r.err());
            String withoutMarkers = r.out().replaceAll("(?m)^/\\* --- cacheline .*\\n", "");
            assertEquals(want, withoutMarkers, name);
        }
        String proc = run("struct", "struct proc").out();
        assertTrue(proc.contains("/* --- cacheline 1 boundary (64 bytes) --- */"), proc);
        // uint8_t p_uuid[16] at 216 crosses 224 and ends at 232: pahole marks the boundary after it
        assertTrue(run("struct", "proc", "--cacheline", "32").out()
                .contains("    uint8_t p_uuid[16];\n/* --- cacheline 7 boundary (224 bytes) was 8 bytes ago --- */\n"));
        JsonNode j = JSON.readTree(run("struct", "proc", "--json").out());
        assertEquals(248, j.get("layout").get("byte_size").asLong());
        assertEquals("type = enum layout_signed {LAYOUT_NEG_BIG = -2147483648, LAYOUT_NEG_ONE = -1, LAYOUT_ZERO,"
                + " LAYOUT_POS = 7}\n", run("struct", "enum layout_signed").out());
    }

    @Test
    void typesAnswersWhichStructsHoldWhat() throws IOException {
        JsonNode r = JSON.readTree(run("types", "--member", "p_pid", "--json").out());
        assertEquals("proc", r.get("types").get(0).get("name").asText());
        JsonNode sized = JSON.readTree(run("types", "--size", "0xf8", "--kind", "struct", "--json").out());
        assertTrue(sized.get("types").findValuesAsText("name").contains("proc"));
        JsonNode holds = JSON.readTree(run("types", "--contains", "struct proc *", "--json").out());
        assertTrue(holds.get("types").findValuesAsText("name").containsAll(List.of("proc", "proclist")));
    }

    @Test
    void errorsAreOneLineWithTheDocumentedExitCodes() throws IOException {
        CliRun missing = run("sym", "no_such_symbol");
        assertEquals(5, missing.exitCode());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().contains("no_such_symbol"), missing.err());
        CliRun bad = run("addr", "0xnothex");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("0xnothex"), bad.err());
        CliRun noStore = CliRun.of("kernels", "--index", dir.resolve("empty").toString());
        assertEquals(0, noStore.exitCode());
        CliRun noKernel = CliRun.of("sym", "x", "--index", dir.resolve("empty2").toString());
        assertEquals(5, noKernel.exitCode());
        assertTrue(noKernel.err().contains("holds no kernel"), noKernel.err());
        CliRun unknownKernel = run("sym", "kext_alloc", "--kernel", "DEADBEEF");
        assertEquals(5, unknownKernel.exitCode());
        assertFalse(unknownKernel.err().contains("\tat "), unknownKernel.err());
        assertEquals(5, run("struct", "no_such_struct").exitCode());
    }
}
