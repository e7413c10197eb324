package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo's facts agree with llvm-dwarfdump and llvm-otool (golden files in samples/expected). */
class DemoCommandTest {
    private static final Path EXPECTED = Path.of(System.getProperty("hagfish.root", ".."), "samples", "expected",
            "x86_64-dwarf4");

    @Test
    void jsonAgreesWithTheReferenceTools() throws IOException {
        CliRun r = CliRun.of("demo", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode steps = root.get("steps");
        JsonNode kernel = steps.get(0).get("result");
        assertEquals("x86_64", kernel.get("arch").asText());
        assertEquals("MH_EXECUTE", kernel.get("filetype").asText());

        // llvm-dwarfdump-19 --uuid kernel kernel.dSYM: "UUID: <uuid> (x86_64) <path>" twice.
        List<String> uuids = new ArrayList<>();
        Matcher m = Pattern.compile("UUID: ([0-9A-F-]{36}) \\(x86_64\\)").matcher(Files.readString(EXPECTED.resolve("uuid.txt")));
        while (m.find()) {
            uuids.add(m.group(1));
        }
        assertEquals(2, uuids.size());
        assertEquals(uuids.get(0), kernel.get("uuid").asText());

        // The target steps: the slide the core was made at (build.sh's SLIDE1), the command's
        // x/11i starting at AppleHDA_start's int3 (llvm-nm's address + 4, slid).
        JsonNode byName = new ObjectMapper().createObjectNode();
        for (JsonNode s : steps) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) byName).set(s.get("name").asText(), s);
        }
        assertTrue(byName.get("version").get("result").get("output").toString().contains("slide:   0x1c00000 (LC_NOTE"),
                byName.get("version").toString());
        long hda = Files.readAllLines(EXPECTED.resolve("nm-n.txt")).stream().filter(l -> l.endsWith(" T _AppleHDA_start"))
                .map(l -> Long.parseUnsignedLong(l.split(" ")[0], 16)).findFirst().orElseThrow();
        JsonNode x = byName.get("x/11i").get("result").get("output");
        assertEquals(11, x.size());
        assertTrue(x.get(0).asText().matches("\\s*0x" + Long.toHexString(hda + 4 + 0x1c00000L) + " <AppleHDA_start\\+4>:\\s+int3"),
                x.get(0).asText());
        assertEquals("$1 = \"kernel_task\\000\\000\\000\\000\\000\"",
                byName.get("print").get("result").get("output").get(0).asText(),
                "gdb 13's print of kernproc->p_comm (samples/expected/values)");
        JsonNode dsym = steps.get(1).get("result");
        assertEquals(uuids.get(1), dsym.get("uuid").asText());
        assertTrue(dsym.get("matches").asBoolean());

        // llvm-otool-19 -l: every segment's name and vmaddr, in order.
        List<String> otool = new ArrayList<>();
        Matcher s = Pattern.compile("segname (\\S+)\\n\\s+vmaddr (0x[0-9a-f]+)").matcher(Files.readString(EXPECTED.resolve("otool-l.txt")));
        while (s.find()) {
            otool.add(s.group(1) + " " + s.group(2));
        }
        List<String> ours = new ArrayList<>();
        for (JsonNode seg : kernel.get("segments")) {
            ours.add(seg.get("name").asText() + " " + seg.get("vmaddr").asText());
        }
        assertEquals(otool, ours);

        JsonNode core = steps.get(2).get("result");
        assertEquals("MH_CORE", core.get("filetype").asText());
        assertEquals(uuids.get(0), core.get("kernel_uuid").asText());
        assertEquals("0x1c00000", core.get("slide").asText());
        // The pc, unslid, against llvm-nm's address of the function that holds it.
        long pc = Long.parseUnsignedLong(core.get("thread").get("rip").asText().substring(2), 16) - 0x1c00000L;
        long debugger = nm("_Debugger");
        assertEquals("_Debugger+0x" + Long.toHexString(pc - debugger), core.get("pc_symbol").asText());

        JsonNode sym = null;
        for (JsonNode st : steps) {
            if (st.get("name").asText().equals("sym")) {
                sym = st.get("result");
            }
        }
        assertEquals("0x" + Long.toHexString(nm("_kext_alloc")), sym.get("address").asText());
        assertEquals("T", sym.get("type").asText());

        JsonNode addr = null;
        JsonNode struct = null;
        for (JsonNode st : steps) {
            if (st.get("name").asText().equals("addr")) {
                addr = st.get("result");
            } else if (st.get("name").asText().equals("struct")) {
                struct = st.get("result");
            }
        }
        // The demo's inlined address, against llvm-symbolizer's frames for the same address when the golden has it.
        assertTrue(addr.get("inline_chain").size() > 1, addr.toString());
        assertTrue(addr.get("symbol").asText().startsWith("_kext_alloc+0x"), addr.toString());
        boolean compared = false;
        for (String l : Files.readAllLines(EXPECTED.resolve("symbolizer.jsonl"))) {
            JsonNode q = new com.fasterxml.jackson.databind.ObjectMapper().readTree(l);
            if (q.get("Address").asText().equals(addr.get("address").asText())) {
                compared = true;
                assertEquals(q.get("Symbol").size(), addr.get("inline_chain").size());
                for (int i = 0; i < q.get("Symbol").size(); i++) {
                    JsonNode f = q.get("Symbol").get(i);
                    assertEquals(f.get("FunctionName").asText() + " at " + f.get("FileName").asText() + ":"
                            + f.get("Line").asText() + ":" + f.get("Column").asText(),
                            addr.get("inline_chain").get(i).asText());
                }
            }
        }
        assertTrue(compared, "llvm-symbolizer's golden has no line for " + addr.get("address"));
        assertEquals(248, struct.get("size").asLong()); // DW_AT_byte_size of struct proc (types.jsonl)

        // The HTML report of the sample kernel, written beside the demo's store.
        JsonNode report = null;
        for (JsonNode st : steps) {
            if (st.get("name").asText().equals("report")) {
                report = st.get("result");
            }
        }
        Path html = Path.of(report.get("file").asText());
        assertTrue(html.endsWith("demo-report.html"), html.toString());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("id=\"hf-data\""));
        assertTrue(report.get("structs").asInt() > 40, report.toString());
        // struct layout_contains_aligned wastes 126 bytes (63 hole + 63 padding): the most.
        assertEquals("struct layout_contains_aligned", report.get("most_wasted").asText());

        List<String> unavailable = new ArrayList<>();
        for (JsonNode st : steps) {
            if (!st.get("available").asBoolean()) {
                unavailable.add(st.get("name").asText());
                assertTrue(st.get("note").asText().startsWith("not available yet"));
            }
        }
        assertFalse(unavailable.isEmpty());
    }

    private static long nm(String symbol) throws IOException {
        for (String l : Files.readAllLines(EXPECTED.resolve("nm-n.txt"))) {
            if (l.endsWith(" T " + symbol)) {
                return Long.parseUnsignedLong(l.substring(0, 16), 16);
            }
        }
        throw new AssertionError(symbol);
    }

    @Test
    void textOutputNamesEachStep() {
        CliRun r = CliRun.of("demo");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("== kernel"), r.out());
        assertTrue(r.out().contains("__TEXT       0xffffff8000200000"), r.out());
        assertTrue(r.out().contains("not available yet"), r.out());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CliRun r = CliRun.of("no-such-command");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no-such-command"), r.err());
    }
}
