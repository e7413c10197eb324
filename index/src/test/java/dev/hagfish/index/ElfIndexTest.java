package dev.hagfish.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.symbols.LlvmSymbolizerJson;
import dev.hagfish.types.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ELF debug file indexed like a kernel: libc.so.6's debug file from Debian's libc6-dbg (the
 * real third-party input {@code libc6-dbg-libc} of samples/expected/real/FILES.tsv). From the
 * index alone, {@code sym} finds what llvm-nm-19 lists, {@code struct} gives pahole's sizes and
 * offsets, and {@code addr} answers as llvm-symbolizer-19 did (goldens written by
 * samples/make-expected-real.sh). Skipped outside CI when the package is not installed.
 */
class ElfIndexTest {
    private static final Path REAL = KernelStoreTest.SAMPLES.resolve("expected/real");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A pahole member line at the top level: declaration, byte offset, optional bit, size. */
    private static final Pattern MEMBER = Pattern.compile("^\\t([^\\t/].*);\\s+/\\*\\s+(\\d+)(?::\\s*(\\d+))?\\s+(\\d+)\\s+\\*/$");
    /** The declared name: of a function pointer, else the last word (before array bounds or a bit width). */
    private static final Pattern FUNCTION_POINTER = Pattern.compile("\\(\\*(\\w+)\\)\\(");
    private static final Pattern NAME = Pattern.compile("(\\w+)(?:\\[[^\\]]*\\])*(?::\\d+)?$");
    private static final Pattern SIZE = Pattern.compile("/\\* size: (\\d+),");

    @TempDir
    static Path dir;
    static KernelStore store;
    static String uuid;

    @BeforeAll
    static void indexLibc() throws IOException {
        Path file = locate("libc6-dbg-libc");
        store = KernelStore.open(dir.resolve("store"));
        IndexSummary s = store.index(IndexInput.fromElf(file), IndexProgress.NONE, 2);
        uuid = s.kernel().uuid();
    }

    @AfterAll
    static void close() throws IOException {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theKernelRecordNamesTheBuildId() throws IOException {
        KernelRecord k = store.kernel(null);
        // Debian keeps a debug file at .build-id/NN/REST.debug: its name is its build ID.
        Path p = Path.of(k.kernelPath());
        assertEquals((p.getParent().getFileName() + p.getFileName().toString().replace(".debug", ""))
                .toUpperCase(java.util.Locale.ROOT), k.uuid());
        assertEquals("x86_64", k.arch());
        assertEquals(0, k.base()); // a shared object is linked at 0
        assertNull(k.version());
        assertEquals(k.kernelPath(), k.dsymPath());
        assertTrue(k.types() > 1000 && k.symbols() > 8000, k.toString());
    }

    /** Every defined symbol of llvm-nm's golden (a spread of one in five) is found by name at its address. */
    @Test
    void symAgreesWithLlvmNm() throws IOException {
        SymbolSearch search = new SymbolSearch(store, uuid);
        List<String> bad = new ArrayList<>();
        int n = 0;
        List<String> lines = Files.readAllLines(REAL.resolve("libc6-dbg-libc.nm-n.txt"));
        for (int i = 0; i < lines.size(); i += 5) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length != 3) {
                continue;
            }
            long address = Long.parseUnsignedLong(f[0], 16);
            String kind = "tTi".contains(f[1]) ? "func" : "bBdDrRVn".contains(f[1]) ? "data"
                    : "aA".contains(f[1]) ? "absolute" : null;
            List<SymbolHit> hits = search.search(f[2], null, 1000);
            boolean found = hits.stream().anyMatch(h -> h.name().equals(f[2]) && h.address() == address
                    && h.match().equals("exact") && (kind == null || h.kind().equals(kind)));
            if (!found) {
                bad.add(lines.get(i) + " -> " + hits.stream().limit(3).toList());
            }
            n++;
        }
        assertTrue(n > 1500, n + " symbols");
        assertEquals(List.of(), bad);
        assertTrue(search.search("mallo*", "func", 50).stream().anyMatch(h -> h.name().equals("malloc")));
        assertEquals("malloc", search.search("~maloc", "func", 5).get(0).name());
    }

    /** Every struct of pahole's goldens has pahole's size, and each named top-level member its offset and size. */
    @Test
    void structAgreesWithPahole() throws IOException {
        TypeSearch types = new TypeSearch(store, uuid);
        List<String> bad = new ArrayList<>();
        int members = 0;
        List<Path> goldens;
        try (var s = Files.list(REAL.resolve("pahole"))) {
            goldens = s.sorted().toList();
        }
        for (Path g : goldens) {
            List<String> lines = Files.readAllLines(g);
            String head = lines.get(0).replace(" {", "");
            List<TypeHit> hits = types.named(head);
            Optional<Layout> l = hits.isEmpty() ? Optional.empty() : hits.get(0).layout();
            if (l.isEmpty()) {
                bad.add(head + ": not found");
                continue;
            }
            for (String line : lines) {
                Matcher sm = SIZE.matcher(line);
                if (sm.find() && Long.parseLong(sm.group(1)) != l.get().byteSize()) {
                    bad.add(head + ": size " + l.get().byteSize() + ", pahole " + sm.group(1));
                }
                Matcher m = MEMBER.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                Matcher fp = FUNCTION_POINTER.matcher(m.group(1));
                Matcher nm = NAME.matcher(m.group(1));
                String name = fp.find() ? fp.group(1) : nm.find() ? nm.group(1) : null;
                if (name == null) {
                    continue; // an anonymous struct or union
                }
                long bit = Long.parseLong(m.group(2)) * 8 + (m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
                long size = Long.parseLong(m.group(4));
                boolean ok = l.get().slots().stream().anyMatch(s -> name.equals(s.name()) && s.bitOffset() == bit
                        && s.byteSize() == size);
                if (!ok) {
                    bad.add(head + ": " + line.strip());
                }
                members++;
            }
        }
        assertTrue(members > 100, members + " members");
        assertEquals(List.of(), bad);
    }

    /** Every address of llvm-symbolizer's golden, code and data, answered from the index alone. */
    @Test
    void addrAgreesWithLlvmSymbolizer() throws IOException {
        AddressLookup lookup = new AddressLookup(store, uuid);
        List<String> bad = new ArrayList<>();
        int inlined = 0;
        int n = 0;
        int blanked = 0;
        for (String line : Files.readAllLines(REAL.resolve("libc6-dbg-libc.symbolizer.jsonl"))) {
            JsonNode q = JSON.readTree(line);
            long address = Long.parseUnsignedLong(q.get("Address").asText().substring(2), 16);
            AddressAnswer a = lookup.find(address);
            String want = q.has("Data") ? q.get("Data").toString() : q.get("Symbol").toString();
            JsonNode got = JSON.readTree(q.has("Data") ? LlvmSymbolizerJson.data(a.data())
                    : LlvmSymbolizerJson.frames(a.frames()));
            blanked += blankStartFiles(JSON.readTree(want), got);
            if (!JSON.readTree(want).equals(got)) {
                bad.add(line + "\n   got " + got);
            }
            inlined += q.path("Symbol").size() > 1 ? 1 : 0;
            n++;
        }
        assertTrue(n >= 80 && inlined >= 10, n + " addresses, " + inlined + " inlined");
        assertTrue(blanked < n / 2, blanked + " start files blanked");
        assertEquals(List.of(), bad);
    }

    /**
     * Blanks each of our frames' {@code StartFileName} where llvm-symbolizer-19 printed none, and
     * returns how many. LLVM 19 resolves a {@code DW_AT_decl_file} through the form value's unit,
     * which a {@code DW_FORM_implicit_const} value (gcc 12's DWARF 5, as in libc) does not carry
     * ({@code DWARFFormValue::getAsFile}), so it prints "" where the declaring file is known;
     * hagfish names the file. Every other field must still agree.
     */
    private static int blankStartFiles(JsonNode want, JsonNode got) {
        int n = 0;
        for (int i = 0; want.isArray() && i < Math.min(want.size(), got.size()); i++) {
            if (want.get(i).path("StartFileName").asText().isEmpty()
                    && !got.get(i).path("StartFileName").asText().isEmpty()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) got.get(i)).put("StartFileName", "");
                n++;
            }
        }
        return n;
    }

    /**
     * Finds a real input as the analyzer's RealInputs does: under {@code $HAGFISH_REAL_ROOT}, else
     * where the package installs it, with the sha256 of FILES.tsv; skipped outside CI, failed in it.
     */
    static Path locate(String id) throws IOException {
        for (String line : Files.readAllLines(REAL.resolve("FILES.tsv"))) {
            String[] f = line.split("\t");
            if (f.length != 7 || !f[0].equals(id)) {
                continue;
            }
            String root = System.getenv("HAGFISH_REAL_ROOT");
            Path p = root != null && !root.isEmpty() && Files.isRegularFile(Path.of(root + f[3]))
                    ? Path.of(root + f[3]) : Path.of(f[3]);
            if (!Files.isRegularFile(p)) {
                unavailable(p + " is missing: install " + f[1] + " " + f[2]);
            } else if (!sha256(p).equals(f[6])) {
                unavailable(p + " is not the file of " + f[1] + " " + f[2] + " (sha256 differs)");
            }
            return p;
        }
        throw new IllegalArgumentException("no input " + id + " in FILES.tsv");
    }

    private static void unavailable(String why) {
        String ci = System.getenv("CI");
        if (ci == null || ci.isEmpty()) {
            Assumptions.abort(why + " (CI is unset, so the test is skipped; .ci/run installs the packages)");
        }
        fail(why + " (CI=" + ci + ": .ci/run should have installed it)");
    }

    private static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
