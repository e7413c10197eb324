package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.io.Unsigned;
import dev.hagfish.memory.LldbMemoryRows;
import dev.hagfish.memory.MemoryFaultException;
import dev.hagfish.memory.SampleLayout;
import dev.hagfish.memory.SlideMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target options ({@code --core}, {@code --raw}, {@code --slide}, {@code --kernel},
 * {@code --force}) and {@code hagfish version}, in-process, over a store holding the DWARF 4 and
 * DWARF 5 builds of the sample kernel (same banner and addresses, different UUIDs). Slides are
 * those build.sh chose; bytes are checked against lldb-22's {@code memory read} golden.
 */
class TargetCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** samples/kernel/include/kern/version.h. */
    private static final String BANNER = "Darwin Kernel Version 11.3.0: Thu Jan 12 18:47:41 PST 2012; "
            + "root:xnu-1699.24.23~1/RELEASE_X86_64";
    private static final String CORE = Golden.SAMPLES.resolve("snapshots/x86_64-dwarf4.core").toString();
    private static final String NONOTE = Golden.SAMPLES.resolve("snapshots/x86_64-dwarf4-nonote.core").toString();
    private static final String GZ = Golden.SAMPLES.resolve("snapshots/x86_64-dwarf4.core.gz").toString();
    private static final Path RAW = Golden.SAMPLES.resolve("snapshots/x86_64-dwarf4-slide4600000.raw");

    @TempDir
    static Path dir;
    static String store;
    static String uuid4;
    static String uuid5;

    @BeforeAll
    static void index() throws IOException {
        store = dir.resolve("store").toString();
        for (String v : List.of("x86_64-dwarf4", "x86_64-dwarf5")) {
            CliRun r = CliRun.of("index", Golden.SAMPLES.resolve("kernels/" + v + "/kernel").toString(), "--index", store);
            assertEquals(0, r.exitCode(), r.err());
        }
        uuid4 = Files.readString(Golden.expected("x86_64-dwarf4/uuid.txt")).split("\\s+")[1];
        uuid5 = Files.readString(Golden.expected("x86_64-dwarf5/uuid.txt")).split("\\s+")[1];
    }

    private static String[] withStore(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--index";
        all[args.length + 1] = store;
        return all;
    }

    private static CliRun run(String... args) {
        return CliRun.of(withStore(args));
    }

    private static String raw() throws IOException {
        return RAW + "@" + Files.readString(Golden.SAMPLES.resolve("snapshots/raw-base.txt")).strip();
    }

    private static JsonNode version(String... args) throws IOException {
        String[] all = Arrays.copyOf(new String[] {"version", "--json"}, 2 + args.length);
        System.arraycopy(args, 0, all, 2, args.length);
        CliRun r = run(all);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        return JSON.readTree(r.out());
    }

    private static List<String> outcomes(JsonNode v) {
        return Stream.iterate(0, i -> i < v.get("checks").size(), i -> i + 1)
                .map(i -> v.get("checks").get(i).get("method").asText() + "=" + v.get("checks").get(i).get("outcome").asText())
                .toList();
    }

    @Test
    void versionOfTheCoreWithNotes() throws IOException {
        JsonNode v = version("--core", CORE);
        assertEquals(BANNER, v.get("banner").asText());
        assertEquals("memory", v.get("banner_source").asText());
        assertEquals(uuid4, v.get("uuid").asText());
        assertEquals("x86_64", v.get("arch").asText());
        assertEquals("LC_NOTE main bin spec UUID", v.get("kernel_match").asText());
        assertEquals("0x1c00000", v.get("slide").asText());
        assertEquals("lc_note", v.get("method").asText());
        assertEquals(List.of("lowglo=agrees", "version=agrees", "macho_header=agrees"), outcomes(v));
        assertEquals(0, v.get("warnings").size());

        CliRun text = run("version", "--core", CORE);
        List<String> lines = text.out().lines().toList();
        assertEquals(BANNER, lines.get(0));
        assertEquals("uuid:    " + uuid4 + " (LC_NOTE main bin spec UUID)", lines.get(1));
        assertTrue(lines.contains("slide:   0x1c00000 (LC_NOTE main bin spec: main bin spec version 2 gives slide 0x1c00000)"),
                text.out());
    }

    @Test
    void versionOfTheCoreWithoutNotesAndOfTheRawDump() throws IOException {
        JsonNode v = version("--core", NONOTE);
        assertEquals(uuid4, v.get("uuid").asText());
        assertEquals("0x4600000", v.get("slide").asText());
        assertEquals("lowglo", v.get("method").asText());
        assertEquals("version banner via lowGlo lgVersion, and the Mach-O header's UUID at " + slidText(),
                v.get("kernel_match").asText());
        assertEquals(List.of("lc_note=unavailable", "version=agrees", "macho_header=agrees"), outcomes(v));

        JsonNode r = version("--raw", raw());
        assertEquals(uuid4, r.get("uuid").asText());
        assertEquals("0x4600000", r.get("slide").asText());
        assertEquals("version", r.get("method").asText());
        assertEquals(BANNER, r.get("banner").asText());
        assertEquals(List.of("lc_note=unavailable", "lowglo=unavailable", "macho_header=agrees"), outcomes(r));
    }

    @Test
    void versionOfTheGzippedCoreInflatesItBesideTheStore() throws IOException {
        JsonNode v = version("--core", GZ);
        assertEquals("0x1c00000", v.get("slide").asText());
        assertEquals("lc_note", v.get("method").asText());
        assertTrue(v.get("target").asText().startsWith("core " + GZ + " (gzip, inflated to " + dir.resolve("cache")),
                v.get("target").asText());
        try (Stream<Path> s = Files.list(dir.resolve("cache"))) {
            assertEquals(1, s.filter(p -> p.toString().endsWith(".inflated")).count());
        }
    }

    @Test
    void versionWithNoSnapshotIsTheKernelFileAtSlideZeroOrTheGivenSlide() throws IOException {
        JsonNode v = version("--kernel", uuid4);
        assertEquals(BANNER, v.get("banner").asText());
        assertEquals("kernel file", v.get("banner_source").asText());
        assertEquals("0x0", v.get("slide").asText());
        assertEquals("none", v.get("method").asText());
        JsonNode slid = version("--kernel", uuid4, "--slide", "0x1c00000");
        assertEquals("0x1c00000", slid.get("slide").asText());
        assertEquals("given", slid.get("method").asText());
        assertEquals(BANNER, slid.get("banner").asText());
        CliRun two = run("version");
        assertEquals(5, two.exitCode());
        assertTrue(two.err().startsWith("hagfish: the store holds 2 kernels; choose one with --kernel"), two.err());
    }

    @Test
    void aWrongKernelIsRefusedUnlessForcedAndAnUnknownOneIsNotFound() throws IOException {
        CliRun unknown = run("version", "--core", CORE, "--kernel", "DEADBEEF");
        assertEquals(5, unknown.exitCode());
        assertEquals("hagfish: no indexed kernel matches DEADBEEF\n", unknown.err());

        CliRun wrong = run("version", "--core", CORE, "--kernel", uuid5);
        assertEquals(3, wrong.exitCode());
        assertEquals("hagfish: core " + CORE + " is of kernel " + uuid4 + " (its LC_NOTE), not " + uuid5 + " ("
                + Golden.SAMPLES.resolve("kernels/x86_64-dwarf5/kernel") + "): use --force to read it with that kernel anyway\n",
                wrong.err());
        CliRun wrongMemory = run("version", "--core", NONOTE, "--kernel", uuid5);
        assertEquals(3, wrongMemory.exitCode());
        assertTrue(wrongMemory.err().contains("is of kernel " + uuid4 + " (the Mach-O header at " + slidText() + "), not "
                + uuid5), wrongMemory.err());

        CliRun forced = run("version", "--core", NONOTE, "--kernel", uuid5, "--force", "--json");
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(uuid5, JSON.readTree(forced.out()).get("uuid").asText());
        assertTrue(forced.err().startsWith("hagfish: warning: core " + NONOTE + " is of kernel " + uuid4), forced.err());
        assertTrue(forced.err().contains("but Mach-O header scan disagrees"), forced.err());
    }

    @Test
    void aGivenSlideIsCheckedAndDisagreementsAreWarnings() throws IOException {
        CliRun r = run("version", "--core", CORE, "--slide", "0x1c01000", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode v = JSON.readTree(r.out());
        assertEquals("given", v.get("method").asText());
        assertEquals(List.of("lc_note=disagrees", "lowglo=disagrees", "version=disagrees", "macho_header=disagrees"),
                outcomes(v));
        assertEquals("0x1c00000", v.get("checks").get(0).get("slide").asText());
        assertEquals(4, r.err().lines().filter(l -> l.startsWith("hagfish: warning: slide 0x1c01000 (--slide) but ")).count(),
                r.err());
        assertEquals(4, v.get("warnings").size());
    }

    @Test
    void badSnapshotsAndOptionsAreOneLineErrors() throws IOException {
        byte[] core = Files.readAllBytes(Path.of(CORE));
        Path cut = dir.resolve("cut.core");
        Files.write(cut, Arrays.copyOf(core, core.length - 0x1234));
        CliRun t = run("version", "--core", cut.toString());
        assertEquals(3, t.exitCode());
        assertEquals(1, t.err().lines().count(), t.err());
        assertTrue(t.err().startsWith("hagfish: " + cut + ": at offset 0x"), t.err());
        assertTrue(t.err().matches("(?s).*: load command \\d+ LC_SEGMENT_64 \\[0x[0-9a-f]+, \\+0x[0-9a-f]+\\): file bytes .*"
                + " bytes are missing; the core is truncated.*"), t.err());

        Path gz = dir.resolve("cut.core.gz");
        byte[] z = Files.readAllBytes(Path.of(GZ));
        Files.write(gz, Arrays.copyOf(z, z.length / 2));
        CliRun g = run("version", "--core", gz.toString());
        assertEquals(3, g.exitCode());
        assertTrue(g.err().contains("gzip stream is corrupt or truncated"), g.err());

        assertEquals(2, run("version", "--core", CORE, "--raw", raw()).exitCode());
        CliRun badRaw = run("version", "--raw", "mem.bin");
        assertEquals(2, badRaw.exitCode());
        assertTrue(badRaw.err().startsWith("--raw: 'mem.bin' is not FILE@BASE"), badRaw.err());
        assertEquals(5, run("version", "--core", dir.resolve("missing.core").toString()).exitCode());
        CliRun kernel = run("version", "--core", Golden.SAMPLES.resolve("kernels/x86_64-dwarf4/kernel").toString());
        assertEquals(3, kernel.exitCode());
        assertTrue(kernel.err().endsWith("not a core file: file type is MH_EXECUTE, not MH_CORE\n"), kernel.err());
    }

    /** The space commands read: every byte lldb read, from each kind of snapshot, slid. */
    @Test
    void theTargetSpaceReadsWhatLldbRead() throws IOException {
        for (String[] args : List.of(new String[] {"--core", CORE}, new String[] {"--core", GZ},
                new String[] {"--core", NONOTE}, new String[] {"--raw", raw()})) {
            TargetProbe.Result r = TargetProbe.run(withStore(args));
            assertEquals(0, r.exitCode(), r.err());
            try (Target t = r.probe().opened) {
                String golden = args[1].equals(GZ) ? "snapshots/x86_64-dwarf4.core"
                        : args[0].equals("--raw") ? "snapshots/x86_64-dwarf4-nonote.core"
                        : "snapshots/" + Path.of(args[1]).getFileName();
                int rows = 0;
                for (LldbMemoryRows.Row row : LldbMemoryRows.of(golden)) {
                    if (args[0].equals("--raw") && row.address() == 0xffffff8000002000L + (row.address() & 0xfff)) {
                        continue; // the flat dump does not hold the lowGlo alias
                    }
                    assertArrayEquals(row.bytes(), t.space().read(row.address(), row.bytes().length),
                            args[1] + ": " + row.line());
                    rows++;
                }
                assertTrue(rows >= 16, rows + " rows");
                assertEquals(uuid4, t.kernel().uuid());
                long version = SampleLayout.symbol("_version");
                assertEquals(t.slide() + version, t.slid(version));
                assertEquals(version, t.unslid(t.slid(version)));
                assertTrue(t.snapshot().isPresent());
                assertEquals(args[0].equals("--core") ? 1 : 0, t.threads().size());
            }
        }
    }

    @Test
    void aMemoryFaultExitsFourNamingTheAddress() throws IOException {
        TargetProbe.Result r = TargetProbe.run(withStore("--core", CORE, "--at", "0xffffff8000100000", "--read", "8"));
        assertEquals(4, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("hagfish: core " + CORE + " over kernel "), r.err());
        assertTrue(r.err().contains(": address 0xffffff8000100000 is not mapped; nearest mapped range"), r.err());
        assertEquals(4, ExitCodes.forException(new MemoryFaultException("s", 0, 1, 0, null)));
        // Text the core lacks (its __LINKEDIT) reads from the kernel file, slid.
        TargetProbe.Result ok = TargetProbe.run(withStore("--core", CORE, "--at",
                Unsigned.hex(SampleLayout.segment("__LINKEDIT")[0] + LldbMemoryRows.SLIDE), "--read", "16"));
        assertEquals(0, ok.exitCode(), ok.err());
    }

    @Test
    void withNoSnapshotTheSpaceIsTheWholeKernelFile() throws IOException {
        TargetProbe.Result r = TargetProbe.run(withStore("--kernel", uuid4));
        assertEquals(0, r.exitCode(), r.err());
        try (Target t = r.probe().opened) {
            assertEquals(SlideMethod.NONE, t.method());
            assertFalse(t.snapshot().isPresent());
            assertEquals(List.of("__TEXT", "__DATA", "__LINKEDIT"), t.space().ranges().stream().map(m -> m.name()).toList());
            assertEquals(BANNER, t.space().cstring(SampleLayout.symbol("_version"), 200));
        }
    }

    private static long nm(String symbol) throws IOException {
        return SampleLayout.symbol(symbol);
    }

    /** The nonote core's (and the raw dump's) slid text base. */
    private static String slidText() throws IOException {
        return Unsigned.hex(SampleLayout.segment("__TEXT")[0] + LldbMemoryRows.NONOTE_SLIDE);
    }

    /** The facts slide detection gets from the index and the kernel file, against llvm-nm's symbols. */
    @Test
    void theKernelFactsComeFromTheIndexAndTheKernelFile() throws IOException {
        TargetProbe.Result r = TargetProbe.run(withStore("--kernel", uuid4));
        assertEquals(0, r.exitCode(), r.err());
        try (Target t = r.probe().opened) {
            dev.hagfish.memory.KernelFacts f = KernelFactsFromIndex.of(t.store(), t.kernel(), t.kernelImage().orElseThrow());
            assertEquals(uuid4, f.uuid());
            assertEquals(nm("_version"), f.versionAddress().orElseThrow());
            assertEquals(BANNER, f.version().orElseThrow());
            assertEquals(0xffffff8000200000L, f.textBase());
            // The sample's lowGlo holds lgStext = &_start statically (samples/kernel/osfmk/x86_64/lowmem_vectors.c).
            assertEquals(nm("__start"), f.lowGloStext());
            // Offsets of samples/kernel/include/x86_64/lowglobals.h, from the lowglo type in the index.
            assertEquals(0x10, f.lowGlo().orElseThrow().stextOffset());
            assertEquals(0x30, f.lowGlo().orElseThrow().versionOffset());
            assertEquals(nm("_lowGlo"), KernelFactsFromIndex.symbol(t.store(), t.kernel(), "lowGlo").orElseThrow());
        }
    }
}
