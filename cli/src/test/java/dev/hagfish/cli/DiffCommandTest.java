package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code hagfish diff} between the two builds of the sample kernel: kernels/x86_64-dwarf4 and
 * kernels/x86_64-dwarf4-v2, which build.sh makes from samples/kernel with samples/kernel-v2.patch
 * applied. The expected changes are written here by hand from that patch; the set of changed
 * types and every offset are cross-checked with llvm-dwarfdump's facts of both builds
 * (expected/x86_64-dwarf4/types.jsonl and expected/x86_64-dwarf4-v2/types.jsonl).
 */
class DiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String uuid(String variant) throws IOException {
        Matcher m = Pattern.compile("UUID: (\\S+)").matcher(Files.readString(Golden.expected(variant + "/uuid.txt")));
        assertTrue(m.find());
        return m.group(1);
    }

    private static CliRun diff(String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("diff", uuid("x86_64-dwarf4"), uuid("x86_64-dwarf4-v2"), "--index",
                SampleStores.all()));
        a.addAll(List.of(args));
        return CliRun.of(a.toArray(String[]::new));
    }

    /** One line per changed type and per member or enumerator change, as this test states them. */
    private static List<String> lines(JsonNode doc) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : doc.get("changes")) {
            out.add(t.get("name").asText() + ": " + t.get("change").asText() + " [" + t.get("impact").asText() + "] "
                    + t.get("size_a") + " -> " + t.get("size_b") + (t.get("kind").asText().equals("typedef")
                            ? ", typedef of " + t.get("target_a").asText() + " -> " + t.get("target_b").asText() : ""));
            for (JsonNode m : t.get("members")) {
                List<String> what = new ArrayList<>();
                m.get("changes").forEach(c -> what.add(c.asText()));
                out.add("  " + m.get("name").asText() + " " + String.join(",", what) + " " + m.get("offset_a") + " -> "
                        + m.get("offset_b") + ", " + m.get("type_a").asText() + " -> " + m.get("type_b").asText());
            }
            for (JsonNode e : t.get("enumerators")) {
                out.add("  " + e.get("name").asText() + " " + e.get("change").asText() + " " + e.get("value_a").asText()
                        + " -> " + e.get("value_b").asText());
            }
        }
        return out;
    }

    @Test
    void findsExactlyThePatchsChangesByImpact() throws IOException {
        CliRun r = diff("--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(List.of(), SchemaCheck.errors(ReportCommandTest.schema("diff.schema.json"), doc));
        // From kernel-v2.patch, by hand (LP64):
        // - struct holey loses c2 (char @16): i, s, p and c3 move from 20, 24, 32, 40 to 16, 20, 24,
        //   32 and the size goes from 48 to 40 (33 bytes of members, rounded to 8);
        // - struct proc gains uint32_t p_memstat_state after p_flag (@100..103): it lands at 104,
        //   the bit-field word and the four ints up to p_xstat move up by 4, into the 4-byte hole
        //   that was before struct timeval p_start (8-aligned, @128), so p_start and what follows
        //   stay and the size stays 248;
        // - struct layout_flex declares flags before count: they swap 0 and 4;
        // - struct layout_aligned64's body grows from char[20] to char[28], still inside its 64 bytes;
        // - struct layout_base's id goes from int to long: 8 bytes, where the hole before label was;
        // - enum layout_signed's LAYOUT_POS goes from 7 to 8; enum layout_unsigned gains LAYOUT_U_TWO;
        // - struct layout_packed_bits is gone, struct layout_v2_stats (8 + 4 + 2, 16 bytes) is new;
        // - typedef integer_t goes from int32_t to int64_t (4 -> 8 bytes), and the typedef int64_t
        //   is new (it was not used before): struct task's priority (after int suspend_count
        //   @88) becomes 8-aligned at 96 instead of 92, max_priority follows at 104, and every
        //   member after it moves 8 bytes (total_user_time 104 -> 112 ... t_flags 136 -> 144), so
        //   148 bytes round to 152 (was 144);
        // - layout_color_t, an anonymous enum behind a typedef, has LAYOUT_ALPHA 7 (was 6).
        // Ranked by impact, then size change (task's +8 and holey's -8 before integer_t's +4,
        // task with 7 member changes before holey with 5), then changes, then name.
        List<String> expected = List.of(
                "struct task: changed [size] 144 -> 152",
                "  priority moved,resized 92 -> 96, integer_t -> integer_t",
                "  max_priority moved,resized 96 -> 104, integer_t -> integer_t",
                "  total_user_time moved 104 -> 112, uint64_t -> uint64_t",
                "  total_system_time moved 112 -> 120, uint64_t -> uint64_t",
                "  bsd_info moved 120 -> 128, void * -> void *",
                "  task_uniqueid moved 128 -> 136, uint64_t -> uint64_t",
                "  t_flags moved 136 -> 144, uint32_t -> uint32_t",
                "struct holey: changed [size] 48 -> 40",
                "  i moved 20 -> 16, int -> int",
                "  s moved 24 -> 20, short -> short",
                "  p moved 32 -> 24, void * -> void *",
                "  c3 moved 40 -> 32, char -> char",
                "  c2 removed 16 -> null, char -> null",
                "integer_t: changed [size] 4 -> 8, typedef of int32_t -> int64_t",
                "struct proc: changed [layout] 248 -> 248",
                "  p_memstat_state added null -> 104, null -> uint32_t",
                "  p_lflag_exit moved 104 -> 108, unsigned int -> unsigned int",
                "  p_lflag_traced moved 104 -> 108, unsigned int -> unsigned int",
                "  p_lflag_invfork moved 104 -> 108, unsigned int -> unsigned int",
                "  p_lflag_term moved 104 -> 108, unsigned int -> unsigned int",
                "  p_lflag_refwait moved 104 -> 108, unsigned int -> unsigned int",
                "  p_lflag_iopol moved 104 -> 108, unsigned int -> unsigned int",
                "  p_lflag_nice moved 105 -> 109, int -> int",
                "  p_lflag_spare moved 105 -> 109, unsigned int -> unsigned int",
                "  p_refcount moved 108 -> 112, int -> int",
                "  p_childrencnt moved 112 -> 116, int -> int",
                "  p_oppid moved 116 -> 120, pid_t -> pid_t",
                "  p_xstat moved 120 -> 124, u_int -> u_int",
                "struct layout_flex: changed [layout] 8 -> 8",
                "  flags moved 4 -> 0, uint32_t -> uint32_t",
                "  count moved 0 -> 4, uint32_t -> uint32_t",
                "struct layout_aligned64: changed [layout] 64 -> 64",
                "  body retyped,resized 4 -> 4, char [20] -> char [28]",
                "struct layout_base: changed [layout] 16 -> 16",
                "  id retyped,resized 0 -> 0, int -> long",
                "enum layout_signed: changed [values] 4 -> 4",
                "  LAYOUT_POS value 7 -> 8",
                "layout_color_t: changed [values] 4 -> 4",
                "  LAYOUT_ALPHA value 6 -> 7",
                "struct layout_packed_bits: removed [removed] 11 -> null",
                "enum layout_unsigned: changed [added] 4 -> 4",
                "  LAYOUT_U_TWO added null -> 2",
                "int64_t: added [added] null -> 8, typedef of null -> long long",
                "struct layout_v2_stats: added [added] null -> 16");
        assertEquals(String.join("\n", expected), String.join("\n", lines(doc)));
        JsonNode s = doc.get("summary");
        assertEquals(10, s.get("changed").asInt());
        assertEquals(2, s.get("added").asInt());
        assertEquals(1, s.get("removed").asInt());
        assertEquals(3, s.get("size_changed").asInt());
        assertEquals(s.get("types_a").asInt() - 11, s.get("unchanged").asInt());
        assertEquals(uuid("x86_64-dwarf4"), doc.get("a").get("uuid").asText());
        assertEquals(uuid("x86_64-dwarf4-v2"), doc.get("b").get("uuid").asText());
        assertTrue(doc.get("a").get("version").asText().contains("11.3.0"));
        assertTrue(doc.get("b").get("version").asText().contains("11.4.0"));
    }

    /**
     * Each top-level named struct, union, enum and typedef of a build, as llvm-dwarfdump describes
     * it, by C name. A typedef of an anonymous struct, union or enum is described as that type; any
     * other typedef by the name of the type it stands for.
     */
    private static Map<String, String> facts(String variant) throws IOException {
        Map<String, String> kinds = Map.of("DW_TAG_structure_type", "struct ", "DW_TAG_union_type", "union ",
                "DW_TAG_class_type", "class ", "DW_TAG_enumeration_type", "enum ");
        List<JsonNode> rows = new ArrayList<>();
        Map<String, JsonNode> byDie = new LinkedHashMap<>();
        for (String l : Files.readAllLines(Golden.expected(variant + "/types.jsonl"))) {
            JsonNode t = JSON.readTree(l);
            rows.add(t);
            byDie.put(t.get("die").asText(), t);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode t : rows) {
            if (t.path("name").isNull() || t.path("declaration").asBoolean() || t.has("parent")
                    || t.get("name").asText().contains("<")) {
                continue;
            }
            String name = t.get("name").asText();
            if (t.get("tag").asText().equals("DW_TAG_typedef")) {
                JsonNode target = byDie.get(t.path("type_die").asText());
                boolean anonymous = target != null && kinds.containsKey(target.get("tag").asText())
                        && target.path("name").isNull();
                out.putIfAbsent(name, anonymous ? describe(target) : "typedef of " + t.get("type"));
            } else if (kinds.containsKey(t.get("tag").asText())) {
                out.putIfAbsent(kinds.get(t.get("tag").asText()) + name, describe(t));
            }
        }
        return out;
    }

    private static String describe(JsonNode t) {
        StringBuilder sb = new StringBuilder("size " + t.get("byte_size"));
        for (JsonNode m : t.path("members")) {
            sb.append("; ").append(m.get("name")).append(' ').append(m.get("type")).append(" @")
                    .append(m.get("data_member_location")).append(':').append(m.get("data_bit_offset")).append('/')
                    .append(m.get("bit_size"));
        }
        for (JsonNode e : t.path("enumerators")) {
            sb.append("; ").append(e.get("name")).append('=').append(e.get("value"));
        }
        return sb.toString();
    }

    @Test
    void theChangedTypesAreThoseLlvmDwarfdumpSeesChange() throws IOException {
        JsonNode doc = JSON.readTree(diff("--json").out());
        Map<String, String> a = facts("x86_64-dwarf4");
        Map<String, String> b = facts("x86_64-dwarf4-v2");
        TreeSet<String> changed = new TreeSet<>();
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String n : names) {
            if (!java.util.Objects.equals(a.get(n), b.get(n))) {
                changed.add(n);
            }
        }
        TreeSet<String> ours = new TreeSet<>();
        doc.get("changes").forEach(t -> ours.add(t.get("name").asText()));
        assertEquals(changed, ours);
        // Every member offset the diff gives is llvm-dwarfdump's (data_member_location, or the first
        // byte of data_bit_offset for a bit-field).
        for (JsonNode t : doc.get("changes")) {
            for (JsonNode m : t.get("members")) {
                checkOffset(a.get(t.get("name").asText()), m.get("name").asText(), m.get("offset_a"));
                checkOffset(b.get(t.get("name").asText()), m.get("name").asText(), m.get("offset_b"));
            }
        }
    }

    private static void checkOffset(String facts, String member, JsonNode offset) {
        if (offset.isNull()) {
            assertTrue(facts == null || !facts.contains("; \"" + member + "\" "), member + " should be absent");
            return;
        }
        Matcher m = Pattern.compile("; \"" + Pattern.quote(member) + "\" \\S.*? @(\\w+):(\\w+)/").matcher(facts);
        assertTrue(m.find(), member + " in " + facts);
        long at = m.group(2).equals("null") ? Long.parseLong(m.group(1)) : Long.parseLong(m.group(2)) / 8;
        assertEquals(at, offset.asLong(), member);
    }

    @Test
    void textSaysWhichKernelIsWhich() throws IOException {
        CliRun r = diff();
        assertEquals(0, r.exitCode(), r.err());
        List<String> l = r.out().lines().toList();
        assertTrue(l.get(0).startsWith("--- a: " + uuid("x86_64-dwarf4") + " (x86_64) Darwin Kernel Version 11.3.0"), l.get(0));
        assertTrue(l.get(1).startsWith("+++ b: " + uuid("x86_64-dwarf4-v2") + " (x86_64) Darwin Kernel Version 11.4.0"), l.get(1));
        assertTrue(r.out().contains("\n~ struct holey: size 48 -> 40 (-8) [size]"), r.out());
        assertTrue(r.out().contains("\n  - c2                       was at 16, 1 byte, char\n"), r.out());
        assertTrue(r.out().contains("\n- struct layout_packed_bits: removed, 11 bytes"), r.out());
        assertTrue(r.out().contains("\n+ struct layout_v2_stats: added, 16 bytes"), r.out());
        assertTrue(r.out().contains("\n  ~ LAYOUT_POS: 7 -> 8\n"), r.out());
        CliRun md = diff("--format", "md");
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(md.out().contains("| struct holey | changed | size | 48 | 40 | -8 |"), md.out());
        assertTrue(md.out().contains("| c2 | removed | 16 |  | 1 byte |  | `char` |  |"), md.out());
    }

    @Test
    void selectionAndErrors() throws IOException {
        JsonNode doc = JSON.readTree(diff("--types", "holey", "--json").out());
        assertEquals(1, doc.get("changes").size());
        assertEquals("holey", doc.get("selection").asText());
        CliRun same = CliRun.of("diff", uuid("x86_64-dwarf4"), uuid("x86_64-dwarf4"), "--index", SampleStores.all());
        assertEquals(ExitCodes.USAGE, same.exitCode());
        CliRun missing = CliRun.of("diff", uuid("x86_64-dwarf4"), "FFFF", "--index", SampleStores.all());
        assertEquals(ExitCodes.NOT_FOUND, missing.exitCode());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
    }
}
