package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dis} on the indexed sample kernels: whole functions and {@code -n N} agree with
 * llvm-objdump-19's listing (samples/expected/objdump; the operands themselves are checked for
 * every function by the analyzer's DisassemblerGoldenTest), call targets are named as objdump's
 * symbolic listing names them, {@code --source} agrees with llvm-symbolizer-19, and a slide moves
 * every address and nothing else.
 */
class DisCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINE = Pattern.compile("   0x([0-9a-f]{16})(?: <([^>]*)>)?:\\t(\\S+)(?: +(.*))?");
    private static final Pattern GOLDEN = Pattern.compile("\\s*([0-9a-f]+):\\t[0-9a-f ]*\\t([^\\t ]+)(?:\\t(.*))?");

    @TempDir
    static Path tmp;

    static String store;

    @BeforeAll
    static void indexTheSampleKernels() {
        store = tmp.resolve("store").toString();
        for (String v : List.of("x86_64-dwarf4", "arm64-dwarf5")) {
            CliRun r = CliRun.of("index", Golden.SAMPLES.resolve("kernels/" + v + "/kernel").toString(), "--index", store);
            assertEquals(0, r.exitCode(), r.err());
        }
    }

    private static CliRun dis(String kernel, String... args) {
        List<String> a = new ArrayList<>(List.of("dis", "--index", store, "--kernel",
                Golden.SAMPLES.resolve("kernels/" + kernel + "/kernel").toString()));
        a.addAll(List.of(args));
        return CliRun.of(a.toArray(String[]::new));
    }

    /** One golden line: mnemonic and operands (with objdump's comment), by address; labels as keys "label:NAME". */
    private static Map<Long, String[]> golden(String file) throws IOException {
        Map<Long, String[]> out = new LinkedHashMap<>();
        List<String> lines;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(Golden.expected("objdump/" + file + ".gz"))), StandardCharsets.UTF_8))) {
            lines = in.lines().toList();
        }
        for (String l : lines) {
            Matcher m = GOLDEN.matcher(l);
            if (m.matches()) {
                out.put(Long.parseUnsignedLong(m.group(1), 16), new String[] {m.group(2), m.group(3) == null ? "" : m.group(3)});
            }
        }
        return out;
    }

    /** The instruction lines of a text listing: address, the {@code <…>} label, mnemonic, the rest. */
    private static List<String[]> lines(String out) {
        List<String[]> rows = new ArrayList<>();
        for (String l : out.split("\n")) {
            Matcher m = LINE.matcher(l);
            if (m.matches()) {
                rows.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4) == null ? "" : m.group(4)});
            }
        }
        return rows;
    }

    @Test
    void aWholeFunctionIsObjdumpsBlockForItsSymbolInGdbsLayout() throws IOException {
        for (String[] k : new String[][] {{"x86_64-dwarf4", "x86_64-dwarf4.intel.txt"}, {"arm64-dwarf5", "arm64-dwarf5.txt"}}) {
            CliRun r = dis(k[0], "proc_iterate");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().startsWith("Dump of assembler code for function proc_iterate:\n"), r.out());
            assertTrue(r.out().endsWith("End of assembler dump.\n"));
            Map<Long, String[]> golden = golden(k[1]);
            List<String[]> rows = lines(r.out());
            long start = Long.parseUnsignedLong(rows.get(0)[0], 16);
            long next = golden.keySet().stream().filter(a -> Long.compareUnsigned(a, start) > 0)
                    .filter(a -> golden.get(a)[0].startsWith("_")).findFirst().orElse(0L);
            int n = 0;
            for (String[] row : rows) {
                long a = Long.parseUnsignedLong(row[0], 16);
                assertEquals("+" + (a - start), row[1]);
                assertEquals(golden.get(a)[0], row[2], k[0] + " 0x" + row[0]);
                n++;
            }
            assertTrue(n > 40, k[0] + ": " + n + " instructions");
        }
    }

    @Test
    void elevenInstructionsAtTheDebuggerTrapShowTheTrapFirst() throws IOException {
        CliRun r = dis("x86_64-dwarf4", "0xffffff8000203184", "-n", "11");
        assertEquals(0, r.exitCode(), r.err());
        List<String[]> rows = lines(r.out());
        assertEquals(11, rows.size(), r.out());
        assertEquals("int3", rows.get(0)[2]);
        assertEquals("AppleHDA_start+4", rows.get(0)[1]);
        Map<Long, String[]> golden = golden("x86_64-dwarf4.intel.txt");
        for (String[] row : rows) {
            assertEquals(golden.get(Long.parseUnsignedLong(row[0], 16))[0], row[2]);
        }
        CliRun arm = dis("arm64-dwarf5", "AppleHDA_start", "-n", "11");
        assertEquals(0, arm.exitCode(), arm.err());
        assertEquals("brk", lines(arm.out()).get(0)[2]);
        assertEquals("#0xf000", lines(arm.out()).get(0)[3]);
    }

    @Test
    void callTargetsAreNamedAsObjdumpNamesThem() throws IOException {
        Map<Long, String[]> symbolic = golden("x86_64-dwarf4.symbolic.txt");
        CliRun r = dis("x86_64-dwarf4", "kernel_bootstrap_thread");
        assertEquals(0, r.exitCode(), r.err());
        int calls = 0;
        for (String[] row : lines(r.out())) {
            String[] g = symbolic.get(Long.parseUnsignedLong(row[0], 16));
            if (g[0].equals("callq") && g[1].matches("_[A-Za-z_0-9]+")) {
                assertTrue(row[3].endsWith(" <" + g[1].substring(1) + ">"), row[3] + " vs objdump " + g[1]);
                calls++;
            }
        }
        assertTrue(calls >= 10, "calls to named functions: " + calls);
    }

    @Test
    void sourceLinesAreTheLineTablesAsLlvmSymbolizerGivesThem() throws IOException {
        String prefix = "/SourceCache/xnu/xnu-1699.24.23/";
        Map<Long, String> symbolizer = new HashMap<>();
        for (String l : Files.readAllLines(Golden.expected("x86_64-dwarf4/symbolizer.jsonl"))) {
            JsonNode n = JSON.readTree(l);
            if (n.has("Symbol") && n.get("Symbol").size() > 0 && n.get("Symbol").get(0).get("Line").asLong() > 0) {
                JsonNode f = n.get("Symbol").get(0);
                symbolizer.put(Long.parseUnsignedLong(n.get("Address").asText().substring(2), 16),
                        f.get("FileName").asText() + ":" + f.get("Line").asLong());
            }
        }
        int checked = 0;
        int texts = 0;
        for (String function : List.of("proc_iterate", "kext_alloc", "OSKextBootstrap", "__ZN6OSKextD0Ev", "0xffffff8000201010")) {
            CliRun r = dis("x86_64-dwarf4", function, "--source", "--source-map",
                    prefix.substring(0, prefix.length() - 1) + "=" + Golden.SAMPLES.resolve("kernel"));
            assertEquals(0, r.exitCode(), r.err());
            String current = null;
            for (String l : r.out().split("\n")) {
                Matcher m = LINE.matcher(l);
                if (m.matches()) {
                    String want = symbolizer.get(Long.parseUnsignedLong(m.group(1), 16));
                    if (want != null) {
                        assertEquals(want, current, function + " 0x" + m.group(1));
                        checked++;
                    }
                } else if (l.startsWith(prefix)) {
                    String[] fileLineText = l.split("\t", 2);
                    current = fileLineText[0];
                    String file = current.substring(prefix.length(), current.lastIndexOf(':'));
                    int n = Integer.parseInt(current.substring(current.lastIndexOf(':') + 1));
                    List<String> source = Files.readAllLines(Golden.SAMPLES.resolve("kernel").resolve(file));
                    assertEquals(source.get(n - 1), fileLineText.length > 1 ? fileLineText[1] : "", l);
                    texts++;
                }
            }
        }
        assertTrue(checked >= 30, "addresses checked against llvm-symbolizer: " + checked);
        assertTrue(texts >= 20, "source lines shown: " + texts);
    }

    @Test
    void aSlideMovesEveryAddressAndNothingElse() throws IOException {
        long slide = 0x1c00000L;
        JsonNode unslid = JSON.readTree(dis("x86_64-dwarf4", "proc_iterate", "--json").out());
        CliRun slidRun = dis("x86_64-dwarf4", "proc_iterate", "--json", "--slide", "0x1c00000");
        assertEquals(0, slidRun.exitCode(), slidRun.err());
        JsonNode slid = JSON.readTree(slidRun.out());
        assertEquals("0x1c00000", slid.get("slide").asText());
        assertEquals(unslid.get("instructions").size(), slid.get("instructions").size());
        int moved = 0;
        for (int i = 0; i < unslid.get("instructions").size(); i++) {
            JsonNode u = unslid.get("instructions").get(i);
            JsonNode s = slid.get("instructions").get(i);
            for (String f : List.of("address", "target", "reference")) {
                if (u.get(f).isNull()) {
                    assertTrue(s.get(f).isNull(), f);
                } else {
                    assertEquals(Long.parseUnsignedLong(u.get(f).asText().substring(2), 16) + slide,
                            Long.parseUnsignedLong(s.get(f).asText().substring(2), 16), f);
                    moved++;
                }
            }
            for (String f : List.of("offset", "label", "bytes", "mnemonic", "kind", "flow", "target_label",
                    "reference_label")) {
                assertEquals(u.get(f), s.get(f), f + " of instruction " + i);
            }
        }
        assertTrue(moved > 50);
        CliRun x = dis("x86_64-dwarf4", "0xffffff8001e03184", "-n", "1", "--slide", "0x1c00000");
        assertEquals("int3", lines(x.out()).get(0)[2], x.out() + x.err());
        assertEquals("AppleHDA_start+4", lines(x.out()).get(0)[1]);
    }

    @Test
    void theJsonShapeNamesTargetsAndReferences() throws IOException {
        CliRun r = dis("x86_64-dwarf4", "proc_iterate", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("x86_64", root.get("arch").asText());
        assertEquals("intel", root.get("syntax").asText());
        assertEquals("proc_iterate", root.get("function").get("name").asText());
        assertEquals("0xffffff8000200890", root.get("function").get("address").asText());
        JsonNode load = null;
        for (JsonNode i : root.get("instructions")) {
            if (i.get("address").asText().equals("0xffffff80002008b6")) {
                load = i;
            }
        }
        // objdump: movq _allproc(%rip), %r13 at 0xffffff80002008b6
        assertEquals("allproc", load.get("reference_label").asText());
        assertEquals("4c8b2d83490000", load.get("bytes").asText());
        assertEquals("mov", load.get("mnemonic").asText());
        assertEquals("code", load.get("kind").asText());
        assertEquals("none", load.get("flow").asText());
        assertTrue(root.get("fault").isNull());
        JsonNode att = JSON.readTree(dis("x86_64-dwarf4", "proc_iterate", "--json", "--att").out());
        assertEquals("att", att.get("syntax").asText());
        assertEquals("movq", att.get("instructions").get(1).get("mnemonic").asText());
    }

    @Test
    void badRequestsAreOneLineErrorsWithTheirExitCodes() {
        CliRun none = dis("x86_64-dwarf4", "no_such_function");
        assertEquals(5, none.exitCode());
        assertEquals("hagfish: no function named no_such_function in kernel 4C4C4455-5555-3144-A17E-01D5FC69F1DE\n",
                none.err());
        CliRun fault = dis("x86_64-dwarf4", "0x10", "-n", "3");
        assertEquals(4, fault.exitCode());
        assertTrue(fault.err().startsWith("hagfish: kernel ") && fault.err().contains("address 0x0000000000000010 is not mapped"),
                fault.err());
        assertEquals(1, fault.err().split("\n").length, fault.err());
        CliRun outside = dis("x86_64-dwarf4", "0xffffff8000002000");
        assertEquals(5, outside.exitCode());
        assertTrue(outside.err().contains("give -n N"), outside.err());
        CliRun ambiguous = dis("x86_64-dwarf4", "OSKext::~OSKext()");
        assertEquals(2, ambiguous.exitCode());
        assertTrue(ambiguous.err().startsWith("hagfish: OSKext::~OSKext() is ambiguous: 3 functions; "), ambiguous.err());
        assertTrue(ambiguous.err().contains("__ZN6OSKextD0Ev at 0xffffff8000201480"), ambiguous.err());
        assertEquals(2, dis("arm64-dwarf5", "proc_iterate", "--att").exitCode());
        assertEquals(2, dis("x86_64-dwarf4", "proc_iterate", "-n", "0").exitCode());
        assertFalse(dis("x86_64-dwarf4", "proc_iterate").out().isEmpty());
    }

    /**
     * Without Capstone's binding on the class path (as when the native library is missing, the
     * binding cannot be used), {@code dis} says how to install it and {@code sym} still works:
     * nothing but disassembly loads Capstone. Runs hagfish in a JVM of its own.
     */
    @Test
    void withoutCapstoneDisSaysHowToInstallItAndOtherCommandsWork() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String noCapstone = String.join(File.pathSeparator, Arrays.stream(cp.split(File.pathSeparator))
                .filter(e -> !e.contains("transcurity")).toList());
        assertFalse(noCapstone.equals(cp), "the class path holds the capstone binding: " + cp);
        String kernel = Golden.SAMPLES.resolve("kernels/x86_64-dwarf4/kernel").toString();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process dis = new ProcessBuilder(javaBin, "-cp", noCapstone, "dev.hagfish.cli.Main", "dis", "--index", store,
                "--kernel", kernel, "proc_iterate").redirectErrorStream(false).start();
        String err = new String(dis.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(5, dis.waitFor(), err);
        assertTrue(err.startsWith("hagfish: cannot disassemble x86_64: the Capstone library"), err);
        assertTrue(err.contains("install it: apt-get install libcapstone4 libcapstone-dev"), err);
        assertEquals(1, err.split("\n").length, err);
        Process sym = new ProcessBuilder(javaBin, "-cp", noCapstone, "dev.hagfish.cli.Main", "sym", "--index", store,
                "--kernel", kernel, "proc_iterate").start();
        String out = new String(sym.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, sym.waitFor());
        assertTrue(out.startsWith("0xffffff8000200890 func"), out);
    }
}
