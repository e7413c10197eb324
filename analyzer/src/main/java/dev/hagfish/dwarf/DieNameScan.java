package dev.hagfish.dwarf;

import dev.hagfish.io.FormatException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code DieNameScan} builds by reading every DIE the name → DIE map that the accelerator tables
 * hold, for files that have none. The rule is documented on {@link NameIndex}. Names and linkage
 * names are found through {@code DW_AT_specification} and {@code DW_AT_abstract_origin}, so the
 * scan keeps the names and references of every DIE until the end: it costs a full pass over
 * {@code .debug_info} and memory in proportion to the named DIEs.
 *
 * <p>Single-use and single-threaded; the result is a new map.
 */
final class DieNameScan {
    private static final int TAG_IMPORTED_DECLARATION = 0x08;
    private static final int DW_OP_ADDR = 0x03;
    private static final int DW_OP_ADDRX = 0xa1;
    private static final int DW_OP_GNU_ADDR_INDEX = 0xfb;
    private static final int MAX_REFERENCE_HOPS = 64;

    /** The type tags whose named definitions are indexed (DWARF 5 §5 and the DWARF 3–5 additions). */
    private static final Set<Integer> TYPE_TAGS = Set.of(DwTag.ARRAY_TYPE, DwTag.CLASS_TYPE, DwTag.ENUMERATION_TYPE,
            DwTag.POINTER_TYPE, DwTag.REFERENCE_TYPE, 0x12 /* string_type */, DwTag.STRUCTURE_TYPE,
            DwTag.SUBROUTINE_TYPE, DwTag.TYPEDEF, DwTag.UNION_TYPE, DwTag.PTR_TO_MEMBER_TYPE, 0x20 /* set_type */,
            DwTag.SUBRANGE_TYPE, DwTag.BASE_TYPE, DwTag.CONST_TYPE, 0x27 /* constant */, 0x29 /* file_type */,
            0x2b /* namelist */, 0x2d /* packed_type */, DwTag.VOLATILE_TYPE, DwTag.RESTRICT_TYPE,
            0x38 /* interface_type */, DwTag.UNSPECIFIED_TYPE, 0x40 /* shared_type */, DwTag.RVALUE_REFERENCE_TYPE,
            0x43 /* template_alias */, DwTag.ATOMIC_TYPE, 0x4b /* immutable_type */);

    private enum Kind { CODE, INLINED, NAMESPACE, IMPORTED, TYPE }

    /** What a DIE names itself and where it borrows names from ({@code -1}: no reference). */
    private record Naming(String name, String linkage, long specification, long abstractOrigin) {}

    private record Candidate(long offset, Kind kind) {}

    private final Map<Long, Naming> namings = new HashMap<>();
    private final List<Candidate> candidates = new ArrayList<>();
    private final Map<String, Set<Long>> out = new TreeMap<>();

    private DieNameScan() {}

    /**
     * Reads every DIE of {@code sections} and returns each indexed name with its DIE offsets,
     * sorted.
     *
     * @throws FormatException if a unit or DIE cannot be decoded
     */
    static Map<String, long[]> scan(DwarfSections sections) throws FormatException {
        DieNameScan s = new DieNameScan();
        DieReader r = new DieReader(sections);
        for (UnitHeader h : r.unitHeaders()) {
            s.readUnit(r, r.unit(h));
        }
        return s.build();
    }

    private void readUnit(DieReader r, Unit u) throws FormatException {
        boolean[] inFunction = new boolean[16];
        DieReader.Cursor c = r.cursor(u);
        for (Die d = c.next(); d != null; d = c.next()) {
            int depth = d.depth();
            if (depth >= inFunction.length) {
                inFunction = Arrays.copyOf(inFunction, Math.max(depth + 1, inFunction.length * 2));
            }
            boolean enclosed = depth > 0 && inFunction[depth - 1];
            inFunction[depth] = enclosed || d.tag() == DwTag.SUBPROGRAM;
            remember(u, d);
            if (depth > 0) {
                Kind k = classify(d, enclosed);
                if (k != null) {
                    candidates.add(new Candidate(d.offset(), k));
                }
            }
        }
    }

    private void remember(Unit u, Die d) throws FormatException {
        String name = u.string(d.get(DwAt.NAME));
        String linkage = u.string(d.get(DwAt.LINKAGE_NAME));
        if (linkage == null) {
            linkage = u.string(d.get(DwAt.MIPS_LINKAGE_NAME));
        }
        long spec = d.get(DwAt.SPECIFICATION) instanceof AttrValue.Ref ref ? ref.infoOffset() : -1;
        long origin = d.get(DwAt.ABSTRACT_ORIGIN) instanceof AttrValue.Ref ref ? ref.infoOffset() : -1;
        if (name != null || linkage != null || spec >= 0 || origin >= 0) {
            namings.put(d.offset(), new Naming(name, linkage, spec, origin));
        }
    }

    private static Kind classify(Die d, boolean inFunction) {
        int tag = d.tag();
        boolean code = d.get(DwAt.LOW_PC) != null || d.get(DwAt.RANGES) != null;
        boolean global = tag == DwTag.VARIABLE
                && (hasAddressLocation(d) || (!inFunction && d.get(DwAt.CONST_VALUE) != null));
        if (code || global) {
            return tag == DwTag.INLINED_SUBROUTINE ? Kind.INLINED : Kind.CODE;
        }
        if (tag == DwTag.NAMESPACE) {
            return Kind.NAMESPACE;
        }
        if (tag == TAG_IMPORTED_DECLARATION) {
            return Kind.IMPORTED;
        }
        boolean declaration = d.get(DwAt.DECLARATION) instanceof AttrValue.Flag f && f.value();
        return TYPE_TAGS.contains(tag) && !declaration ? Kind.TYPE : null;
    }

    /** Tells whether a DIE's location is an expression that starts with a static address. */
    private static boolean hasAddressLocation(Die d) {
        if (d.get(DwAt.LOCATION) instanceof AttrValue.Block b && b.bytes().length > 0) {
            int op = b.bytes()[0] & 0xff;
            return op == DW_OP_ADDR || op == DW_OP_ADDRX || op == DW_OP_GNU_ADDR_INDEX;
        }
        return false;
    }

    private Map<String, long[]> build() {
        for (Candidate c : candidates) {
            Naming own = namings.get(c.offset());
            switch (c.kind()) {
                case CODE, INLINED -> addCode(c);
                case NAMESPACE -> add(own != null && own.name() != null ? own.name() : "(anonymous namespace)", c);
                case IMPORTED -> {
                    if (own != null && own.name() != null) {
                        add(own.name(), c);
                    }
                }
                default -> {
                    String name = resolve(c.offset(), false);
                    if (name != null && !name.isEmpty()) {
                        add(name, c);
                    }
                }
            }
        }
        Map<String, long[]> result = new TreeMap<>();
        out.forEach((name, offsets) -> result.put(name, offsets.stream().mapToLong(Long::longValue).toArray()));
        return result;
    }

    private void addCode(Candidate c) {
        String name = resolve(c.offset(), false);
        String linkage = resolve(c.offset(), true);
        if (name == null && linkage == null) {
            return;
        }
        String mangled = linkage != null ? linkage : name;
        if (!mangled.equals(name)) {
            add(mangled, c);
        }
        if (name != null) {
            add(name, c);
            String plain = c.kind() == Kind.INLINED || mangled.equals(name) ? null : withoutTemplateArguments(name);
            if (plain != null) {
                add(plain, c);
            }
        }
    }

    private void add(String name, Candidate c) {
        out.computeIfAbsent(name, k -> new TreeSet<>()).add(c.offset());
    }

    /**
     * Returns a DIE's name (or linkage name): its own, else the first found by following
     * {@code DW_AT_specification} and {@code DW_AT_abstract_origin}, breadth first, visiting each
     * DIE once.
     */
    private String resolve(long offset, boolean linkage) {
        Deque<Long> work = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        work.add(offset);
        while (!work.isEmpty() && seen.size() < MAX_REFERENCE_HOPS) {
            long o = work.removeFirst();
            Naming n = seen.add(o) ? namings.get(o) : null;
            if (n == null) {
                continue;
            }
            String v = linkage ? n.linkage() : n.name();
            if (v != null) {
                return v;
            }
            if (n.specification() >= 0) {
                work.add(n.specification());
            }
            if (n.abstractOrigin() >= 0) {
                work.add(n.abstractOrigin());
            }
        }
        return null;
    }

    /**
     * Returns {@code name} without its trailing template argument list ({@code "f<int>"} →
     * {@code "f"}), or null when it has none. The {@code <} of an operator name ({@code operator<=>})
     * does not open a list.
     */
    static String withoutTemplateArguments(String name) {
        if (!name.endsWith(">")) {
            return null;
        }
        int depth = 0;
        for (int i = name.length() - 1; i >= 0; i--) {
            char ch = name.charAt(i);
            if (ch == '>') {
                depth++;
            } else if (ch == '<' && --depth == 0) {
                String base = name.substring(0, i);
                return base.isEmpty() || base.endsWith("operator") ? null : base;
            }
        }
        return null;
    }
}
