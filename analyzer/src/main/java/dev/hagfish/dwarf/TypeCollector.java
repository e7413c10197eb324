package dev.hagfish.dwarf;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code TypeCollector} is the {@link UnitWalker.Visitor} that keeps the type DIEs of one unit
 * as {@link TypeDie}s: their attributes, their members, enumerators, bounds, parameters, bases
 * and static members. In C++ units a type's name is qualified by the namespaces and classes it is
 * nested in ({@code OSKext::Flags}). Declaration files are resolved through the unit's line table
 * header, read only when a type names one. At the unit's end a {@link TypeMerger} gives each
 * type its shared {@link TypeClass}, and only that is kept.
 */
public final class TypeCollector implements UnitWalker.Visitor<UnitTypes> {
    private static final int MAX_DEPTH = 1024;

    private final DwarfSections sections;
    private final Unit unit;
    private final Map<String, String> interned;
    private final TypeClasses classes;
    private final List<TypeDie> types = new ArrayList<>();
    private final TypeDie[] openTypes = new TypeDie[MAX_DEPTH];
    private final String[] scopes = new String[MAX_DEPTH];
    private boolean cplusplus;
    private long stmtList = -1;
    private String compDir = "";
    private String[] files;

    /**
     * Opens the collector of one unit.
     *
     * @param sections the file's sections
     * @param unit the unit
     * @param interned a thread-safe map shared by the collectors, so that equal file paths are one string
     * @param classes the type classes shared by the collectors
     */
    TypeCollector(DwarfSections sections, Unit unit, Map<String, String> interned, TypeClasses classes) {
        this.sections = sections;
        this.unit = unit;
        this.interned = interned;
        this.classes = classes;
    }

    @Override
    public void visit(Die d) throws FormatException {
        int depth = d.depth();
        if (depth >= MAX_DEPTH) {
            throw new FormatException("debug_info", d.offset(), "DIE nesting deeper than " + MAX_DEPTH);
        }
        openTypes[depth] = null;
        scopes[depth] = null;
        if (depth == 0) {
            unitDie(d);
            return;
        }
        TypeDie parent = openTypes[depth - 1];
        if (parent != null) {
            child(parent, d);
        }
        if (isType(d.tag())) {
            TypeDie t = typeDie(d, depth);
            types.add(t);
            openTypes[depth] = t;
            if (cplusplus && t.name != null && (t.isStructLike() || t.tag == DwTag.ENUMERATION_TYPE)) {
                scopes[depth] = t.name;
            }
        } else if (d.tag() == DwTag.NAMESPACE && cplusplus) {
            String n = unit.string(d.get(DwAt.NAME));
            scopes[depth] = qualified(depth, n == null ? "(anonymous namespace)" : n);
        }
    }

    @Override
    public UnitTypes finish() {
        return new TypeMerger(classes, types).merge();
    }

    private void unitDie(Die d) throws FormatException {
        if (d.get(DwAt.LANGUAGE) instanceof AttrValue.Constant c) {
            cplusplus = isCplusplus(c.value());
        }
        if (d.get(DwAt.STMT_LIST) instanceof AttrValue.SecOffset s) {
            stmtList = s.offset();
        } else if (d.get(DwAt.STMT_LIST) instanceof AttrValue.Constant c) {
            stmtList = c.value();
        }
        String dir = unit.string(d.get(DwAt.COMP_DIR));
        compDir = dir == null ? "" : dir;
    }

    /** {@code DW_LANG_C_plus_plus} (and _03, _11, _14, _17, _20) and {@code DW_LANG_ObjC_plus_plus}. */
    static boolean isCplusplus(long language) {
        return language == 0x04 || language == 0x19 || language == 0x1a || language == 0x21
                || language == 0x2a || language == 0x2b || language == 0x11;
    }

    static boolean isType(int tag) {
        return switch (tag) {
            case DwTag.BASE_TYPE, DwTag.POINTER_TYPE, DwTag.REFERENCE_TYPE, DwTag.RVALUE_REFERENCE_TYPE,
                    DwTag.CONST_TYPE, DwTag.VOLATILE_TYPE, DwTag.RESTRICT_TYPE, DwTag.ATOMIC_TYPE, DwTag.TYPEDEF,
                    DwTag.STRUCTURE_TYPE, DwTag.CLASS_TYPE, DwTag.UNION_TYPE, DwTag.ENUMERATION_TYPE,
                    DwTag.ARRAY_TYPE, DwTag.SUBROUTINE_TYPE, DwTag.UNSPECIFIED_TYPE, DwTag.PTR_TO_MEMBER_TYPE -> true;
            default -> false;
        };
    }

    private TypeDie typeDie(Die d, int depth) throws FormatException {
        TypeDie t = new TypeDie(d.offset(), d.tag(), unit.header().addressSize(), cplusplus);
        String name = unit.string(d.get(DwAt.NAME));
        boolean scoped = cplusplus && d.tag() != DwTag.BASE_TYPE && d.tag() != DwTag.UNSPECIFIED_TYPE;
        t.name = name == null ? null : scoped ? qualified(depth, name) : name;
        t.byteSize = constant(d.get(DwAt.BYTE_SIZE), -1);
        t.target = ref(d.get(DwAt.TYPE));
        t.containing = ref(d.get(DwAt.CONTAINING_TYPE));
        t.declaration = flag(d.get(DwAt.DECLARATION));
        t.prototyped = flag(d.get(DwAt.PROTOTYPED));
        t.encoding = (int) constant(d.get(DwAt.ENCODING), 0);
        t.alignment = constant(d.get(DwAt.ALIGNMENT), 0);
        long line = constant(d.get(DwAt.DECL_LINE), 0);
        AttrValue file = d.get(DwAt.DECL_FILE);
        if (file instanceof AttrValue.Constant f) {
            t.declFile = file(f.value());
            t.declLine = line;
        }
        return t;
    }

    /** The name qualified by the enclosing C++ scopes. */
    private String qualified(int depth, String name) {
        for (int i = depth - 1; i > 0; i--) {
            if (scopes[i] != null) {
                return scopes[i] + "::" + name;
            }
        }
        return name;
    }

    private void child(TypeDie parent, Die d) throws FormatException {
        switch (d.tag()) {
            case DwTag.MEMBER, DwTag.VARIABLE -> {
                String name = unit.string(d.get(DwAt.NAME));
                if (d.tag() == DwTag.VARIABLE || flag(d.get(DwAt.DECLARATION))) {
                    parent.statics = TypeDie.add(parent.statics, new Type.StaticMember(name, ref(d.get(DwAt.TYPE))));
                    return;
                }
                parent.members = TypeDie.add(parent.members, new TypeDie.RawMember(name, ref(d.get(DwAt.TYPE)),
                        memberLocation(d.offset(), d.get(DwAt.DATA_MEMBER_LOCATION)), constant(d.get(DwAt.BIT_SIZE), 0),
                        d.get(DwAt.BIT_OFFSET) instanceof AttrValue.Constant c ? c.value() : TypeDie.ABSENT,
                        d.get(DwAt.DATA_BIT_OFFSET) instanceof AttrValue.Constant c ? c.value() : TypeDie.ABSENT,
                        constant(d.get(DwAt.BYTE_SIZE), -1), constant(d.get(DwAt.ALIGNMENT), 0)));
            }
            case DwTag.INHERITANCE -> {
                boolean virtual = constant(d.get(DwAt.VIRTUALITY), 0) != 0;
                AttrValue loc = d.get(DwAt.DATA_MEMBER_LOCATION);
                long offset = virtual && !(loc instanceof AttrValue.Constant) ? -1 : memberLocation(d.offset(), loc);
                parent.bases = TypeDie.add(parent.bases, new Type.Inheritance(ref(d.get(DwAt.TYPE)), offset, virtual,
                        access(d.get(DwAt.ACCESSIBILITY))));
            }
            case DwTag.ENUMERATOR -> {
                AttrValue v = d.get(DwAt.CONST_VALUE);
                if (v instanceof AttrValue.Constant c && c.signed() && c.value() < 0) {
                    parent.signedValues = true;
                }
                parent.enumerators = TypeDie.add(parent.enumerators, new Type.Enumerator(unit.string(d.get(DwAt.NAME)), constant(v, 0)));
            }
            case DwTag.SUBRANGE_TYPE -> {
                AttrValue count = d.get(DwAt.COUNT);
                AttrValue upper = d.get(DwAt.UPPER_BOUND);
                long lower = constant(d.get(DwAt.LOWER_BOUND), 0);
                long dim = count instanceof AttrValue.Constant c ? c.value()
                        : upper instanceof AttrValue.Constant ub && !(ub.signed() && ub.value() < 0)
                                ? ub.value() - lower + 1 : -1;
                parent.dims = TypeDie.add(parent.dims, dim);
            }
            case DwTag.FORMAL_PARAMETER -> parent.params = TypeDie.add(parent.params, ref(d.get(DwAt.TYPE)));
            case DwTag.UNSPECIFIED_PARAMETERS -> parent.varargs = true;
            default -> { }
        }
    }

    private static String access(AttrValue v) {
        if (v instanceof AttrValue.Constant c) {
            return switch ((int) c.value()) {
                case 1 -> "public";
                case 2 -> "protected";
                case 3 -> "private";
                default -> null;
            };
        }
        return null;
    }

    /** Resolves a {@code DW_AT_decl_file} index through the line table header, once per unit. */
    private String file(long index) throws FormatException {
        if (stmtList < 0) {
            return null;
        }
        if (files == null) {
            LineHeader h = LineHeader.read(sections, stmtList);
            files = new String[h.files().size()];
            for (int i = 0; i < files.length; i++) {
                FileEntry e = h.files().get(i);
                files[i] = e.name() == null ? null
                        : intern(FilePaths.join(h.version(), h.includeDirectories(), e, compDir));
            }
            fileBase = h.version() >= 5 ? 0 : 1;
        }
        long i = index - fileBase;
        return i >= 0 && i < files.length ? files[(int) i] : null;
    }

    private int fileBase;

    private String intern(String s) {
        if (s == null) {
            return null;
        }
        String prior = interned.get(s); // nearly always there: no bin lock then
        if (prior == null) {
            prior = interned.putIfAbsent(s, s);
        }
        return prior != null ? prior : s;
    }

    private static boolean flag(AttrValue v) {
        return v instanceof AttrValue.Flag f && f.value();
    }

    static long ref(AttrValue v) {
        return v instanceof AttrValue.Ref r ? r.infoOffset() : Type.VOID;
    }

    static long constant(AttrValue v, long absent) {
        return v instanceof AttrValue.Constant c ? c.value() : absent;
    }

    /**
     * A constant, or a {@code DW_OP_plus_uconst} / {@code DW_OP_constu} expression; 0 when absent.
     *
     * @throws FormatException naming {@code .debug_info} and the DIE if the operand is malformed
     */
    static long memberLocation(long die, AttrValue v) throws FormatException {
        if (v instanceof AttrValue.Constant c) {
            return c.value();
        }
        if (v instanceof AttrValue.Block b && b.bytes().length > 0) {
            int op = b.bytes()[0] & 0xff;
            if (op == 0x23 || op == 0x10) {
                try {
                    return new BinaryCursor(ByteSource.of(b.bytes(), "DW_AT_data_member_location"), 1).uleb();
                } catch (FormatException e) {
                    // The expression's own source names no section: name the member's DIE.
                    throw new FormatException("debug_info", die, "member DIE at 0x" + Long.toHexString(die)
                            + ": DW_AT_data_member_location: " + e.detail());
                }
            }
        }
        return 0;
    }
}
