package dev.hagfish.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.image.KernelImage;
import dev.hagfish.report.GdbPtype;
import dev.hagfish.symbols.LlvmSymbolizerJson;
import dev.hagfish.types.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Four sample kernels (x86_64 DWARF 2, 4 and 5, arm64 DWARF 5) in one store; every query answers from
 * the index alone and agrees with the external tools' golden files: {@code sym} with llvm-nm-19,
 * {@code addr} with llvm-symbolizer-19 (every code and data address of symbolizer.jsonl), and
 * {@code struct} with gdb's {@code ptype /o}.
 */
class KernelStoreTest {
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> UUIDS = new LinkedHashMap<>();

    @TempDir
    static Path dir;
    static KernelStore store;

    static KernelImage image(String variant) throws IOException {
        return KernelImage.open(SAMPLES.resolve("kernels/" + variant + "/kernel"), null, null, false);
    }

    @BeforeAll
    static void indexTwoKernels() throws IOException {
        store = KernelStore.open(dir.resolve("store"));
        for (String v : List.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5")) {
            KernelImage k = image(v);
            IndexSummary s = store.index(IndexInput.of(k), IndexProgress.NONE, 2);
            assertFalse(s.replaced());
            UUIDS.put(v, k.uuid());
        }
    }

    @AfterAll
    static void close() throws IOException {
        store.close();
    }

    @Test
    void theStoreHoldsBothKernels() throws IOException {
        assertEquals(4, store.kernels().size());
        assertEquals(4, UUIDS.values().stream().distinct().count());
        assertEquals(UUIDS.get("arm64-dwarf5"), store.kernel(UUIDS.get("arm64-dwarf5").substring(0, 8)).uuid());
        assertEquals(UUIDS.get("x86_64-dwarf4"),
                store.kernel(SAMPLES.resolve("kernels/x86_64-dwarf4/kernel").toString()).uuid());
        assertThrows(KernelNotFoundException.class, () -> store.kernel(null));
        assertThrows(KernelNotFoundException.class, () -> store.kernel("FFFFFFFF"));
    }

    /** Every defined symbol llvm-nm lists is found by its C name at llvm-nm's address, in its own kernel. */
    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5"})
    void symAgreesWithLlvmNm(String variant) throws IOException {
        SymbolSearch search = new SymbolSearch(store, UUIDS.get(variant));
        int checked = 0;
        List<String> bad = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("expected/" + variant + "/nm-n.txt"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 3 || f[1].equals("U")) {
                continue;
            }
            long address = Long.parseUnsignedLong(f[0], 16);
            List<SymbolHit> hits = search.search(Tokens.cName(f[2]), null, 1000);
            boolean found = hits.stream().anyMatch(h -> h.name().equals(f[2]) && h.address() == address
                    && h.match().equals("exact") && h.kind().equals(expectedKind(f[1])));
            if (!found || !hits.get(0).match().equals("exact")) {
                bad.add(line + " -> " + hits.stream().limit(3).toList());
            }
            checked++;
        }
        assertTrue(checked > 200, "only " + checked + " symbols");
        assertEquals(List.of(), bad);
    }

    private static String expectedKind(String nmType) {
        return switch (nmType.toUpperCase()) {
            case "T" -> "func";
            case "A" -> "absolute";
            default -> "data";
        };
    }

    @Test
    void symFindsWildcardsWordsDemangledAndFuzzy() throws IOException {
        SymbolSearch s = new SymbolSearch(store, UUIDS.get("x86_64-dwarf4"));
        assertEquals("_kext_alloc", s.search("kext_alloc", null, 10).get(0).name());
        assertTrue(s.search("kext_*", "func", 50).stream().allMatch(h -> h.name().startsWith("_kext_")
                && h.kind().equals("func")));
        assertTrue(s.search("alloc", null, 50).stream().anyMatch(h -> h.name().equals("_kext_alloc")));
        assertTrue(s.search("/kext_a.*c/", null, 50).stream().anyMatch(h -> h.name().equals("_kext_alloc")));
        assertEquals("_kext_alloc", s.search("~kext_aloc", null, 5).get(0).name());
        List<SymbolHit> load = s.search("OSKext::load", null, 5);
        assertEquals("exact", load.get(0).match());
        assertTrue(load.get(0).demangled().startsWith("OSKext::load("), load.get(0).demangled());
        assertTrue(s.search("OSKext::*", null, 100).size() > 3);
        assertTrue(s.search("no_such_symbol_anywhere", null, 5).isEmpty());
        // the other kernel's symbols are not this one's
        long x86 = s.search("kext_alloc", null, 1).get(0).address();
        assertTrue(new SymbolSearch(store, UUIDS.get("arm64-dwarf5")).search("kext_alloc", null, 5).stream()
                .noneMatch(h -> h.address() == x86));
    }

    /** Every address of llvm-symbolizer's golden, code and data, answered from the index alone. */
    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5"})
    void addrAgreesWithLlvmSymbolizer(String variant) throws IOException {
        AddressLookup lookup = new AddressLookup(store, UUIDS.get(variant));
        List<String> bad = new ArrayList<>();
        int inlined = 0;
        int n = 0;
        for (String line : Files.readAllLines(SAMPLES.resolve("expected/" + variant + "/symbolizer.jsonl"))) {
            JsonNode q = JSON.readTree(line);
            long address = Long.parseUnsignedLong(q.get("Address").asText().substring(2), 16);
            AddressAnswer a = lookup.find(address);
            String want = q.has("Data") ? q.get("Data").toString() : q.get("Symbol").toString();
            String got = q.has("Data") ? LlvmSymbolizerJson.data(a.data()) : LlvmSymbolizerJson.frames(a.frames());
            if (!JSON.readTree(want).equals(JSON.readTree(got))) {
                bad.add(line + "\n   got " + got);
            }
            inlined += q.path("Symbol").size() > 1 ? 1 : 0;
            n++;
        }
        assertTrue(n >= 300 && inlined > 50, n + " addresses, " + inlined + " inlined");
        assertEquals(List.of(), bad);
    }

    @Test
    void slidAddressesGiveTheUnslidAnswers() throws IOException {
        AddressLookup lookup = new AddressLookup(store, UUIDS.get("x86_64-dwarf4"));
        long slide = 0x1c00000L;
        long unslid = new SymbolSearch(store, UUIDS.get("x86_64-dwarf4")).search("kext_alloc", null, 1).get(0).address();
        // the CLI subtracts the slide; the table is keyed by unslid addresses, so both agree
        assertEquals(lookup.find(unslid + 0x14), lookup.find((unslid + slide + 0x14) - slide));
        assertEquals("kext_alloc", lookup.find(unslid + 0x14).frames().get(lookup.find(unslid + 0x14).frames().size() - 1)
                .functionName());
    }

    /** Every struct of gdb's golden prints, from the stored layout, exactly as gdb printed it. */
    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5"})
    void structAgreesWithGdb(String variant) throws IOException {
        String text = Files.readString(SAMPLES.resolve("expected/gdb/" + variant + ".ptype.txt"));
        TypeSearch types = new TypeSearch(store, UUIDS.get(variant));
        List<String> bad = new ArrayList<>();
        int n = 0;
        for (String block : text.split("(?m)^==== ")) {
            if (block.isBlank()) {
                continue;
            }
            String name = block.substring(0, block.indexOf('\n')).replace("====", "").strip();
            String want = block.substring(block.indexOf('\n') + 1);
            List<TypeHit> hits = types.named(name).stream().filter(h -> !h.kind().equals("typedef")).toList();
            Optional<Layout> l = hits.isEmpty() ? Optional.empty() : hits.get(0).layout();
            String got = l.map(GdbPtype::print).orElse("(not found)\n");
            if (!got.equals(want)) {
                bad.add(name + "\n--- gdb\n" + want + "--- index\n" + got);
            }
            n++;
        }
        assertTrue(n >= 30, n + " structs");
        assertEquals(List.of(), bad);
    }

    @Test
    void typesFiltersByMemberSizeAndMemberType() throws IOException {
        TypeSearch t = new TypeSearch(store, UUIDS.get("x86_64-dwarf4"));
        assertEquals(List.of("proc"), t.search(new TypeSearch.Filter(null, "p_pid", null, null, null)).stream()
                .map(TypeHit::name).toList());
        assertTrue(t.search(new TypeSearch.Filter(null, null, 248L, null, "struct")).stream()
                .anyMatch(h -> h.name().equals("proc")));
        assertTrue(t.search(new TypeSearch.Filter(null, null, null, "struct proc *", null)).stream()
                .map(TypeHit::name).toList().containsAll(List.of("proc", "proclist")));
        assertTrue(t.search(new TypeSearch.Filter("layout_*", null, null, null, "enum")).stream()
                .allMatch(h -> h.kind().equals("enum") && h.name().startsWith("layout_")));
    }

    /** Warming up reads a store without changing it, and creates nothing where there is none. */
    @Test
    void warmingUpCreatesNothing() throws IOException {
        KernelStore.warmUp(dir.resolve("store"));
        KernelStore.warmUp(dir.resolve("missing"));
        assertFalse(java.nio.file.Files.exists(dir.resolve("missing")));
        assertEquals(4, store.kernels().size());
    }

    /** The source paths are a document of their own: the record every query reads does not carry them. */
    @Test
    void sourcePathsAreKeptApartFromTheKernelRecord() throws IOException {
        String uuid = UUIDS.get("x86_64-dwarf4");
        List<String> paths = store.sourcePaths(uuid);
        assertTrue(paths.stream().anyMatch(p -> p.endsWith("kext_alloc.c")), paths.toString());
        assertEquals(paths.stream().sorted().toList(), paths);
        String record = store.all(KernelStore.of(uuid, Fields.KIND_KERNEL).build(), 1).get(0).get(Fields.JSON);
        assertFalse(record.contains("kext_alloc.c"), record);
        assertEquals(List.of(), store.sourcePaths("FFFFFFFF"));
    }

    @Test
    void reindexingReplacesTheKernel() throws IOException {
        KernelImage k = image("x86_64-dwarf4");
        long before = new SymbolSearch(store, k.uuid()).search("kext_*", null, 1000).size();
        IndexSummary s = store.index(IndexInput.of(k), IndexProgress.NONE, 1);
        assertTrue(s.replaced());
        assertEquals(4, store.kernels().size());
        assertEquals(before, new SymbolSearch(store, k.uuid()).search("kext_*", null, 1000).size());
    }

    /** Variables carry llvm-dwarfdump's type (variables.jsonl), functions a signature naming their parameters. */
    @Test
    void symbolsCarryTheirDwarfTypesAndSignatures() throws IOException {
        SymbolSearch s = new SymbolSearch(store, UUIDS.get("x86_64-dwarf4"));
        int checked = 0;
        for (String line : Files.readAllLines(SAMPLES.resolve("expected/x86_64-dwarf4/variables.jsonl"))) {
            JsonNode v = JSON.readTree(line);
            if (!v.path("address").isTextual() || v.get("declaration").asBoolean() || !v.get("external").asBoolean()) {
                continue;
            }
            long address = Long.parseUnsignedLong(v.get("address").asText().substring(2), 16);
            SymbolHit h = s.search(v.get("name").asText(), "data", 20).stream().filter(x -> x.address() == address)
                    .findFirst().orElseThrow(() -> new AssertionError(line));
            // llvm-dwarfdump spells "proclist", "char[4096]" and "char *const", gdb "struct proclist",
            // "char [4096]" and "char * const"
            String want = v.get("type").asText();
            String got = h.type().replaceAll("\\b(struct|union|enum|class) ", "").replace(" [", "[")
                    .replace("* const", "*const");
            assertEquals(want, got, line);
            assertEquals(v.get("decl_line").asLong(), h.declLine(), line);
            checked++;
        }
        assertTrue(checked > 10, checked + " variables");
        SymbolHit alloc = s.search("kext_alloc", "func", 1).get(0);
        assertEquals("kern_return_t kext_alloc(vm_offset_t *addr, vm_size_t size, boolean_t fixed)", alloc.signature());
    }
}
