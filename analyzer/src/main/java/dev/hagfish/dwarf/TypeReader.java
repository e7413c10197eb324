package dev.hagfish.dwarf;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.types.Member;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code TypeReader} turns the type DIEs of every unit into a {@link TypeGraph}, one streaming
 * pass per unit; types are identified by their DIE offset. Member positions are normalised to a
 * bit offset from the start of the struct: DWARF 4+ {@code DW_AT_data_bit_offset} directly, DWARF
 * 2/3 {@code DW_AT_bit_offset} (counted from the most significant bit of the storage unit,
 * little-endian targets) through the storage size, and {@code DW_AT_data_member_location} given
 * as a constant or as a {@code DW_OP_plus_uconst} expression.
 */
public final class TypeReader {
    private TypeReader() {}

    /** A member whose bit offset needs the graph (the storage unit's size). */
    private record RawMember(String name, long type, long location, long bitSize, Long bitOffset2,
            Long dataBitOffset, long storageBytes) {}

    /** A type DIE being read, with its children. */
    private static final class Builder {
        final Die die;
        final Unit unit;
        final List<RawMember> members = new ArrayList<>();
        final List<Type.Enumerator> enumerators = new ArrayList<>();
        final List<Long> dims = new ArrayList<>();
        final List<Long> params = new ArrayList<>();
        boolean varargs;

        Builder(Die die, Unit unit) {
            this.die = die;
            this.unit = unit;
        }
    }

    /** Reads every type of the file. */
    public static TypeGraph read(DwarfSections sections) throws FormatException {
        DieReader r = new DieReader(sections);
        List<Builder> builders = new ArrayList<>();
        for (UnitHeader h : r.unitHeaders()) {
            Unit u = r.unit(h);
            Deque<Builder> open = new ArrayDeque<>();
            Deque<Integer> openDepth = new ArrayDeque<>();
            DieReader.Cursor c = r.cursor(u);
            for (Die d = c.next(); d != null; d = c.next()) {
                while (!openDepth.isEmpty() && openDepth.peek() >= d.depth()) {
                    openDepth.pop();
                    open.pop();
                }
                Builder parent = open.isEmpty() || openDepth.peek() != d.depth() - 1 ? null : open.peek();
                if (parent != null) {
                    addChild(parent, d, u);
                }
                if (isType(d.tag())) {
                    Builder b = new Builder(d, u);
                    builders.add(b);
                    if (d.hasChildren()) {
                        open.push(b);
                        openDepth.push(d.depth());
                    }
                }
            }
        }
        Map<Long, Type> types = new HashMap<>();
        for (Builder b : builders) {
            types.put(b.die.offset(), provisional(b));
        }
        TypeGraph provisionalGraph = new TypeGraph(types);
        for (Builder b : builders) {
            if (b.die.tag() == DwTag.STRUCTURE_TYPE || b.die.tag() == DwTag.CLASS_TYPE
                    || b.die.tag() == DwTag.UNION_TYPE) {
                types.put(b.die.offset(), struct(b, provisionalGraph));
            }
        }
        return new TypeGraph(types);
    }

    private static boolean isType(int tag) {
        return switch (tag) {
            case DwTag.BASE_TYPE, DwTag.POINTER_TYPE, DwTag.REFERENCE_TYPE, DwTag.RVALUE_REFERENCE_TYPE,
                    DwTag.CONST_TYPE, DwTag.VOLATILE_TYPE, DwTag.RESTRICT_TYPE, DwTag.ATOMIC_TYPE, DwTag.TYPEDEF,
                    DwTag.STRUCTURE_TYPE, DwTag.CLASS_TYPE, DwTag.UNION_TYPE, DwTag.ENUMERATION_TYPE,
                    DwTag.ARRAY_TYPE, DwTag.SUBROUTINE_TYPE, DwTag.UNSPECIFIED_TYPE -> true;
            default -> false;
        };
    }

    private static void addChild(Builder parent, Die d, Unit u) throws FormatException {
        switch (d.tag()) {
            case DwTag.MEMBER -> {
                if (d.get(DwAt.DECLARATION) != null) {
                    return; // a static data member
                }
                long storage = constant(d.get(DwAt.BYTE_SIZE), -1);
                parent.members.add(new RawMember(u.string(d.get(DwAt.NAME)), ref(d.get(DwAt.TYPE)),
                        memberLocation(d.get(DwAt.DATA_MEMBER_LOCATION)), constant(d.get(DwAt.BIT_SIZE), 0),
                        d.get(DwAt.BIT_OFFSET) == null ? null : constant(d.get(DwAt.BIT_OFFSET), 0),
                        d.get(DwAt.DATA_BIT_OFFSET) == null ? null : constant(d.get(DwAt.DATA_BIT_OFFSET), 0),
                        storage));
            }
            case DwTag.ENUMERATOR -> parent.enumerators.add(new Type.Enumerator(u.string(d.get(DwAt.NAME)),
                    constant(d.get(DwAt.CONST_VALUE), 0)));
            case DwTag.SUBRANGE_TYPE -> {
                AttrValue count = d.get(DwAt.COUNT);
                AttrValue upper = d.get(DwAt.UPPER_BOUND);
                long dim = count instanceof AttrValue.Constant c ? c.value()
                        : upper instanceof AttrValue.Constant ub ? ub.value() + 1 : -1;
                parent.dims.add(dim);
            }
            case DwTag.FORMAL_PARAMETER -> parent.params.add(ref(d.get(DwAt.TYPE)));
            case DwTag.UNSPECIFIED_PARAMETERS -> parent.varargs = true;
            default -> { }
        }
    }

    private static Type provisional(Builder b) throws FormatException {
        Die d = b.die;
        long id = d.offset();
        String name = b.unit.string(d.get(DwAt.NAME));
        long size = constant(d.get(DwAt.BYTE_SIZE), -1);
        long target = ref(d.get(DwAt.TYPE));
        return switch (d.tag()) {
            case DwTag.BASE_TYPE -> new Type.Base(id, name, size);
            case DwTag.POINTER_TYPE -> new Type.Pointer(id, Type.PointerKind.POINTER, target,
                    size > 0 ? size : b.unit.header().addressSize());
            case DwTag.REFERENCE_TYPE -> new Type.Pointer(id, Type.PointerKind.REFERENCE, target,
                    size > 0 ? size : b.unit.header().addressSize());
            case DwTag.RVALUE_REFERENCE_TYPE -> new Type.Pointer(id, Type.PointerKind.RVALUE_REFERENCE, target,
                    size > 0 ? size : b.unit.header().addressSize());
            case DwTag.CONST_TYPE -> new Type.Qualified(id, Type.Qualifier.CONST, target);
            case DwTag.VOLATILE_TYPE -> new Type.Qualified(id, Type.Qualifier.VOLATILE, target);
            case DwTag.RESTRICT_TYPE -> new Type.Qualified(id, Type.Qualifier.RESTRICT, target);
            case DwTag.ATOMIC_TYPE -> new Type.Qualified(id, Type.Qualifier.ATOMIC, target);
            case DwTag.TYPEDEF -> new Type.Typedef(id, name, target);
            case DwTag.ENUMERATION_TYPE -> new Type.Enum(id, name, size, b.enumerators);
            case DwTag.ARRAY_TYPE -> new Type.Array(id, target, b.dims.isEmpty() ? List.of(-1L) : b.dims);
            case DwTag.SUBROUTINE_TYPE -> new Type.Function(id, target, b.params, b.varargs,
                    d.get(DwAt.PROTOTYPED) instanceof AttrValue.Flag f && f.value());
            case DwTag.UNSPECIFIED_TYPE -> new Type.Void(id, name == null ? "void" : name);
            default -> new Type.Struct(id, kind(d.tag()), name, size,
                    d.get(DwAt.DECLARATION) instanceof AttrValue.Flag f && f.value(), List.of());
        };
    }

    private static Type.Struct struct(Builder b, TypeGraph graph) throws FormatException {
        List<Member> members = new ArrayList<>();
        for (RawMember m : b.members) {
            long bitOffset;
            if (m.dataBitOffset() != null) {
                bitOffset = m.dataBitOffset();
            } else if (m.bitOffset2() != null && m.bitSize() != 0) {
                long storage = m.storageBytes() > 0 ? m.storageBytes() : Math.max(0, graph.sizeOf(m.type()));
                bitOffset = m.location() * 8 + storage * 8 - m.bitOffset2() - m.bitSize();
            } else {
                bitOffset = m.location() * 8;
            }
            members.add(new Member(m.name(), m.type(), bitOffset, m.bitSize()));
        }
        Die d = b.die;
        return new Type.Struct(d.offset(), kind(d.tag()), b.unit.string(d.get(DwAt.NAME)),
                constant(d.get(DwAt.BYTE_SIZE), -1), d.get(DwAt.DECLARATION) instanceof AttrValue.Flag f && f.value(),
                members);
    }

    private static Type.Kind kind(int tag) {
        return tag == DwTag.UNION_TYPE ? Type.Kind.UNION : tag == DwTag.CLASS_TYPE ? Type.Kind.CLASS : Type.Kind.STRUCT;
    }

    private static long ref(AttrValue v) {
        return v instanceof AttrValue.Ref r ? r.infoOffset() : Type.VOID;
    }

    private static long constant(AttrValue v, long absent) {
        return v instanceof AttrValue.Constant c ? c.value() : absent;
    }

    /** A constant, or a {@code DW_OP_plus_uconst} / {@code DW_OP_constu} expression; 0 when absent. */
    private static long memberLocation(AttrValue v) throws FormatException {
        if (v instanceof AttrValue.Constant c) {
            return c.value();
        }
        if (v instanceof AttrValue.Block b && b.bytes().length > 0) {
            int op = b.bytes()[0] & 0xff;
            if (op == 0x23 || op == 0x10) {
                return new BinaryCursor(ByteSource.of(b.bytes(), "DW_AT_data_member_location"), 1).uleb();
            }
        }
        return 0;
    }
}
