package dev.hagfish.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.types.Layout;
import dev.hagfish.types.Member;
import dev.hagfish.types.SourceLocation;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The {@link TypeGraph} that {@link TypeReader} builds from every sample dSYM and i386 object
 * equals llvm-dwarfdump-19's facts (samples/expected/&lt;variant&gt;/types.jsonl) type by type:
 * kind, name, size, alignment, declaration and its file:line, members with their normalised
 * bit offsets, static members, bases, enumerators (signed and unsigned) and typedef targets.
 * Declarations resolve to the definitions dwarfdump shows, and the types our graph calls
 * identical are exactly those whose dwarfdump facts are identical. The graph merges the type DIEs
 * that several units repeat into one type, so a DIE dwarfdump names as a member's type (or a
 * typedef's target) is compared through the type that stands for it, {@link #rep}.
 */
class TypeReaderTest {
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    static TypeGraph graph(String variant) throws IOException {
        Path p = SAMPLES.resolve("kernels/" + variant + "/kernel.dSYM/Contents/Resources/DWARF/kernel");
        return TypeReader.read(DwarfLoader.fromMachO(MachOFile.parse(ByteSource.open(p))), 2);
    }

    static List<JsonNode> golden(String variant) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("expected/" + variant + "/types.jsonl"))) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    static long die(JsonNode n) {
        return n == null || n.isNull() ? Type.VOID : Long.parseLong(n.asText().substring(2), 16);
    }

    /** The id of the type of the graph that stands for the DIE at {@code die} (its own id if none). */
    static long rep(TypeGraph g, long die) {
        return g.contains(die) ? g.get(die).id() : die;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static long num(JsonNode n, long absent) {
        return n == null || n.isNull() ? absent : n.asLong();
    }

    /** The bit offset DWARF's rules give for a golden member. */
    static long expectedBitOffset(JsonNode m) {
        if (m.get("data_bit_offset").isNumber()) {
            return m.get("data_bit_offset").asLong();
        }
        long loc = num(m.get("data_member_location"), 0) * 8;
        if (m.get("bit_offset").isNumber()) {
            assertTrue(m.has("byte_size"), "DWARF 2/3 bit-field without DW_AT_byte_size: " + m);
            return loc + m.get("byte_size").asLong() * 8 - m.get("bit_offset").asLong() - m.get("bit_size").asLong();
        }
        return loc;
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5"})
    void everyTypeEqualsDwarfdump(String variant) throws IOException {
        check(graph(variant), golden(variant), variant);
    }

    @Test
    void everyTypeOfTheI386ObjectsEqualsDwarfdump() throws IOException {
        Map<String, List<JsonNode>> byObject = new TreeMap<>();
        for (JsonNode t : golden("i386")) {
            byObject.computeIfAbsent(t.get("object").asText(), k -> new ArrayList<>()).add(t);
        }
        assertEquals(4, byObject.size());
        for (var e : byObject.entrySet()) {
            MachOFile f = MachOFile.parse(ByteSource.open(SAMPLES.resolve(e.getKey())));
            check(TypeReader.read(DwarfLoader.fromMachO(f)), e.getValue(), e.getKey());
        }
    }

    private static void check(TypeGraph g, List<JsonNode> golden, String where) {
        List<String> diffs = new ArrayList<>();
        for (JsonNode t : golden) {
            long id = die(t.get("die"));
            String at = where + " " + t.get("die").asText() + " " + t.path("name").asText();
            Type ours = g.get(id);
            String tag = t.get("tag").asText();
            String name = text(t.get("name"));
            String ourName = TypeGraph.nameOf(ours);
            if (ourName != null && t.has("parent") && ourName.contains("::")) {
                ourName = ourName.substring(ourName.lastIndexOf("::") + 2); // C++ scope qualification
            }
            check(diffs, at + " name", name, ourName);
            SourceLocation loc = g.location(id);
            check(diffs, at + " decl", text(t.get("decl_file")) + ":" + num(t.get("decl_line"), 0),
                    loc.file() + ":" + loc.line());
            switch (tag) {
                case "DW_TAG_structure_type", "DW_TAG_class_type", "DW_TAG_union_type" -> {
                    if (!(ours instanceof Type.Struct s)) {
                        diffs.add(at + ": not a struct: " + ours);
                        continue;
                    }
                    check(diffs, at + " kind", tag.substring(7, 12).toUpperCase().replace("STRUC", "STRUCT"),
                            s.kind().name());
                    check(diffs, at + " size", num(t.get("byte_size"), -1), s.byteSize());
                    check(diffs, at + " declaration", t.get("declaration").asBoolean(), s.declaration());
                    check(diffs, at + " alignment", num(t.get("alignment"), 0), s.alignment());
                    List<String> members = new ArrayList<>();
                    List<String> statics = new ArrayList<>();
                    for (JsonNode m : t.get("members")) {
                        if (m.path("static").asBoolean()) {
                            statics.add(text(m.get("name")) + "=" + rep(g, die(m.get("type_die"))));
                        } else {
                            members.add(text(m.get("name")) + "=" + rep(g, die(m.get("type_die"))) + "@"
                                    + expectedBitOffset(m) + ":" + num(m.get("bit_size"), 0));
                        }
                    }
                    List<String> ourMembers = new ArrayList<>();
                    for (Member m : s.members()) {
                        ourMembers.add(m.name() + "=" + m.type() + "@" + m.bitOffset() + ":" + m.bitSize());
                    }
                    List<String> ourStatics = s.statics().stream().map(x -> x.name() + "=" + x.type()).toList();
                    check(diffs, at + " members", members, ourMembers);
                    check(diffs, at + " statics", statics, ourStatics);
                    List<String> bases = new ArrayList<>();
                    for (JsonNode b : t.path("inheritance")) {
                        bases.add(rep(g, die(b.get("type_die"))) + "@" + num(b.get("data_member_location"), -1)
                                + (b.get("virtual").asBoolean() ? " virtual" : ""));
                    }
                    check(diffs, at + " bases", bases, s.bases().stream()
                            .map(b -> b.type() + "@" + b.byteOffset() + (b.virtual() ? " virtual" : "")).toList());
                }
                case "DW_TAG_enumeration_type" -> {
                    if (!(ours instanceof Type.Enum e)) {
                        diffs.add(at + ": not an enum: " + ours);
                        continue;
                    }
                    check(diffs, at + " size", num(t.get("byte_size"), -1), e.byteSize());
                    check(diffs, at + " underlying", rep(g, die(t.get("type_die"))), e.underlying());
                    List<String> values = new ArrayList<>();
                    boolean negative = false;
                    for (JsonNode x : t.get("enumerators")) {
                        values.add(x.get("name").asText() + "=" + x.get("value").asText());
                        negative |= x.get("value").asText().startsWith("-");
                    }
                    check(diffs, at + " enumerators", values, e.enumerators().stream()
                            .map(x -> x.name() + "=" + (e.signed() ? Long.toString(x.value())
                                    : Long.toUnsignedString(x.value()))).toList());
                    if (negative) {
                        check(diffs, at + " signed", true, e.signed());
                    }
                }
                default -> {
                    if (!(ours instanceof Type.Typedef d)) {
                        diffs.add(at + ": not a typedef: " + ours);
                        continue;
                    }
                    check(diffs, at + " target", rep(g, die(t.get("type_die"))), d.target());
                }
            }
        }
        assertEquals(List.of(), diffs, diffs.size() + " differences in " + where);
    }

    private static void check(List<String> diffs, String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            diffs.add(what + ": dwarfdump " + expected + ", hagfish " + actual);
        }
    }

    /** DWARF 2 bit_offset, DWARF 4 data_bit_offset and DWARF 5 give one layout for every struct. */
    @Test
    void everyDwarfVersionGivesTheSameLayouts() throws IOException {
        Map<String, String> first = null;
        for (String v : List.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5")) {
            TypeGraph g = graph(v);
            Map<String, String> layouts = new TreeMap<>();
            for (Type t : g.distinct()) {
                if (t instanceof Type.Struct s && !s.declaration()) {
                    StringBuilder b = new StringBuilder();
                    for (Layout.Slot x : Layout.of(g, s).slots()) {
                        // DW_TAG_restrict_type is DWARF 3: clang drops restrict when asked for DWARF 2.
                        b.append(x.name()).append(' ').append(x.typeName().replace(" restrict", "")).append(' ').append(x.bitOffset())
                                .append(':').append(x.bitSize()).append('/').append(x.byteSize()).append(';');
                    }
                    layouts.merge(s.name(), b.toString(), (a, c) -> a.equals(c) ? a : a + " | " + c);
                }
            }
            assertTrue(layouts.size() > 40, v + " has " + layouts.size() + " structs");
            if (first == null) {
                first = layouts;
            } else {
                List<String> diffs = new ArrayList<>();
                for (String name : first.keySet()) {
                    if (!first.get(name).equals(layouts.get(name))) {
                        diffs.add(name + ": " + first.get(name) + " vs " + layouts.get(name));
                    }
                }
                assertEquals(first.keySet(), layouts.keySet(), v);
                assertEquals(List.of(), diffs, v);
            }
        }
    }

    /** A declaration resolves to the definition dwarfdump shows for its name, in any unit. */
    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf5", "arm64-dwarf5"})
    void declarationsResolveToTheirDefinitions(String variant) throws IOException {
        TypeGraph g = graph(variant);
        Map<String, List<Long>> defined = new HashMap<>();
        List<JsonNode> declared = new ArrayList<>();
        for (JsonNode t : golden(variant)) {
            if (!t.get("tag").asText().equals("DW_TAG_typedef") && t.get("name").isTextual()) {
                String key = t.get("tag").asText() + " " + t.get("name").asText();
                if (t.get("declaration").asBoolean()) {
                    declared.add(t);
                } else {
                    defined.computeIfAbsent(key, k -> new ArrayList<>()).add(die(t.get("die")));
                }
            }
        }
        int resolved = 0;
        for (JsonNode t : declared) {
            Type decl = g.get(die(t.get("die")));
            Type def = g.definition(decl);
            List<Long> candidates = defined.get(t.get("tag").asText() + " " + t.get("name").asText());
            if (candidates == null) {
                assertEquals(decl, def, "nothing defines " + t.get("name"));
            } else {
                assertTrue(candidates.contains(def.id()), t.get("name") + " resolved to " + def.id());
                resolved++;
            }
        }
        assertTrue(resolved > 0, "no declaration of " + variant + " has a definition");
    }

    /** Types our graph calls identical are exactly the named types whose dwarfdump facts are equal. */
    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf4", "arm64-dwarf5"})
    void identicalTypesAcrossUnitsAreOneType(String variant) throws IOException {
        TypeGraph g = graph(variant);
        Map<String, List<Long>> goldenClasses = new LinkedHashMap<>();
        for (JsonNode t : golden(variant)) {
            if (t.get("name").isNull() || t.get("tag").asText().equals("DW_TAG_typedef")) {
                continue;
            }
            JsonNode facts = t.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) facts).remove(List.of("cu", "die", "decl_file",
                    "decl_line", "parent", "type_die", "alignment"));
            for (JsonNode m : facts.path("members")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) m).remove("type_die");
            }
            for (JsonNode m : facts.path("inheritance")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) m).remove("type_die");
            }
            goldenClasses.computeIfAbsent(facts.toString(), k -> new ArrayList<>()).add(die(t.get("die")));
        }
        Map<Long, List<Long>> ours = new TreeMap<>();
        for (List<Long> members : goldenClasses.values()) {
            for (long id : members) {
                ours.computeIfAbsent(g.canonical(id), k -> new ArrayList<>()).add(id);
            }
        }
        List<List<Long>> expected = goldenClasses.values().stream().map(l -> l.stream().sorted().toList())
                .sorted((a, b) -> Long.compare(a.get(0), b.get(0))).toList();
        List<List<Long>> actual = ours.values().stream().map(l -> l.stream().sorted().toList())
                .sorted((a, b) -> Long.compare(a.get(0), b.get(0))).toList();
        assertEquals(expected, actual);
        assertTrue(expected.stream().anyMatch(l -> l.size() > 1), "no type is repeated across units");
        assertFalse(g.distinct().isEmpty());
    }
}
