package dev.hagfish.symbols;

import dev.hagfish.dwarf.AddressRange;
import dev.hagfish.dwarf.AttrValue;
import dev.hagfish.dwarf.Die;
import dev.hagfish.dwarf.DwAt;
import dev.hagfish.dwarf.DwTag;
import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.dwarf.FileTable;
import dev.hagfish.dwarf.Ranges;
import dev.hagfish.dwarf.Unit;
import dev.hagfish.dwarf.UnitWalker;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.symbols.DwarfFacts.InlinedFacts;
import dev.hagfish.symbols.DwarfFacts.Own;
import dev.hagfish.symbols.DwarfFacts.SubprogramFacts;
import dev.hagfish.symbols.DwarfFacts.VariableFacts;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A {@code ProgramCollector} is the {@link UnitWalker.Visitor} that collects one unit's
 * functions, inlined calls and variables as the walker streams its DIEs: the subprograms (with
 * their parameters), the inlined subroutines (with their call sites and nesting), the variables
 * at fixed addresses or at file scope, and the static data member declarations that variable
 * definitions refer to. It keeps each DIE's own attributes only, with {@code DW_AT_decl_file}
 * and {@code DW_AT_call_file} turned into paths through the unit's line table header (read on
 * first use); {@link ProgramReader#link} then follows references between DIEs and units.
 *
 * <p>Run it alone with {@link ProgramReader#read}, or beside other visitors in one pass by
 * opening one per unit with {@link ProgramReader#factory}. Single-threaded, like its unit.
 */
public final class ProgramCollector implements UnitWalker.Visitor<UnitProgram> {
    private final DwarfSections sections;
    private final Unit unit;
    private final boolean parameters;
    private final Ranges ranges;
    private final ByteOrder order;

    private String compDir = "";
    private long stmtList = DwarfFacts.NONE;
    private long base;
    private long rnglistsBase = -1;
    private List<AddressRange> unitRanges = List.of();
    private FileTable files;
    private final Map<Long, String> paths = new HashMap<>();

    private final List<SubprogramBuilder> subprograms = new ArrayList<>();
    private final List<InlinedFacts> inlined = new ArrayList<>();
    private final List<VariableFacts> variables = new ArrayList<>();
    private final List<Own> decls = new ArrayList<>(); // every Own made, so in DIE order

    // Per depth, for the DIE last seen at that depth: the nearest subprogram or inlined
    // subroutine at or above it, the nearest subprogram, the inlined subroutines at or above it,
    // whether a struct/class/union is nearer than any subroutine, and its subprogram builder.
    private long[] codeDie = new long[16];
    private long[] functionDie = new long[16];
    private int[] inlineDepth = new int[16];
    private boolean[] inType = new boolean[16];
    private int[] builder = new int[16];

    private final Attributes a = new Attributes();

    /** The attributes of the current DIE that the collector reads, found in one pass over them. */
    private static final class Attributes {
        AttrValue name, linkageName, declFile, declLine, type, external, artificial, origin, specification,
                declaration, inline, lowPc, highPc, ranges, location, callFile, callLine, callColumn, discriminator;

        /** As {@link Die#get}: of a repeated attribute, the first. */
        private static AttrValue first(AttrValue seen, AttrValue v) {
            return seen == null ? v : seen;
        }

        void read(Die d) {
            name = linkageName = declFile = declLine = type = external = artificial = origin = specification = null;
            declaration = inline = lowPc = highPc = ranges = location = callFile = callLine = callColumn = null;
            discriminator = null;
            for (int i = 0, n = d.attributes().size(); i < n; i++) {
                AttrValue v = d.value(i);
                switch (d.at(i)) {
                    case DwAt.NAME -> name = first(name, v);
                    case DwAt.LINKAGE_NAME, DwAt.MIPS_LINKAGE_NAME -> linkageName = first(linkageName, v);
                    case DwAt.DECL_FILE -> declFile = first(declFile, v);
                    case DwAt.DECL_LINE -> declLine = first(declLine, v);
                    case DwAt.TYPE -> type = first(type, v);
                    case DwAt.EXTERNAL -> external = first(external, v);
                    case DwAt.ARTIFICIAL -> artificial = first(artificial, v);
                    case DwAt.ABSTRACT_ORIGIN -> origin = first(origin, v);
                    case DwAt.SPECIFICATION -> specification = first(specification, v);
                    case DwAt.DECLARATION -> declaration = first(declaration, v);
                    case DwAt.INLINE -> inline = first(inline, v);
                    case DwAt.LOW_PC -> lowPc = first(lowPc, v);
                    case DwAt.HIGH_PC -> highPc = first(highPc, v);
                    case DwAt.RANGES -> ranges = first(ranges, v);
                    case DwAt.LOCATION -> location = first(location, v);
                    case DwAt.CALL_FILE -> callFile = first(callFile, v);
                    case DwAt.CALL_LINE -> callLine = first(callLine, v);
                    case DwAt.CALL_COLUMN -> callColumn = first(callColumn, v);
                    case DwAt.GNU_DISCRIMINATOR -> discriminator = first(discriminator, v);
                    default -> { }
                }
            }
        }
    }

    /** A subprogram whose parameters are still being read. */
    private static final class SubprogramBuilder {
        final Own own;
        final boolean declaration;
        final int inline;
        final OptionalLong lowPc;
        final List<AddressRange> ranges;
        final List<Own> parameters = new ArrayList<>();
        boolean variadic;

        SubprogramBuilder(Own own, boolean declaration, int inline, OptionalLong lowPc, List<AddressRange> ranges) {
            this.own = own;
            this.declaration = declaration;
            this.inline = inline;
            this.lowPc = lowPc;
            this.ranges = ranges;
        }
    }

    /**
     * Opens the collector of one unit.
     *
     * @param sections the object's sections ({@code .debug_line} for file names, the range
     *     sections, {@code .debug_addr})
     * @param unit the unit whose DIEs will follow, the unit DIE first
     */
    public ProgramCollector(DwarfSections sections, Unit unit) {
        this(sections, unit, true);
    }

    /**
     * Opens the collector of one unit, which keeps the subprograms' parameters only if asked (a
     * symbolizer does not need them).
     */
    ProgramCollector(DwarfSections sections, Unit unit, boolean parameters) {
        this.parameters = parameters;
        this.sections = sections;
        this.unit = unit;
        this.ranges = new Ranges(sections);
        this.order = sections.get("debug_info").map(ByteSource::order).orElse(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public void visit(Die d) throws FormatException {
        int depth = d.depth();
        if (depth == 0) {
            unitDie(d);
            return;
        }
        grow(depth);
        int up = depth - 1;
        long code = codeDie[up];
        long function = functionDie[up];
        int inl = inlineDepth[up];
        boolean typeScope = inType[up];
        int owner = builder[up];
        builder[depth] = -1;
        int tag = d.tag();
        switch (tag) {
            case DwTag.SUBPROGRAM -> {
                a.read(d);
                builder[depth] = subprograms.size();
                subprograms.add(new SubprogramBuilder(own(d), DieValues.flag(a.declaration),
                        (int) DieValues.constant(a.inline, 0), lowPc(), code()));
                code = d.offset();
                function = d.offset();
                inl = 0;
                typeScope = false;
            }
            case DwTag.INLINED_SUBROUTINE -> {
                a.read(d);
                inlined.add(new InlinedFacts(own(d), path(a.callFile), DieValues.constant(a.callLine, 0),
                        DieValues.constant(a.callColumn, 0), DieValues.constant(a.discriminator, 0), lowPc(), code(),
                        code, function, inl));
                code = d.offset();
                inl++;
                typeScope = false;
            }
            case DwTag.FORMAL_PARAMETER -> {
                if (owner >= 0 && parameters) {
                    a.read(d);
                    subprograms.get(owner).parameters.add(own(d));
                }
            }
            case DwTag.UNSPECIFIED_PARAMETERS -> {
                if (owner >= 0) {
                    subprograms.get(owner).variadic = true;
                }
            }
            case DwTag.VARIABLE -> {
                a.read(d);
                variable(d, typeScope, code, function);
            }
            case DwTag.MEMBER -> {
                // Millions of members are data members: look at the two flags before reading the rest.
                if (DieValues.flag(d.get(DwAt.DECLARATION)) || DieValues.flag(d.get(DwAt.EXTERNAL))) {
                    a.read(d);
                    own(d); // a static data member, which a definition may specify
                }
            }
            case DwTag.STRUCTURE_TYPE, DwTag.CLASS_TYPE, DwTag.UNION_TYPE -> typeScope = true;
            default -> { }
        }
        codeDie[depth] = code;
        functionDie[depth] = function;
        inlineDepth[depth] = inl;
        inType[depth] = typeScope;
    }

    private void unitDie(Die top) throws FormatException {
        String dir = unit.string(top.get(DwAt.COMP_DIR));
        compDir = dir == null ? "" : dir;
        AttrValue stmt = top.get(DwAt.STMT_LIST);
        stmtList = stmt instanceof AttrValue.SecOffset s ? s.offset()
                : stmt instanceof AttrValue.Constant k ? k.value() : DwarfFacts.NONE;
        base = DieValues.baseAddress(unit, top);
        rnglistsBase = DieValues.rnglistsBase(top);
        unitRanges = DieValues.ranges(ranges, unit, top, base, rnglistsBase);
        codeDie[0] = DwarfFacts.NONE;
        functionDie[0] = DwarfFacts.NONE;
        inlineDepth[0] = 0;
        inType[0] = false;
        builder[0] = -1;
    }

    /**
     * Keeps a variable at a fixed address or outside any function, or the declaration of a
     * static data member (a variable inside a struct or class, as DWARF 5 writes them).
     */
    private void variable(Die d, boolean typeScope, long code, long function) throws FormatException {
        if (typeScope) {
            own(d);
            return;
        }
        OptionalLong address = a.location instanceof AttrValue.Block b
                ? DieValues.fixedAddress(unit, d.offset(), b.bytes(), order) : OptionalLong.empty();
        boolean declaration = DieValues.flag(a.declaration);
        if (code != DwarfFacts.NONE && address.isEmpty() && !declaration) {
            return; // a local in a register or on the stack
        }
        variables.add(new VariableFacts(own(d), declaration, address, function));
    }

    /**
     * Returns the own attributes of the DIE whose attributes {@link #a} holds, and keeps them
     * where references find them.
     */
    private Own own(Die d) throws FormatException {
        Own o = new Own(d.offset(), unit.string(a.name), a.linkageName == null ? null : unit.string(a.linkageName),
                path(a.declFile), a.declFile != null, DieValues.constant(a.declLine, DwarfFacts.NONE),
                DieValues.ref(a.type), a.external == null ? null : DieValues.flag(a.external),
                a.artificial == null ? null : DieValues.flag(a.artificial), DieValues.ref(a.origin),
                DieValues.ref(a.specification));
        decls.add(o);
        return o;
    }

    private OptionalLong lowPc() throws FormatException {
        return DieValues.isAddress(a.lowPc) ? OptionalLong.of(unit.address(a.lowPc)) : OptionalLong.empty();
    }

    private List<AddressRange> code() throws FormatException {
        return DieValues.ranges(ranges, unit, a.lowPc, a.highPc, a.ranges, base, rnglistsBase);
    }

    /** Returns the path a file number names in the unit's line table header, or null. */
    private String path(AttrValue v) throws FormatException {
        if (!(v instanceof AttrValue.Constant k) || stmtList == DwarfFacts.NONE
                || sections.get("debug_line").isEmpty()) {
            return null;
        }
        if (files == null) {
            files = FileTable.read(sections, stmtList);
        }
        Long key = k.value();
        String p = paths.get(key);
        if (p == null && !paths.containsKey(key)) {
            p = files.path(k.value(), compDir).orElse(null);
            paths.put(key, p);
        }
        return p;
    }

    private void grow(int depth) {
        if (depth >= codeDie.length) {
            int n = Math.max(depth + 1, codeDie.length * 2);
            codeDie = Arrays.copyOf(codeDie, n);
            functionDie = Arrays.copyOf(functionDie, n);
            inlineDepth = Arrays.copyOf(inlineDepth, n);
            inType = Arrays.copyOf(inType, n);
            builder = Arrays.copyOf(builder, n);
        }
    }

    @Override
    public UnitProgram finish() {
        List<SubprogramFacts> subs = new ArrayList<>(subprograms.size());
        for (SubprogramBuilder b : subprograms) {
            subs.add(new SubprogramFacts(b.own, b.declaration, b.inline, b.lowPc, b.ranges, List.copyOf(b.parameters),
                    b.variadic));
        }
        return new UnitProgram(unit.header().offset(), unit.header().end(), compDir, stmtList, unitRanges, subs,
                inlined, variables, decls);
    }
}
