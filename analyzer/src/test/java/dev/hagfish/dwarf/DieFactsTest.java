package dev.hagfish.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.macho.MachOFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every struct, class, union, enum and typedef DIE of every sample dSYM and i386 object carries
 * the same facts as llvm-dwarfdump-19 printed (samples/expected/&lt;variant&gt;/types.jsonl): name,
 * byte size, declaration line, members with their offsets, bit sizes and bit offsets and type
 * references, and enumerators with their values.
 */
class DieFactsTest {
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Facts of one DIE in the golden file's shape, built from our reader. */
    static Map<String, Object> facts(DieReader r, Unit u, Die d, List<Die> children) throws FormatException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("die", "0x%08x".formatted(d.offset()));
        m.put("name", u.string(d.get(DwAt.NAME)));
        m.put("byte_size", constant(d.get(DwAt.BYTE_SIZE), d.formOf(DwAt.BYTE_SIZE)));
        m.put("decl_line", constant(d.get(DwAt.DECL_LINE), d.formOf(DwAt.DECL_LINE)));
        m.put("declaration", d.get(DwAt.DECLARATION) instanceof AttrValue.Flag f && f.value());
        List<String> members = new ArrayList<>();
        List<String> enumerators = new ArrayList<>();
        for (Die c : children) {
            if (c.tag() == DwTag.MEMBER && c.get(DwAt.DECLARATION) == null) {
                members.add(u.string(c.get(DwAt.NAME)) + " type=" + ref(c.get(DwAt.TYPE))
                        + " loc=" + memberLocation(c.get(DwAt.DATA_MEMBER_LOCATION))
                        + " bit_size=" + constant(c.get(DwAt.BIT_SIZE), c.formOf(DwAt.BIT_SIZE))
                        + " bit_offset=" + constant(c.get(DwAt.BIT_OFFSET), c.formOf(DwAt.BIT_OFFSET))
                        + " data_bit_offset=" + constant(c.get(DwAt.DATA_BIT_OFFSET), c.formOf(DwAt.DATA_BIT_OFFSET)));
            } else if (c.tag() == DwTag.ENUMERATOR) {
                enumerators.add(u.string(c.get(DwAt.NAME)) + "=" + constant(c.get(DwAt.CONST_VALUE),
                        c.formOf(DwAt.CONST_VALUE)));
            }
        }
        m.put("members", members);
        m.put("enumerators", enumerators);
        return m;
    }

    static Map<String, Object> golden(JsonNode t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("die", t.get("die").asText());
        m.put("name", t.path("name").isNull() || t.path("name").isMissingNode() ? null : t.get("name").asText());
        m.put("byte_size", t.path("byte_size").isNumber() ? t.get("byte_size").asLong() : null);
        m.put("decl_line", t.path("decl_line").isNumber() ? t.get("decl_line").asLong() : null);
        m.put("declaration", t.path("declaration").asBoolean());
        List<String> members = new ArrayList<>();
        for (JsonNode x : t.path("members")) {
            if (x.path("static").asBoolean()) {
                continue;
            }
            members.add((x.get("name").isNull() ? null : x.get("name").asText()) + " type=" + x.get("type_die").asText()
                    + " loc=" + num(x.get("data_member_location")) + " bit_size=" + num(x.get("bit_size"))
                    + " bit_offset=" + num(x.get("bit_offset")) + " data_bit_offset=" + num(x.get("data_bit_offset")));
        }
        List<String> enumerators = new ArrayList<>();
        for (JsonNode e : t.path("enumerators")) {
            enumerators.add(e.get("name").asText() + "=" + e.get("value").asLong());
        }
        m.put("members", members);
        m.put("enumerators", enumerators);
        return m;
    }

    private static String num(JsonNode n) {
        return n == null || n.isNull() ? "null" : Long.toString(n.asLong());
    }

    private static Long constant(AttrValue v, int form) {
        return v instanceof AttrValue.Constant c ? c.value() : null;
    }

    private static String ref(AttrValue v) {
        return v instanceof AttrValue.Ref r ? "0x%08x".formatted(r.infoOffset()) : "null";
    }

    /** A constant, or a DW_OP_plus_uconst expression (DWARF 2/3), as a byte offset. */
    private static String memberLocation(AttrValue v) throws FormatException {
        if (v instanceof AttrValue.Constant c) {
            return Long.toString(c.value());
        }
        if (v instanceof AttrValue.Block b && b.bytes().length > 0 && (b.bytes()[0] & 0xff) == 0x23) {
            return Long.toString(new BinaryCursor(ByteSource.of(b.bytes(), "expr"), 1).uleb());
        }
        return "null";
    }

    private static boolean isType(int tag) {
        return tag == DwTag.STRUCTURE_TYPE || tag == DwTag.CLASS_TYPE || tag == DwTag.UNION_TYPE
                || tag == DwTag.ENUMERATION_TYPE || tag == DwTag.TYPEDEF;
    }

    /** Reads every type DIE of an image with its direct children. */
    static Map<String, Map<String, Object>> ours(MachOFile f) throws IOException {
        DieReader r = new DieReader(DwarfLoader.fromMachO(f));
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (UnitHeader h : r.unitHeaders()) {
            Unit u = r.unit(h);
            List<Die> all = new ArrayList<>();
            DieReader.Cursor c = r.cursor(u);
            for (Die d = c.next(); d != null; d = c.next()) {
                all.add(d);
            }
            for (int i = 0; i < all.size(); i++) {
                Die d = all.get(i);
                if (!isType(d.tag())) {
                    continue;
                }
                List<Die> children = new ArrayList<>();
                for (int j = i + 1; j < all.size() && all.get(j).depth() > d.depth(); j++) {
                    if (all.get(j).depth() == d.depth() + 1) {
                        children.add(all.get(j));
                    }
                }
                Map<String, Object> m = facts(r, u, d, children);
                out.put((String) m.get("die"), m);
            }
        }
        return out;
    }

    private static int compare(Path golden, Map<String, Map<String, Object>> ours, String object) throws IOException {
        int n = 0;
        List<String> bad = new ArrayList<>();
        for (String line : Files.readAllLines(golden)) {
            JsonNode t = JSON.readTree(line);
            if (object != null && !object.equals(t.path("object").asText())) {
                continue;
            }
            Map<String, Object> want = golden(t);
            Map<String, Object> got = ours.get(t.get("die").asText());
            if (!want.equals(got)) {
                bad.add(golden + " " + t.get("die").asText() + "\n  want " + want + "\n  got  " + got);
            }
            n++;
        }
        assertEquals(List.of(), bad.subList(0, Math.min(bad.size(), 5)), bad.size() + " DIEs differ");
        return n;
    }

    @Test
    void everyTypeDieOfEveryDsymMatchesLlvmDwarfdump() throws IOException {
        for (String v : List.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5")) {
            MachOFile dsym = MachOFile.parse(ByteSource.open(
                    SAMPLES.resolve("kernels/" + v + "/kernel.dSYM/Contents/Resources/DWARF/kernel")));
            int n = compare(SAMPLES.resolve("expected/" + v + "/types.jsonl"), ours(dsym), null);
            assertTrue(n > 200, v + ": only " + n + " types compared");
        }
    }

    @Test
    void everyTypeDieOfTheI386ObjectsMatchesLlvmDwarfdump() throws IOException {
        int n = 0;
        try (var s = Files.list(SAMPLES.resolve("kernels/i386"))) {
            for (Path o : (Iterable<Path>) s.sorted()::iterator) {
                MachOFile obj = MachOFile.parse(ByteSource.open(o));
                n += compare(SAMPLES.resolve("expected/i386/types.jsonl"), ours(obj), "kernels/i386/" + o.getFileName());
            }
        }
        assertTrue(n > 100, "only " + n + " types compared");
    }
}
