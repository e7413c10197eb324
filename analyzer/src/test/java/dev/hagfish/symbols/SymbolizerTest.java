package dev.hagfish.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.types.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every answer of {@code llvm-symbolizer-19 --output-style=JSON} in the golden files (made by
 * samples/make-expected.sh against the kernel and its dSYM) is compared field by field with the
 * {@link Symbolizer}'s: the whole inline chain for code addresses, name, start and size for data
 * addresses.
 */
class SymbolizerTest {
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    static DwarfSections dwarf(String variant, String arch) throws IOException {
        Path p = SAMPLES.resolve("kernels/" + variant + "/kernel.dSYM/Contents/Resources/DWARF/kernel");
        return DwarfLoader.fromMachO(MachOFile.open(ByteSource.open(p), arch));
    }

    static SymbolRanges symbols(String variant, String arch) throws IOException {
        return SymbolRanges.of(MachOFile.open(ByteSource.open(SAMPLES.resolve("kernels/" + variant + "/kernel")), arch));
    }

    /**
     * Returns the symbolizer for a golden line's module ({@code kernels/fat/kernel:arm64} names a
     * slice): made by its own pass over the DWARF, or from what {@link DebugInfo#read} read.
     */
    private static Symbolizer symbolizer(Map<String, Symbolizer> cache, String variant, String module,
            boolean fromDebugInfo) throws IOException {
        Symbolizer s = cache.get(module);
        if (s == null) {
            int colon = module.indexOf(':');
            String arch = colon < 0 ? null : module.substring(colon + 1);
            DwarfSections d = dwarf(variant, arch);
            s = fromDebugInfo ? Symbolizer.of(d, DebugInfo.read(d, 2), symbols(variant, arch))
                    : Symbolizer.of(d, symbols(variant, arch));
            cache.put(module, s);
        }
        return s;
    }

    static String json(List<Frame> frames) {
        return LlvmSymbolizerJson.frames(frames);
    }

    static String json(Optional<DataSymbol> d) {
        return LlvmSymbolizerJson.data(d);
    }

    /**
     * Without the symbol table, answers differ from llvm-symbolizer's only where its answer comes
     * from the symbol table, which DWARF cannot know: (1) the padding after a function, which
     * {@code .debug_aranges} and the subprogram ranges leave out, so only a symbol covers it;
     * (2) the outermost name of a clone such as {@code (.specialized.1)}, a suffix only the
     * symbol carries; (3) data sizes, which for a symbol reach the next symbol and for DWARF are
     * the type's size; (4) objects without a DWARF variable (vtables), and data addresses inside a
     * symbol's gap but past the variable's type size.
     */
    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5"})
    void dwarfAloneDiffersOnlyWhereTheSymbolTableAnswers(String variant) throws IOException {
        Symbolizer s = Symbolizer.of(dwarf(variant, null));
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> unexplained = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("expected/" + variant + "/symbolizer.jsonl"))) {
            JsonNode q = JSON.readTree(line);
            long addr = Unsigned.parseAddress(q.get("Address").asText());
            String kind = q.has("Data") ? dataDifference(s, addr, q.get("Data"))
                    : codeDifference(q.get("Symbol"), JSON.readTree(json(s.symbolize(addr))));
            kinds.merge(kind, 1, Integer::sum);
            if (kind.startsWith("unexplained")) {
                unexplained.add(line);
            }
        }
        System.out.println("SymbolizerTest DWARF alone " + variant + ": " + kinds);
        assertEquals(List.of(), unexplained);
    }

    private static String codeDifference(JsonNode want, JsonNode got) {
        if (want.equals(got)) {
            return "code same";
        }
        if (want.size() != got.size()) {
            return "unexplained code depth";
        }
        for (int i = 0; i + 1 < want.size(); i++) {
            if (!want.get(i).equals(got.get(i))) {
                return "unexplained inner frame";
            }
        }
        ObjectNode w = want.get(want.size() - 1).deepCopy();
        ObjectNode g = got.get(got.size() - 1).deepCopy();
        String wantName = w.get("FunctionName").asText();
        String gotName = g.get("FunctionName").asText();
        w.remove(List.of("FunctionName", "StartAddress"));
        g.remove(List.of("FunctionName", "StartAddress"));
        if (!w.equals(g)) {
            return "unexplained outer frame";
        }
        if (gotName.isEmpty()) {
            return "code padding (symbol only)";
        }
        return wantName.startsWith(gotName + " (.") ? "code clone suffix" : "unexplained name";
    }

    private static String dataDifference(Symbolizer s, long addr, JsonNode want) throws IOException {
        JsonNode got = JSON.readTree(json(s.symbolizeData(addr)));
        if (want.equals(got)) {
            return "data same";
        }
        String name = want.get("Name").asText();
        if (got.get("Name").asText().isEmpty()) {
            if (name.startsWith("vtable for ")) {
                return "data vtable (no DWARF variable)";
            }
            long start = Unsigned.parseAddress(want.get("Start").asText());
            Optional<DataSymbol> atStart = s.symbolizeData(start);
            return atStart.isPresent() && atStart.get().name().equals(name)
                    && Long.compareUnsigned(addr - start, atStart.get().size()) >= 0
                    ? "data past the type size" : "unexplained data miss";
        }
        return got.get("Name").equals(want.get("Name")) && got.get("Start").equals(want.get("Start"))
                && Long.compareUnsigned(Unsigned.parseAddress(got.get("Size").asText()),
                        Unsigned.parseAddress(want.get("Size").asText())) < 0
                ? "data size (type < gap)" : "unexplained data";
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5", "fat"})
    void everyGoldenAnswerMatches(String variant) throws IOException {
        everyGoldenAnswerMatches(variant, false);
    }

    /** The symbolizer made from the types-and-program pass (as the index makes it) answers the same. */
    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf5", "arm64-dwarf5", "fat"})
    void everyGoldenAnswerMatchesFromDebugInfo(String variant) throws IOException {
        everyGoldenAnswerMatches(variant, true);
    }

    private void everyGoldenAnswerMatches(String variant, boolean fromDebugInfo) throws IOException {
        Map<String, Symbolizer> byModule = new HashMap<>();
        int code = 0;
        int codeOk = 0;
        int inlined = 0;
        int data = 0;
        int dataOk = 0;
        List<String> bad = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("expected/" + variant + "/symbolizer.jsonl"))) {
            JsonNode q = JSON.readTree(line);
            long addr = Unsigned.parseAddress(q.get("Address").asText());
            Symbolizer s = symbolizer(byModule, variant, q.get("ModuleName").asText(), fromDebugInfo);
            String want;
            String got;
            if (q.has("Data")) {
                data++;
                want = q.get("Data").toString();
                got = json(s.symbolizeData(addr));
                dataOk += want.equals(got) ? 1 : 0;
            } else {
                code++;
                want = q.get("Symbol").toString();
                got = json(s.symbolize(addr));
                inlined += q.get("Symbol").size() > 1 ? 1 : 0;
                codeOk += want.equals(got) ? 1 : 0;
                JsonNode outer = q.get("Symbol").get(q.get("Symbol").size() - 1);
                SourceLocation decl = s.declaration(addr);
                if (outer.get("StartLine").asLong() > 0 && (!outer.get("StartFileName").asText().equals(decl.file())
                        || outer.get("StartLine").asLong() != decl.line())) {
                    bad.add(q.get("Address").asText() + " declaration: want " + outer.get("StartFileName").asText()
                            + ":" + outer.get("StartLine").asLong() + ", got " + decl);
                }
            }
            if (!want.equals(got)) {
                bad.add(q.get("Address").asText() + "\n  want " + want + "\n  got  " + got);
            }
        }
        System.out.printf("SymbolizerTest %s: code %d/%d (%d inlined), data %d/%d%n", variant, codeOk, code, inlined,
                dataOk, data);
        bad.stream().limit(15).forEach(System.out::println);
        assertTrue(code >= (variant.equals("fat") ? 30 : 300), "enough code queries");
        assertEquals(List.of(), bad.stream().limit(15).toList(), variant + ": " + bad.size() + " answers differ");
    }
}
