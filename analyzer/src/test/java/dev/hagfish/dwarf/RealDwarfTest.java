package dev.hagfish.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.elf.ElfFile;
import dev.hagfish.elf.ElfSection;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.Section;
import dev.hagfish.macho.SegmentCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Real files written by nobody here (libc6-dbg's ELF DWARF 5 debug files with zlib-compressed
 * sections; Go's gcc-built darwin Mach-O objects, ELF32/ELF64 and big-endian objects, and
 * SHF_COMPRESSED / .zdebug objects) read through {@link ElfFile} or {@link MachOFile} and
 * {@link DwarfLoader} agree with llvm-dwarfdump-19 and pahole (samples/expected/real, written by
 * samples/make-expected-real.sh): unit headers, section sizes before and after inflation,
 * struct/union/enum facts, and libc struct layouts.
 */
class RealDwarfTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNIT = Pattern.compile("^0x([0-9a-f]+): \\w+ Unit: length = 0x([0-9a-f]+), "
            + "format = (DWARF32|DWARF64), version = 0x([0-9a-f]+),(?: unit_type = (DW_UT_\\w+),)? "
            + "abbr_offset = 0x([0-9a-f]+), addr_size = 0x([0-9a-f]+) \\(next unit at 0x[0-9a-f]+\\)$");
    private static final Pattern SIZE = Pattern.compile("^(\\S+)\\s+(\\d+) \\(");
    private static final List<String> UNIT_TYPES = List.of("", "DW_UT_compile", "DW_UT_type", "DW_UT_partial",
            "DW_UT_skeleton", "DW_UT_split_compile", "DW_UT_split_type");

    /** One dynamic test per input of FILES.tsv that {@code filter} accepts. */
    private static Stream<DynamicTest> each(java.util.function.Predicate<RealInputs.Input> filter, Check check)
            throws IOException {
        return RealInputs.all().stream().filter(filter).map(in -> DynamicTest.dynamicTest(in.id(), () -> check.run(in)));
    }

    /** A check of one input. */
    interface Check {
        /** Runs the check. */
        void run(RealInputs.Input in) throws IOException;
    }

    @TestFactory
    Stream<DynamicTest> unitHeadersMatchLlvmDwarfdump() throws IOException {
        return each(in -> true, RealDwarfTest::units);
    }

    private static void units(RealInputs.Input in) throws IOException {
        List<String> want = new ArrayList<>();
        for (String line : Files.readAllLines(in.golden("units.txt"))) {
            Matcher m = UNIT.matcher(line);
            assertTrue(m.matches(), in.id() + ": unparsed golden line " + line);
            want.add(unit(Long.parseLong(m.group(1), 16), Long.parseLong(m.group(2), 16), m.group(3),
                    Integer.parseInt(m.group(4), 16), m.group(5), Long.parseLong(m.group(6), 16),
                    Integer.parseInt(m.group(7), 16)));
        }
        List<String> got = new ArrayList<>();
        for (DwarfSummary.UnitSummary u : DwarfSummary.of(RealInputs.dwarf(in)).units()) {
            got.add(unit(u.offset(), u.length(), u.format(), u.version(),
                    u.version() >= 5 ? UNIT_TYPES.get(u.unitType()) : null, u.abbrevOffset(), u.addressSize()));
        }
        assertTrue(!want.isEmpty(), in.id());
        assertEquals(want, got, in.id());
    }

    private static String unit(long off, long len, String format, int version, String type, long abbrev, int addr) {
        return "0x%08x len=0x%x %s v%d %s abbr=0x%x addr=%d".formatted(off, len, format, version, type, abbrev, addr);
    }

    /** Section name to size, as llvm-dwarfdump --show-section-sizes printed them. */
    private static Map<String, Long> sizes(Path golden) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(golden)) {
            Matcher m = SIZE.matcher(line);
            if (m.find()) {
                out.put(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> sectionSizesMatchLlvmDwarfdumpBeforeAndAfterInflation() throws IOException {
        return each(in -> true, RealDwarfTest::sectionSizes);
    }

    private static void sectionSizes(RealInputs.Input in) throws IOException {
        ByteSource src = ByteSource.open(RealInputs.locate(in));
        Map<String, Long> raw = sizes(in.golden("section-sizes.txt"));
        assertTrue(!raw.isEmpty(), in.id());
        Map<String, Long> ours = new LinkedHashMap<>();
        DwarfSections dwarf;
        if (in.isElf()) {
            ElfFile f = ElfFile.parse(src);
            for (String name : raw.keySet()) {
                f.section(name).ifPresent(s -> ours.put(name, s.size()));
            }
            dwarf = DwarfLoader.fromElf(f);
        } else {
            MachOFile f = MachOFile.parse(src);
            for (SegmentCommand seg : f.segments()) {
                for (Section s : seg.sections()) {
                    if (raw.containsKey(s.sectName())) {
                        ours.putIfAbsent(s.sectName(), s.size());
                    }
                }
            }
            dwarf = DwarfLoader.fromMachO(f);
        }
        assertEquals(raw, ours, in.id() + ": sizes in the file");
        Path inflatedGolden = in.golden("section-sizes-inflated.txt");
        Map<String, Long> want = new TreeMap<>();
        (Files.exists(inflatedGolden) ? sizes(inflatedGolden) : raw).forEach((name, size) -> {
            if (size > 0) {
                want.put(DwarfSections.canonical(name.replace(".zdebug_", ".debug_")), size);
            }
        });
        assertEquals(want, dwarf.sizes(), in.id() + ": sizes of the DWARF sections");
    }

    /** Visits a DIE with its direct children. */
    interface Visitor {
        /** Visits one DIE. */
        void visit(Unit u, Die d, List<Die> children) throws FormatException;
    }

    /** Walks every unit and hands each DIE that {@code wanted} accepts, with its children, to {@code v}. */
    static void walk(DwarfSections s, java.util.function.Predicate<Die> wanted, Visitor v) throws FormatException {
        DieReader r = new DieReader(s);
        for (UnitHeader h : r.unitHeaders()) {
            Unit u = r.unit(h);
            List<Die> all = new ArrayList<>();
            DieReader.Cursor c = r.cursor(u);
            for (Die d = c.next(); d != null; d = c.next()) {
                all.add(d);
            }
            for (int i = 0; i < all.size(); i++) {
                Die d = all.get(i);
                if (!wanted.test(d)) {
                    continue;
                }
                List<Die> children = new ArrayList<>();
                for (int j = i + 1; j < all.size() && all.get(j).depth() > d.depth(); j++) {
                    if (all.get(j).depth() == d.depth() + 1) {
                        children.add(all.get(j));
                    }
                }
                v.visit(u, d, children);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> structUnionAndEnumFactsMatchLlvmDwarfdump() throws IOException {
        List<DynamicTest> tests = each(in -> Files.exists(in.golden("types.jsonl")), RealDwarfTest::types).toList();
        assertTrue(tests.size() >= 6, "only " + tests.size() + " files with types");
        return tests.stream();
    }

    private static void types(RealInputs.Input in) throws IOException {
        Path golden = in.golden("types.jsonl");
        Map<String, JsonNode> want = new LinkedHashMap<>();
        for (String line : Files.readAllLines(golden)) {
            JsonNode t = JSON.readTree(line);
            want.put(t.get("die").asText(), t);
        }
        Map<String, Map<String, Object>> got = new HashMap<>();
        walk(RealInputs.dwarf(in), d -> want.containsKey("0x%08x".formatted(d.offset())),
                (u, d, children) -> got.put("0x%08x".formatted(d.offset()), DieFactsTest.facts(null, u, d, children)));
        List<String> bad = new ArrayList<>();
        for (var e : want.entrySet()) {
            Map<String, Object> w = DieFactsTest.golden(e.getValue());
            if (!w.equals(got.get(e.getKey()))) {
                bad.add(in.id() + " " + e.getKey() + "\n  want " + w + "\n  got  " + got.get(e.getKey()));
            }
        }
        assertEquals(List.of(), bad.subList(0, Math.min(5, bad.size())), bad.size() + " DIEs differ");
        assertTrue(want.size() >= 3, in.id() + ": only " + want.size() + " types");
    }

    /** A direct member as pahole printed it: byte offset, and bit offset within it for a bit field. */
    record Member(String name, long offset, Long bit) {}

    /** A struct or union as pahole printed it. */
    record Layout(String kind, String name, Long size, List<Member> members) {}

    private static final Pattern PAHOLE_HEAD = Pattern.compile("^(struct|union) (\\S+) \\{$");
    private static final Pattern PAHOLE_MEMBER = Pattern.compile(
            "^\\t(?!\\t)(.*?);\\s*/\\*\\s*(\\d+)(?::\\s*(\\d+))?\\s+\\d+\\s*\\*/$");
    private static final Pattern PAHOLE_SIZE = Pattern.compile("/\\* size: (\\d+),");

    static Layout pahole(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p);
        Matcher head = PAHOLE_HEAD.matcher(lines.get(0));
        assertTrue(head.matches(), p + ": " + lines.get(0));
        Long size = null;
        List<Member> members = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PAHOLE_MEMBER.matcher(line);
            if (m.matches()) {
                members.add(new Member(memberName(m.group(1)), Long.parseLong(m.group(2)),
                        m.group(3) == null ? null : Long.parseLong(m.group(3))));
            }
            Matcher s = PAHOLE_SIZE.matcher(line);
            if (s.find() && line.startsWith("\t/*")) {
                size = Long.parseLong(s.group(1));
            }
        }
        return new Layout(head.group(1), head.group(2), size, members);
    }

    /** The declarator's name: {@code char d_name[256]}, {@code void (*f)(int)}, {@code int x:3}, {@code } u}. */
    static String memberName(String decl) {
        String d = decl.trim().replaceAll(":\\d+$", "");
        Matcher fp = Pattern.compile("\\(\\*\\s*(\\w+)").matcher(d);
        if (fp.find()) {
            return fp.group(1);
        }
        d = d.replaceAll("(\\[\\d*\\])+$", "");
        Matcher last = Pattern.compile("(\\w+)$").matcher(d);
        return d.endsWith("}") || !last.find() ? "" : last.group(1);
    }

    @Test
    void libcStructLayoutsMatchPahole() throws IOException {
        RealInputs.Input libc = RealInputs.byId("libc6-dbg-libc");
        Map<String, Layout> want = new TreeMap<>();
        try (Stream<Path> s = Files.list(RealInputs.EXPECTED.resolve("pahole"))) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                Layout l = pahole(p);
                want.put(l.kind() + " " + l.name(), l);
            }
        }
        assertTrue(want.size() >= 10, "only " + want.size() + " pahole files");
        Map<String, Layout> got = new TreeMap<>();
        Set<String> names = new HashSet<>();
        want.values().forEach(l -> names.add(l.name()));
        walk(RealInputs.dwarf(libc), d -> (d.tag() == DwTag.STRUCTURE_TYPE || d.tag() == DwTag.UNION_TYPE)
                && d.get(DwAt.BYTE_SIZE) != null && d.get(DwAt.DECLARATION) == null, (u, d, children) -> {
                    String name = u.string(d.get(DwAt.NAME));
                    String key = (d.tag() == DwTag.UNION_TYPE ? "union " : "struct ") + name;
                    if (name != null && names.contains(name) && want.containsKey(key) && !got.containsKey(key)) {
                        got.put(key, layout(u, d, children, want.get(key)));
                    }
                });
        assertEquals(want.keySet(), got.keySet());
        for (String key : want.keySet()) {
            assertEquals(want.get(key), got.get(key), key);
        }
    }

    /** Our layout in pahole's terms; the size is left out when pahole printed none (unions). */
    private static Layout layout(Unit u, Die d, List<Die> children, Layout shape) throws FormatException {
        List<Member> members = new ArrayList<>();
        for (Die c : children) {
            if (c.tag() != DwTag.MEMBER || c.get(DwAt.DECLARATION) != null) {
                continue;
            }
            String name = u.string(c.get(DwAt.NAME));
            long loc = c.get(DwAt.DATA_MEMBER_LOCATION) instanceof AttrValue.Constant k ? k.value() : 0;
            Long bit = null;
            if (c.get(DwAt.BIT_SIZE) != null) {
                long dataBit = c.get(DwAt.DATA_BIT_OFFSET) instanceof AttrValue.Constant k ? k.value() : -1;
                long unit = c.get(DwAt.BYTE_SIZE) instanceof AttrValue.Constant k ? k.value() : 4;
                // pahole prints a bit field as the offset of its storage unit and the bit within it.
                loc = dataBit / (unit * 8) * unit;
                bit = dataBit - loc * 8;
            }
            members.add(new Member(name == null ? "" : name, loc, bit));
        }
        Long size = d.get(DwAt.BYTE_SIZE) instanceof AttrValue.Constant k ? k.value() : null;
        String kind = d.tag() == DwTag.UNION_TYPE ? "union" : "struct";
        return new Layout(kind, u.string(d.get(DwAt.NAME)), shape == null || shape.size() == null ? null : size,
                members);
    }

    @Test
    void everyDebugFileOfTheInstalledLibc6DbgReads() throws IOException {
        RealInputs.Input libc = RealInputs.byId("libc6-dbg-libc");
        Path buildIds = RealInputs.locate(libc).getParent().getParent();
        int files = 0;
        int compressed = 0;
        int dies = 0;
        try (Stream<Path> s = Files.walk(buildIds, 2)) {
            // Other packages' debug files may sit there too: read the small regular files alike.
            for (Path p : (Iterable<Path>) s.filter(x -> x.toString().endsWith(".debug") && Files.isRegularFile(x,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS) && x.toFile().length() < (64 << 20)).sorted()::iterator) {
                ElfFile f = ElfFile.parse(ByteSource.open(p));
                compressed += f.sections().stream().anyMatch(ElfSection::isCompressed) ? 1 : 0;
                DwarfSections d = DwarfLoader.fromElf(f);
                if (d.get("debug_info").isPresent()) {
                    DwarfSummary.of(d);
                    dies += DwarfFuzzTest.readAll(d);
                }
                files++;
            }
        }
        assertTrue(files > 100, "only " + files + " debug files under " + buildIds);
        assertTrue(compressed > 100, "only " + compressed + " files with compressed sections");
        assertTrue(dies > 1_000_000, "only " + dies + " DIEs");
    }
}
