package dev.hagfish.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.dwarf.AddressRange;
import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.dwarf.RealInputs;
import dev.hagfish.dwarf.TypeReader;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every subprogram and inlined subroutine DIE of every sample dSYM and i386 object carries the
 * same facts in hagfish's {@link Program} as llvm-dwarfdump-19 printed
 * (samples/expected/&lt;variant&gt;/functions.jsonl, made by samples/make-expected-functions.sh):
 * name, linkage name, declaration file and line, external, declaration and inline flags,
 * references, low pc and ranges, return and parameter types (by DIE, and by name where the two
 * renderings agree by construction), parameters, call sites and nesting; and every file-scope variable the same
 * facts as in variables.jsonl. Values found along DW_AT_specification / DW_AT_abstract_origin
 * are compared with the golden "resolved" values.
 */
class ProgramReaderTest {
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Integer> INLINE = Map.of("DW_INL_not_inlined", 0, "DW_INL_inlined", 1,
            "DW_INL_declared_not_inlined", 2, "DW_INL_declared_inlined", 3);

    private static DwarfSections dsym(String variant, String arch) throws IOException {
        Path p = SAMPLES.resolve("kernels/" + variant + "/kernel.dSYM/Contents/Resources/DWARF/kernel");
        return DwarfLoader.fromMachO(MachOFile.open(ByteSource.open(p), arch));
    }

    private static List<JsonNode> golden(Path file, String object) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = JSON.readTree(line);
            if (object == null || object.equals(n.path("object").asText())) {
                out.add(n);
            }
        }
        return out;
    }

    // ---- golden values (a missing key reads as null, false or an empty list) ----

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static long number(JsonNode n, String key, long absent) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? absent : v.asLong();
    }

    private static long die(JsonNode n, String key) {
        String s = text(n, key);
        return s == null ? -1 : Long.parseUnsignedLong(s.substring(2), 16);
    }

    /** The DIE's own values, or those found along its references when it has any. */
    private static JsonNode resolved(JsonNode n) {
        return n.has("resolved") ? n.get("resolved") : n;
    }

    private static String hex(OptionalLong v) {
        return v.isPresent() ? "0x" + Long.toHexString(v.getAsLong()) : null;
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private static String goldenHex(JsonNode n, String key) {
        String s = text(n, key);
        return s == null ? null : hex(Long.parseUnsignedLong(s.substring(2), 16));
    }

    private static List<String> goldenRanges(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.has("ranges")) {
            for (JsonNode r : n.get("ranges")) {
                out.add(hex(Long.parseUnsignedLong(r.get(0).asText().substring(2), 16)) + "-"
                        + hex(Long.parseUnsignedLong(r.get(1).asText().substring(2), 16)));
            }
        } else if (n.has("low_pc") && n.has("high_pc")) {
            out.add(goldenHex(n, "low_pc") + "-" + goldenHex(n, "high_pc"));
        }
        return out;
    }

    private static List<String> ranges(List<AddressRange> rs) {
        List<String> out = new ArrayList<>();
        for (AddressRange r : rs) {
            out.add(hex(r.low()) + "-" + hex(r.high()));
        }
        return out;
    }

    // ---- the compared facts ----

    private static Map<String, Object> wantFunction(JsonNode n) {
        JsonNode r = resolved(n);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", text(r, "name"));
        m.put("linkage_name", text(r, "linkage_name"));
        m.put("decl_file", text(r, "decl_file"));
        m.put("decl_line", number(r, "decl_line", 0));
        m.put("external", r.path("external").asBoolean());
        m.put("type", die(r, "type_die"));
        m.put("declaration", n.path("declaration").asBoolean());
        m.put("inline", n.has("inline") ? INLINE.get(text(n, "inline")) : 0);
        m.put("specification", die(n, "specification"));
        m.put("abstract_origin", die(n, "abstract_origin"));
        m.put("low_pc", goldenHex(n, "low_pc"));
        m.put("ranges", goldenRanges(n));
        List<String> params = new ArrayList<>();
        for (JsonNode p : n.path("parameters")) {
            JsonNode pr = resolved(p);
            params.add(text(p, "die") == null ? null : hex(die(p, "die")) + " " + text(pr, "name") + " "
                    + die(pr, "type_die") + " " + pr.path("artificial").asBoolean());
        }
        m.put("parameters", params);
        m.put("variadic", n.path("variadic").asBoolean());
        return m;
    }

    private static Map<String, Object> gotFunction(Function f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("linkage_name", f.linkageName());
        m.put("decl_file", f.declFile());
        m.put("decl_line", f.declLine());
        m.put("external", f.external());
        m.put("type", f.returnType());
        m.put("declaration", f.declaration());
        m.put("inline", f.inline());
        m.put("specification", f.specification());
        m.put("abstract_origin", f.abstractOrigin());
        m.put("low_pc", hex(f.lowPc()));
        m.put("ranges", ranges(f.ranges()));
        List<String> params = new ArrayList<>();
        for (Parameter p : f.parameters()) {
            params.add(hex(p.die()) + " " + p.name() + " " + p.type() + " " + p.artificial());
        }
        m.put("parameters", params);
        m.put("variadic", f.variadic());
        return m;
    }

    private static Map<String, Object> wantInlined(JsonNode n, Map<Long, JsonNode> inlinedByDie) {
        JsonNode r = resolved(n);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("origin", die(n, "abstract_origin"));
        m.put("name", text(r, "name"));
        m.put("linkage_name", text(r, "linkage_name"));
        m.put("decl_file", text(r, "decl_file"));
        m.put("decl_line", number(r, "decl_line", 0));
        m.put("call_file", text(n, "call_file"));
        m.put("call_line", number(n, "call_line", 0));
        m.put("call_column", number(n, "call_column", 0));
        m.put("low_pc", goldenHex(n, "low_pc"));
        m.put("ranges", goldenRanges(n));
        m.put("parent", die(n, "parent"));
        m.put("function", die(n, "function"));
        // The depth is known when the chain of parents in the golden lines reaches the function
        // (in a sampled file a parent may be missing: then it is not compared).
        int depth = 0;
        long parent = die(n, "parent");
        for (JsonNode p = inlinedByDie.get(parent); p != null; p = inlinedByDie.get(parent)) {
            depth++;
            parent = die(p, "parent");
        }
        if (parent == die(n, "function")) {
            m.put("depth", depth);
        }
        return m;
    }

    private static Map<String, Object> gotInlined(InlinedCall c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("origin", c.origin());
        m.put("name", c.name());
        m.put("linkage_name", c.linkageName());
        m.put("decl_file", c.declFile());
        m.put("decl_line", c.declLine());
        m.put("call_file", c.callFile());
        m.put("call_line", c.callLine());
        m.put("call_column", c.callColumn());
        m.put("low_pc", hex(c.lowPc()));
        m.put("ranges", ranges(c.ranges()));
        m.put("parent", c.parent());
        m.put("function", c.function());
        m.put("depth", c.depth());
        return m;
    }

    private static Map<String, Object> wantVariable(JsonNode n) {
        JsonNode r = resolved(n);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", text(r, "name"));
        m.put("linkage_name", text(r, "linkage_name"));
        m.put("type", die(r, "type_die"));
        m.put("decl_file", text(r, "decl_file"));
        m.put("decl_line", number(r, "decl_line", 0));
        m.put("external", r.path("external").asBoolean());
        m.put("declaration", n.path("declaration").asBoolean());
        m.put("address", goldenHex(n, "address"));
        m.put("specification", die(n, "specification"));
        m.put("scope", -1L);
        return m;
    }

    private static Map<String, Object> gotVariable(Variable v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("linkage_name", v.linkageName());
        m.put("type", v.type());
        m.put("decl_file", v.declFile());
        m.put("decl_line", v.declLine());
        m.put("external", v.external());
        m.put("declaration", v.declaration());
        m.put("address", hex(v.address()));
        m.put("specification", v.specification());
        m.put("scope", v.scope());
        return m;
    }

    /**
     * Compares a program with the golden lines of one object; returns the number of subprograms
     * compared. Type names are compared where llvm-dwarfdump's rendering and TypeNames' agree by
     * construction: see {@link #comparableTypeName}.
     */
    private static int compareFunctions(Program p, List<JsonNode> lines, TypeNames names, List<String> bad) {
        return compareFunctions(p, lines, names, bad, true);
    }

    /** As above; {@code complete} says the golden lines are all the object's, so the counts must agree. */
    private static int compareFunctions(Program p, List<JsonNode> lines, TypeNames names, List<String> bad,
            boolean complete) {
        Map<Long, JsonNode> inlinedByDie = new HashMap<>();
        int subprograms = 0;
        int inlined = 0;
        for (JsonNode n : lines) {
            if (n.get("tag").asText().equals("DW_TAG_inlined_subroutine")) {
                inlinedByDie.put(die(n, "die"), n);
            }
        }
        for (JsonNode n : lines) {
            long die = die(n, "die");
            Map<String, Object> want;
            Map<String, Object> got;
            if (n.get("tag").asText().equals("DW_TAG_subprogram")) {
                subprograms++;
                want = wantFunction(n);
                Optional<Function> f = p.function(die);
                got = f.map(ProgramReaderTest::gotFunction).orElse(null);
                if (f.isPresent()) {
                    typeName(resolved(n), f.get().returnType(), names, bad, "return type of " + hex(die));
                    int i = 0;
                    for (JsonNode param : n.path("parameters")) {
                        if (i < f.get().parameters().size()) {
                            typeName(resolved(param), f.get().parameters().get(i).type(), names, bad,
                                    "parameter " + i + " of " + hex(die));
                        }
                        i++;
                    }
                }
            } else {
                inlined++;
                want = wantInlined(n, inlinedByDie);
                got = p.inlinedCall(die).map(ProgramReaderTest::gotInlined).orElse(null);
                if (got != null && !want.containsKey("depth")) {
                    got.remove("depth");
                }
            }
            if (!want.equals(got)) {
                bad.add(hex(die) + "\n  want " + want + "\n  got  " + got);
            }
        }
        if (complete && (p.functions().size() != subprograms || p.inlinedCalls().size() != inlined)) {
            bad.add("hagfish has " + p.functions().size() + " functions and " + p.inlinedCalls().size()
                    + " inlined calls, llvm-dwarfdump " + subprograms + " and " + inlined);
        }
        return subprograms;
    }

    /**
     * Brings a type name into the spelling both renderings share: llvm-dwarfdump prints a
     * struct, union, class or enum type without its keyword ({@code proc *} where gdb and
     * TypeNames say {@code struct proc *}), no space before an array's brackets ({@code char[16]})
     * none between a star and the qualifier after it ({@code const char *const *}), and
     * {@code ()} for a prototyped function type without parameters, where gdb says {@code (void)}.
     */
    private static String spelling(String name) {
        return name.replaceAll("\\b(struct|union|enum|class) ", "").replace(" [", "[").replace("* const", "*const")
                .replace("* volatile", "*volatile").replace("(void)", "()");
    }

    /**
     * Compares the golden type name of a DIE with TypeNames' name of the type hagfish found,
     * where the two agree by construction. They do not for names that llvm-dwarfdump qualifies
     * with their namespace or class ({@code libkern::OSPtr<OSKext>}: TypeNames prints the
     * DW_AT_name alone), for anonymous types, for a {@code restrict}-qualified pointer (which
     * llvm-dwarfdump-19 prints as just {@code "restrict "}), and for an unnamed
     * DW_TAG_unspecified_type (llvm-dwarfdump prints {@code ""}, TypeNames {@code void}); there
     * the type DIE alone is compared (by the caller).
     */
    private static void typeName(JsonNode golden, long type, TypeNames names, List<String> bad, String what) {
        String want = text(golden, "type");
        if (want != null && (want.contains("::") || want.contains("(unnamed") || want.contains("(anonymous")
                || want.contains("restrict") || want.isEmpty())) {
            return;
        }
        String got = type == Type.VOID ? null : spelling(names.name(type));
        if (want == null ? got != null : !spelling(want).equals(got)) {
            bad.add(what + ": type name want " + want + ", got " + got);
        }
    }

    private static void assertNone(List<String> bad, String what) {
        assertEquals(List.of(), bad.subList(0, Math.min(bad.size(), 8)), what + ": " + bad.size() + " differences");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5"})
    void everyFunctionAndInlinedCallMatchesLlvmDwarfdump(String variant) throws IOException {
        DwarfSections dwarf = dsym(variant, null);
        Program p = ProgramReader.read(dwarf, 1);
        List<String> bad = new ArrayList<>();
        int n = compareFunctions(p, golden(SAMPLES.resolve("expected/" + variant + "/functions.jsonl"), null),
                new TypeNames(TypeReader.read(dwarf)), bad);
        assertNone(bad, variant);
        assertTrue(n > 250, variant + ": only " + n + " subprograms compared");
        assertTrue(p.inlinedCalls().size() > 150, variant + ": only " + p.inlinedCalls().size() + " inlined calls");
    }

    /** The fat dSYM's slices are the thin dSYMs (make-expected-functions.sh checked it with llvm-dwarfdump). */
    @ParameterizedTest
    @CsvSource({"x86_64, x86_64-dwarf4", "arm64, arm64-dwarf5"})
    void everyFunctionOfTheFatDsymMatchesLlvmDwarfdump(String arch, String thin) throws IOException {
        DwarfSections dwarf = dsym("fat", arch);
        Program p = ProgramReader.read(dwarf, 2);
        List<String> bad = new ArrayList<>();
        compareFunctions(p, golden(SAMPLES.resolve("expected/" + thin + "/functions.jsonl"), null),
                new TypeNames(TypeReader.read(dwarf)), bad);
        assertNone(bad, "fat " + arch);
    }

    @Test
    void everyFunctionOfTheI386ObjectsMatchesLlvmDwarfdump() throws IOException {
        int n = 0;
        try (var s = Files.list(SAMPLES.resolve("kernels/i386"))) {
            for (Path o : (Iterable<Path>) s.sorted()::iterator) {
                DwarfSections dwarf = DwarfLoader.fromMachO(MachOFile.parse(ByteSource.open(o)));
                Program p = ProgramReader.read(dwarf, 1);
                List<String> bad = new ArrayList<>();
                n += compareFunctions(p, golden(SAMPLES.resolve("expected/i386/functions.jsonl"),
                        "kernels/i386/" + o.getFileName()), new TypeNames(TypeReader.read(dwarf)), bad);
                assertNone(bad, o.getFileName().toString());
            }
        }
        assertTrue(n > 100, "only " + n + " subprograms compared");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5"})
    void everyFileScopeVariableMatchesLlvmDwarfdump(String variant) throws IOException {
        DwarfSections dwarf = dsym(variant, null);
        Program p = ProgramReader.read(dwarf, 1);
        TypeNames names = new TypeNames(TypeReader.read(dwarf));
        Map<Long, Variable> byDie = new HashMap<>();
        for (Variable v : p.variables()) {
            byDie.put(v.die(), v);
        }
        List<String> bad = new ArrayList<>();
        List<JsonNode> lines = golden(SAMPLES.resolve("expected/" + variant + "/variables.jsonl"), null);
        for (JsonNode n : lines) {
            Variable v = byDie.get(die(n, "die"));
            Map<String, Object> want = wantVariable(n);
            Map<String, Object> got = v == null ? null : gotVariable(v);
            if (!want.equals(got)) {
                bad.add(n.get("die").asText() + "\n  want " + want + "\n  got  " + got);
            } else {
                typeName(resolved(n), v.type(), names, bad, "type of " + n.get("die").asText());
            }
            if (v != null && v.address().isPresent()) {
                assertTrue(p.variablesAt(v.address().getAsLong()).contains(v));
            }
        }
        // The samples have no function-scope statics and no file-scope declarations.
        assertEquals(lines.size(), p.variables().size(), variant + ": variables kept");
        assertNone(bad, variant);
        assertTrue(lines.size() > 150, variant + ": only " + lines.size() + " variables");
    }

    /**
     * Real third-party DWARF (Debian's libc6-dbg, gcc DWARF 5 with .debug_rnglists and
     * subprograms split into several ranges; Go's testdata): the golden lines of
     * samples/expected/real/&lt;id&gt;.functions.jsonl (for libc a sample, see
     * make-expected-functions.sh). Skipped outside CI when the package is not installed.
     */
    @TestFactory
    Stream<DynamicTest> everyFunctionOfTheRealFilesMatchesLlvmDwarfdump() throws IOException {
        return RealInputs.all().stream().filter(in -> Files.exists(in.golden("functions.jsonl")))
                .map(in -> DynamicTest.dynamicTest(in.id(), () -> {
                    DwarfSections dwarf = RealInputs.dwarf(in);
                    Program p = ProgramReader.read(dwarf, 2);
                    List<JsonNode> lines = golden(in.golden("functions.jsonl"), null);
                    List<String> bad = new ArrayList<>();
                    boolean complete = !in.id().equals("libc6-dbg-libc");
                    compareFunctions(p, lines, new TypeNames(TypeReader.read(dwarf)), bad, complete);
                    assertNone(bad, in.id());
                    assertTrue(!lines.isEmpty(), in.id() + ": no golden lines");
                }));
    }

    /** The lookups agree with the lists they index. */
    @Test
    void lookupsByNameAndAddress() throws IOException {
        Program p = ProgramReader.read(dsym("x86_64-dwarf4", null), 1);
        List<Function> iterate = p.functionsNamed("proc_iterate");
        assertEquals(2, iterate.size()); // the definition, and a prototype in another unit
        assertTrue(iterate.get(1).declaration() && !iterate.get(1).hasCode());
        Function f = iterate.get(0);
        assertTrue(f.hasCode() && f.external() && !f.declaration());
        long low = f.lowestAddress().getAsLong();
        assertEquals(Optional.of(f), p.functionAt(low));
        assertEquals(Optional.of(f), p.functionAt(f.ranges().get(0).high() - 1));
        for (Function g : p.functions()) {
            for (AddressRange r : g.ranges()) {
                if (!r.isEmpty()) {
                    assertEquals(Optional.of(g), p.functionAt(r.low()), g.name());
                }
            }
        }
        for (InlinedCall c : p.inlinedCalls()) {
            for (AddressRange r : c.ranges()) {
                if (r.isEmpty()) {
                    continue;
                }
                List<InlinedCall> chain = p.inlinedAt(r.low());
                assertTrue(chain.contains(c), hex(c.die()));
                InlinedCall outer = chain.get(chain.size() - 1);
                assertEquals(0, outer.depth());
                assertEquals(outer.function(), outer.parent());
                assertEquals(chain.get(0).depth() + 1, chain.size());
                assertEquals(Optional.of(c.function()), p.functionAt(r.low()).map(Function::die));
            }
        }
        assertTrue(p.functionsNamed("_ZN6OSKext12sLoadedKextsE").isEmpty());
        assertEquals(1, p.variablesNamed("_ZN6OSKext12sLoadedKextsE").size());
        assertEquals(p.variablesNamed("sLoadedKexts"), p.variablesNamed("_ZN6OSKext12sLoadedKextsE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf5", "arm64-dwarf5"})
    void oneThreadAndTwoThreadsReadTheSameProgram(String variant) throws IOException {
        DwarfSections dwarf = dsym(variant, null);
        Program one = ProgramReader.read(dwarf, 1);
        Program two = ProgramReader.read(dwarf, 2);
        assertEquals(one.functions(), two.functions());
        assertEquals(one.inlinedCalls(), two.inlinedCalls());
        assertEquals(one.variables(), two.variables());
    }
}
