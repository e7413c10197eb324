package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code print} and {@code x} commands themselves: one-line errors with the column and the
 * exit code (2 for a bad expression, 5 for an unknown name, 4 for a memory fault), the JSON
 * shapes README.md documents, {@code --depth} on a struct that links to itself, gdb's
 * {@code x/FMT} spelling, and {@code x/11i} at a debugger trap.
 */
class PrintCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--index", ValuesStore.path()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static String core() {
        return Golden.SAMPLES.resolve("snapshots/x86_64-dwarf4.core").toString();
    }

    @Test
    void aBadExpressionNamesTheColumnAndTheReason() {
        CliRun r = run("print", "kernproc->p_pptr->");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals("hagfish: 'kernproc->p_pptr->': column 19: expected a member name after '->' but found end of "
                + "expression\n", r.err());
        CliRun member = run("print", "kernproc->p_foo");
        assertEquals(ExitCodes.NOT_FOUND, member.exitCode());
        assertEquals("hagfish: 'kernproc->p_foo': column 11: no member named 'p_foo' in struct proc\n", member.err());
        CliRun symbol = run("print", "nosuch_global + 1");
        assertEquals(ExitCodes.NOT_FOUND, symbol.exitCode());
        assertTrue(symbol.err().contains("column 1: no symbol \"nosuch_global\" in the kernel"), symbol.err());
        CliRun type = run("x", "(struct nosuch *)0");
        assertEquals(ExitCodes.NOT_FOUND, type.exitCode());
        assertTrue(type.err().contains("column 9: no struct named 'nosuch'"), type.err());
    }

    @Test
    void anUnmappedPointerExitsFourNamingTheAddress() {
        CliRun r = run("print", "*kernproc->p_pptr->p_list.le_prev", "--core", core());
        assertEquals(0, r.exitCode(), r.err());
        CliRun fault = run("print", "*(struct proc *)0xffffff80dead0000", "--core", core());
        assertEquals(ExitCodes.TARGET, fault.exitCode());
        assertEquals(1, fault.err().lines().count(), fault.err());
        assertTrue(fault.err().startsWith("hagfish: core ") && fault.err().contains(
                ": address 0xffffff80dead0000 is not mapped; nearest mapped range "), fault.err());
        assertTrue(fault.out().isEmpty());
    }

    @Test
    void depthBoundsAStructThatLinksToItself() throws IOException {
        // kernel_task's p_pptr is kernel_task itself; print never follows pointers, and nested
        // structs stop at --depth.
        CliRun r = run("print", "*kernproc->p_pptr->p_pptr", "--depth", "1", "--core", core());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("$1 = {p_list = {...}, p_pid = 0, p_ppid = 0, p_pptr = 0xffffff8001e05258 "
                + "<proc_kernel_task>, p_children = {...}, "), r.out());
        JsonNode tree = JSON.readTree(run("print", "*kernproc", "--depth", "1", "--json").out());
        assertEquals(true, tree.get("value").get("members").get(0).get("elided").asBoolean());
        assertEquals(2, run("print", "version", "--depth", "-1").exitCode());
    }

    @Test
    void printJsonHasTheDocumentedShape() throws IOException {
        JsonNode j = JSON.readTree(run("print", "allproc.lh_first->p_comm", "--json", "--core", core()).out());
        assertEquals("allproc.lh_first->p_comm", j.get("expression").asText());
        assertEquals("char [17]", j.get("type").asText());
        assertEquals("0xffffff8001e0627a", j.get("address").asText());
        assertEquals("$1 = \"xcodebuild\\000\\000\\000\\000\\000\\000\"", j.get("text").asText());
        assertEquals("string", j.get("value").get("kind").asText());
        assertEquals("xcodebuild", j.get("value").get("string").asText());
        JsonNode p = JSON.readTree(run("print", "kernproc", "--json", "--core", core()).out()).get("value");
        assertEquals("pointer", p.get("kind").asText());
        assertEquals("0xffffff8001e05258", p.get("value").asText());
        assertEquals("proc_kernel_task", p.get("symbol").asText());
        JsonNode s = JSON.readTree(run("print", "sizeof(struct proc)", "--json").out());
        assertTrue(s.get("address").isNull());
        assertEquals("248", s.get("value").get("value").asText());
        assertEquals("unsigned long", s.get("type").asText());
    }

    @Test
    void aFormatTakesGdbsSpellingKeepsTheJsonValueAndRejectsUnknownLetters() throws IOException {
        // gdb 13 prints `print/x nprocs` as in expected/values/gdb-core.txt; here the spellings
        // agree with each other, the JSON keeps the plain number beside the formatted text, and
        // a letter gdb does not know is a usage error.
        CliRun gdb = run("p/x", "nprocs", "--core", core());
        assertEquals(0, gdb.exitCode(), gdb.err());
        assertEquals(gdb.out(), run("print", "--format", "x", "nprocs", "--core", core()).out());
        assertEquals(gdb.out(), run("print/x", "nprocs", "--core", core()).out());
        JsonNode j = JSON.readTree(run("p/x", "nprocs", "--json", "--core", core()).out()).get("value");
        assertEquals("0x" + Long.toHexString(Long.parseLong(j.get("value").asText())), j.get("text").asText());
        assertEquals(gdb.out().trim(), "$1 = " + j.get("text").asText());
        CliRun bad = run("p/q", "nprocs");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("unknown print format q (one of x z o t d u c a f, or s and r for the default)"),
                bad.err());
    }

    @Test
    void examineTakesGdbsSpellingAndJson() throws IOException {
        CliRun gdb = run("x/2xg", "&allproc");
        CliRun options = run("x", "-f", "x", "-u", "g", "-n", "2", "&allproc");
        CliRun slash = run("x", "/2xg", "&allproc");
        assertEquals(0, gdb.exitCode(), gdb.err());
        assertEquals(gdb.out(), options.out());
        assertEquals(gdb.out(), slash.out());
        JsonNode j = JSON.readTree(run("x/3xw", "&nprocs", "--json").out());
        assertEquals("0xffffff8000205250", j.get("address").asText());
        assertEquals("x", j.get("format").asText());
        assertEquals(4, j.get("unit").asInt());
        assertEquals(3, j.get("count").asInt());
        assertEquals("nprocs", j.get("rows").get(0).get("symbol").asText());
        assertEquals("0x00000011", j.get("rows").get(0).get("values").get(0).asText());
        assertEquals("0xffffff800020525c", j.get("next").asText());
        CliRun bad = run("x/3q", "&nprocs");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("undefined output format \"q\""), bad.err());
        CliRun struct = run("x", "allproc");
        assertEquals(ExitCodes.USAGE, struct.exitCode());
        assertTrue(struct.err().contains("'allproc' is a struct proclist, not an address; take its address with &"),
                struct.err());
    }

    /**
     * The classic check: {@code x/11i} at the debugger trap of {@code AppleHDA_start} shows
     * {@code int3} first, on the kernel file and on the core (slid); the address is llvm-nm's
     * plus 4 (llvm-objdump's golden: push rbp, mov rbp rsp, then int3).
     */
    @Test
    void examineInstructionsStartsAtTheTrap() throws IOException {
        long start = java.nio.file.Files.readAllLines(Golden.expected("x86_64-dwarf4/nm-n.txt")).stream()
                .filter(l -> l.endsWith(" T _AppleHDA_start")).map(l -> Long.parseUnsignedLong(l.split(" ")[0], 16))
                .findFirst().orElseThrow();
        for (long slide : new long[] {0, 0x1c00000L}) {
            String at = "0x" + Long.toHexString(start + 4 + slide);
            CliRun r = slide == 0 ? run("x/11i", at) : run("x/11i", at, "--core", core());
            assertEquals(0, r.exitCode(), r.err());
            List<String> lines = r.out().lines().toList();
            assertEquals(11, lines.size(), r.out());
            assertTrue(lines.get(0).matches("\\s*" + at + " <AppleHDA_start\\+4>:\\s+int3\\s*"), lines.get(0));
            assertTrue(lines.get(1).contains("0x" + Long.toHexString(start + 5 + slide) + " <AppleHDA_start+5>:"),
                    lines.get(1));
        }
    }

    /** Memory ends with the kernel's last segment, __LINKEDIT (llvm-otool's golden), moved by the slide. */
    @Test
    void aFaultInTheMiddleOfXPrintsTheRowsBeforeIt() throws IOException {
        List<String> otool = java.nio.file.Files.readAllLines(Golden.expected("x86_64-dwarf4/otool-l.txt"));
        int at = otool.indexOf("  segname __LINKEDIT");
        long end = Long.parseUnsignedLong(otool.get(at + 1).strip().split(" +")[1].substring(2), 16)
                + Long.parseUnsignedLong(otool.get(at + 2).strip().split(" +")[1].substring(2), 16) + 0x1c00000;
        String start = "0x" + Long.toHexString(end - 16);
        CliRun r = run("x/4xg", start, "--core", core());
        assertEquals(ExitCodes.TARGET, r.exitCode());
        assertTrue(r.out().matches(start + ":\t0x[0-9a-f]{16}\t0x[0-9a-f]{16}\n"), r.out());
        assertTrue(r.err().contains("address " + String.format("0x%016x", end) + " is not mapped"), r.err());
    }
}
