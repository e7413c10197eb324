package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code hagfish report} in its four formats on every sample kernel, from the index: the JSON
 * conforms to its schema and its sizes and offsets equal llvm-dwarfdump's (the variant's
 * types.jsonl); the text holds pahole's own text for every struct pahole prints right
 * (samples/expected/pahole); the Markdown has a table per struct; the HTML is one file that
 * fetches nothing and carries every struct.
 */
class ReportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static Stream<String> variants() {
        return SampleStores.VARIANTS.stream();
    }

    private static String uuid(String variant) throws IOException {
        Matcher m = Pattern.compile("UUID: (\\S+)").matcher(Files.readString(Golden.expected(variant + "/uuid.txt")));
        assertTrue(m.find(), variant);
        return m.group(1);
    }

    private static CliRun report(String variant, String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("report", "--index", SampleStores.all(), "--kernel", uuid(variant)));
        a.addAll(List.of(args));
        return CliRun.of(a.toArray(String[]::new));
    }

    static JsonNode schema(String name) throws IOException {
        try (InputStream in = dev.hagfish.report.JsonReport.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        }
    }

    /** The first top-level definition of each struct, union and class llvm-dwarfdump shows, by C name. */
    private static Map<String, JsonNode> dwarfdump(String variant) throws IOException {
        Map<String, JsonNode> out = new HashMap<>();
        Map<String, String> kinds = Map.of("DW_TAG_structure_type", "struct ", "DW_TAG_union_type", "union ",
                "DW_TAG_class_type", "class ");
        for (String l : Files.readAllLines(Golden.expected(variant + "/types.jsonl"))) {
            JsonNode t = JSON.readTree(l);
            String kw = kinds.get(t.get("tag").asText());
            if (kw != null && !t.path("name").isNull() && !t.path("declaration").asBoolean() && !t.has("parent")) {
                out.putIfAbsent(kw + t.get("name").asText(), t);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void jsonConformsToItsSchemaAndAgreesWithLlvmDwarfdump(String variant) throws IOException {
        CliRun r = report(variant, "--format", "json", "--reorganize");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(List.of(), SchemaCheck.errors(schema("report.schema.json"), doc));
        assertEquals(uuid(variant), doc.get("kernel").get("uuid").asText());
        Map<String, JsonNode> facts = dwarfdump(variant);
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (JsonNode s : doc.get("structs")) {
            JsonNode t = facts.get(s.get("name").asText());
            if (t == null) {
                continue; // C++ names qualified by scope (libkern::OSPtr<...>)
            }
            checked++;
            if (t.get("byte_size").asLong() != s.get("size").asLong()) {
                bad.add(s.get("name") + ": size " + s.get("size") + ", llvm-dwarfdump " + t.get("byte_size"));
            }
            Map<String, JsonNode> rows = new LinkedHashMap<>();
            s.get("members").forEach(m -> rows.put(m.get("name").asText(), m));
            for (JsonNode m : t.get("members")) {
                JsonNode row = m.get("name").isNull() ? null : rows.get(m.get("name").asText());
                if (row == null || m.path("static").asBoolean()) {
                    continue;
                }
                if (m.get("bit_size").isNull() && m.get("data_member_location").isIntegralNumber()
                        && m.get("data_member_location").asLong() != row.get("offset").asLong()) {
                    bad.add(s.get("name") + "." + m.get("name") + ": offset " + row.get("offset") + ", llvm-dwarfdump "
                            + m.get("data_member_location"));
                }
                if (!m.get("data_bit_offset").isNull() && m.get("data_bit_offset").asLong() != row.get("bit_offset").asLong()) {
                    bad.add(s.get("name") + "." + m.get("name") + ": bit " + row.get("bit_offset") + ", llvm-dwarfdump "
                            + m.get("data_bit_offset"));
                }
            }
        }
        assertTrue(checked > 30, variant + ": " + checked + " structs checked");
        assertEquals(List.of(), bad);
        JsonNode sum = doc.get("summary");
        assertEquals(doc.get("structs").size(), sum.get("structs").asInt() + sum.get("unions").asInt()
                + sum.get("classes").asInt());
        assertTrue(sum.get("reorganize").get("saved").asInt() >= 3, sum.toString());
    }

    /** pahole's answers of a sample golden, without those where pahole prints its nested type blocks. */
    private static Map<String, String> paholeBlocks(String golden) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        String asked = null;
        StringBuilder cur = new StringBuilder();
        for (String l : Files.readAllLines(Golden.expected("pahole/" + golden + ".txt"))) {
            if (l.startsWith("==== ")) {
                if (asked != null) {
                    out.put(asked, cur.toString());
                }
                asked = l.substring(5);
                cur = new StringBuilder();
            } else {
                cur.append(l).append('\n');
            }
        }
        out.put(asked, cur.toString());
        out.entrySet().removeIf(e -> e.getKey().startsWith("enum ") || e.getKey().startsWith("typedef ") || Pattern.compile("(?m)^\t+};$").matcher(e.getValue()).find());
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void textHoldsPaholesTextAndASummary(String variant) throws IOException {
        CliRun r = report(variant);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("/* hagfish report: kernel " + uuid(variant)), r.out().lines().findFirst().orElse(""));
        assertTrue(r.out().contains("\n== summary: kernel " + uuid(variant)));
        if (variant.endsWith("-v2")) {
            return; // pahole was not asked about the second build
        }
        Map<String, String> pahole = paholeBlocks(variant);
        assertTrue(pahole.size() > 20, variant + ": " + pahole.size());
        List<String> missing = new ArrayList<>();
        pahole.forEach((k, v) -> {
            if (!r.out().contains("\n" + v)) {
                missing.add(k);
            }
        });
        assertEquals(List.of(), missing, "structs whose pahole text is not in the report");
    }

    @Test
    void textWithOtherCachelinesHoldsPahole_c() throws IOException {
        // pahole -c 32 (samples/expected/pahole/x86_64-dwarf4-cacheline32.txt)
        CliRun r = report("x86_64-dwarf4", "--cacheline", "32");
        assertEquals(0, r.exitCode(), r.err());
        List<String> missing = new ArrayList<>();
        paholeBlocks("x86_64-dwarf4-cacheline32").forEach((k, v) -> {
            if (!r.out().contains("\n" + v)) {
                missing.add(k);
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void expandShowsNestedStructsInPlace() throws IOException {
        // struct layout_contains_aligned { char c; struct layout_aligned64 inner; char d; }: inner
        // at 64 holds head (uint32_t, 64) and body (char [20], 68).
        CliRun r = report("x86_64-dwarf4", "--types", "layout_contains_aligned", "--expand");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\tstruct layout_aligned64 {\n"
                + "\t\tuint32_t           head;                 /*    64     4 */\n"
                + "\t\tchar               body[20];             /*    68    20 */\n"), r.out());
        JsonNode doc = JSON.readTree(report("x86_64-dwarf4", "--types", "layout_contains_aligned", "--expand", "--json").out());
        JsonNode inner = doc.get("structs").get(0).get("members").get(1);
        assertEquals("inner", inner.get("name").asText());
        assertEquals(List.of("head", "body"), List.of(inner.get("members").get(0).get("name").asText(),
                inner.get("members").get(1).get("name").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void markdownHasATablePerStruct(String variant) throws IOException {
        CliRun json = report(variant, "--json");
        int structs = JSON.readTree(json.out()).get("structs").size();
        CliRun r = report(variant, "--format", "md");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(structs, r.out().split("\n## ", -1).length - 1 - 3, "struct headings (and 3 summary ones)");
        assertEquals(structs, count(r.out(), "| offset | size | bits | member | type | note |"));
        assertTrue(r.out().contains("# Summary"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void htmlIsOneFileThatFetchesNothing(String variant) throws IOException {
        Path out = tmp.resolve(variant + ".html");
        CliRun r = report(variant, "--format", "html", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("wrote the html report of"), r.err());
        assertEquals("", r.out());
        String html = Files.readString(out);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        for (String remote : List.of("http://", "https://", "<link", " src=", "fetch(", "import(", "XMLHttpRequest", "url(")) {
            assertFalse(html.contains(remote), variant + ": the page mentions " + remote);
        }
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"hf-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find());
        int structs = JSON.readTree(report(variant, "--json").out()).get("structs").size();
        assertEquals(structs, JSON.readTree(m.group(1)).size());
    }

    @Test
    void reorganizeShowsTheNewLayoutInPaholesStyle() throws IOException {
        CliRun r = report("x86_64-dwarf4", "--types", "holey", "--reorganize");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("/* reorganized: 16 bytes saved (48 -> 32) */\nstruct holey {\n"
                + "\tlong                       l;                    /*     0     8 */\n"
                + "\tvoid *                     p;                    /*     8     8 */\n"), r.out());
        assertTrue(r.out().contains("\t/* size: 32, cachelines: 1, members: 7 */\n\t/* padding: 7 */\n"), r.out());
    }

    @Test
    void globSelectsAndErrorsAreOneLine() throws IOException {
        CliRun r = report("x86_64-dwarf4", "--types", "layout_*", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("layout_*", doc.get("selection").asText());
        doc.get("structs").forEach(s -> assertTrue(s.get("name").asText().matches("(struct|union) layout_.*"), s.get("name").asText()));
        // layouts.c defines 13 of them: union layout_value, layout_anon, _base, _qualifiers, _funcs,
        // _arrays, _flex, _bits, _packed_bits, _packed, _aligned64, _contains_aligned, _node.
        assertEquals(13, doc.get("structs").size());
        CliRun none = report("x86_64-dwarf4", "--types", "no_such_*");
        assertEquals(ExitCodes.NOT_FOUND, none.exitCode());
        assertEquals(1, none.err().strip().lines().count(), none.err());
        CliRun fmt = report("x86_64-dwarf4", "--format", "pdf");
        assertEquals(ExitCodes.USAGE, fmt.exitCode());
        CliRun both = report("x86_64-dwarf4", "--all", "--types", "x");
        assertEquals(ExitCodes.USAGE, both.exitCode());
        CliRun schema = CliRun.of("report", "--schema");
        assertEquals(0, schema.exitCode());
        assertEquals(schema("report.schema.json"), JSON.readTree(schema.out()));
    }

    @Test
    void theFatKernelsSlicesReportToo() throws IOException {
        String store = tmp.resolve("fat").toString();
        for (String arch : List.of("x86_64", "arm64")) {
            CliRun i = CliRun.of("index", SampleStores.kernel("fat").toString(), "--arch", arch, "--index", store);
            assertEquals(0, i.exitCode(), i.err());
        }
        for (String variant : List.of("x86_64-dwarf4", "arm64-dwarf5")) {
            CliRun r = CliRun.of("report", "--index", store, "--kernel", uuid(variant), "--json");
            assertEquals(0, r.exitCode(), r.err());
            JsonNode fat = JSON.readTree(r.out());
            JsonNode thin = JSON.readTree(report(variant, "--json").out());
            assertTrue(fat.get("kernel").get("path").asText().endsWith("kernels/fat/kernel"));
            assertEquals(thin.get("structs"), fat.get("structs"));
            assertEquals(thin.get("summary"), fat.get("summary"));
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
