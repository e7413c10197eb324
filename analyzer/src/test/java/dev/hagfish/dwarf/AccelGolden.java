package dev.hagfish.dwarf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code AccelGolden} reads the accelerator-table dumps of {@code llvm-dwarfdump-19}
 * ({@code --apple-names --apple-types --apple-namespaces --apple-objc}, {@code --debug-names}) in
 * samples/expected/accel/ into one line per entry, {@code "name<TAB>0x<die offset><TAB><tag>"},
 * keyed by section. It transcribes what the tool printed: DIE offsets of {@code .debug_names} are
 * the tool's CU offset plus the tool's unit-relative offset.
 */
final class AccelGolden {
    private static final Pattern SECTION = Pattern.compile("^\\.(\\w+) contents:$");
    private static final Pattern ATOM_TYPE = Pattern.compile("^\\s+Type: (DW_ATOM_\\w+)$");
    private static final Pattern STRING = Pattern.compile("^\\s+String: 0x[0-9a-f]+ \"(.*)\"$");
    private static final Pattern ATOM = Pattern.compile("^\\s+Atom\\[(\\d+)\\]: 0x([0-9a-f]+)( \\(.*\\))?$");
    private static final Pattern INDEX = Pattern.compile("^Name Index @ 0x[0-9a-f]+ \\{$");
    private static final Pattern CU = Pattern.compile("^\\s+CU\\[(\\d+)\\]: 0x([0-9a-f]+)$");
    private static final Pattern ENTRY = Pattern.compile("^\\s+Entry @ 0x[0-9a-f]+ \\{$");
    private static final Pattern TAG = Pattern.compile("^\\s+Tag: (DW_TAG_\\w+)$");
    private static final Pattern IDX = Pattern.compile("^\\s+(DW_IDX_\\w+): (0x[0-9a-f]+|.*)$");

    /** The {@code DW_TAG_*} names the dumps use, with their codes (DWARF 5 table 7.3). */
    static final Map<String, Integer> TAGS = Map.ofEntries(Map.entry("DW_TAG_array_type", 0x01),
            Map.entry("DW_TAG_class_type", 0x02), Map.entry("DW_TAG_enumeration_type", 0x04),
            Map.entry("DW_TAG_label", 0x0a), Map.entry("DW_TAG_pointer_type", 0x0f),
            Map.entry("DW_TAG_reference_type", 0x10), Map.entry("DW_TAG_structure_type", 0x13),
            Map.entry("DW_TAG_subroutine_type", 0x15), Map.entry("DW_TAG_typedef", 0x16),
            Map.entry("DW_TAG_union_type", 0x17), Map.entry("DW_TAG_inlined_subroutine", 0x1d),
            Map.entry("DW_TAG_base_type", 0x24), Map.entry("DW_TAG_const_type", 0x26),
            Map.entry("DW_TAG_subprogram", 0x2e), Map.entry("DW_TAG_variable", 0x34),
            Map.entry("DW_TAG_volatile_type", 0x35), Map.entry("DW_TAG_namespace", 0x39),
            Map.entry("DW_TAG_unspecified_type", 0x3b), Map.entry("DW_TAG_imported_declaration", 0x08));

    private AccelGolden() {}

    static String line(String name, long die, int tag) {
        return name + "\t0x" + Long.toHexString(die) + "\t" + tag;
    }

    /** Reads an Apple-table dump: section name ({@code apple_names}, …) to entry lines, in dump order. */
    static Map<String, List<String>> apple(Path dump) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        List<String> cur = null;
        List<String> atoms = new ArrayList<>();
        String name = null;
        long[] values = new long[8];
        for (String l : Files.readAllLines(dump)) {
            Matcher m;
            if ((m = SECTION.matcher(l)).matches()) {
                cur = out.computeIfAbsent(m.group(1), k -> new ArrayList<>());
                atoms.clear();
            } else if ((m = ATOM_TYPE.matcher(l)).matches()) {
                atoms.add(m.group(1));
            } else if ((m = STRING.matcher(l)).matches()) {
                name = m.group(1);
            } else if ((m = ATOM.matcher(l)).matches()) {
                int i = Integer.parseInt(m.group(1));
                values[i] = Long.parseLong(m.group(2), 16);
                if (i == atoms.size() - 1) {
                    int die = atoms.indexOf("DW_ATOM_die_offset");
                    int tag = atoms.indexOf("DW_ATOM_die_tag");
                    cur.add(line(name, values[die], tag < 0 ? 0 : (int) values[tag]));
                }
            }
        }
        return out;
    }

    /** Reads a {@code --debug-names} dump: entry lines of all name indexes, in dump order. */
    static List<String> debugNames(Path dump) throws IOException {
        List<String> out = new ArrayList<>();
        Map<Integer, Long> cus = new TreeMap<>();
        String name = null;
        boolean inEntry = false;
        int tag = 0;
        long cu = -1;
        long die = -1;
        for (String l : Files.readAllLines(dump)) {
            Matcher m;
            if (INDEX.matcher(l).matches()) {
                cus.clear();
            } else if ((m = CU.matcher(l)).matches()) {
                cus.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2), 16));
            } else if ((m = STRING.matcher(l)).matches()) {
                name = m.group(1);
            } else if (ENTRY.matcher(l).matches()) {
                inEntry = true;
                cu = cus.size() == 1 ? 0 : -1;
                die = -1;
            } else if (inEntry && (m = TAG.matcher(l)).matches()) {
                Integer code = TAGS.get(m.group(1));
                if (code == null) {
                    throw new IllegalStateException("add " + m.group(1) + " to AccelGolden.TAGS");
                }
                tag = code;
            } else if (inEntry && (m = IDX.matcher(l)).matches()) {
                if (m.group(1).equals("DW_IDX_compile_unit")) {
                    cu = Long.decode(m.group(2));
                } else if (m.group(1).equals("DW_IDX_die_offset")) {
                    die = Long.decode(m.group(2));
                }
            } else if (inEntry && l.trim().equals("}")) {
                out.add(line(name, cus.get((int) cu) + die, tag));
                inEntry = false;
            }
        }
        return out;
    }
}
