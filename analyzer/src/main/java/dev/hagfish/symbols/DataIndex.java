package dev.hagfish.symbols;

import dev.hagfish.dwarf.AttrValue;
import dev.hagfish.dwarf.Die;
import dev.hagfish.dwarf.DwAt;
import dev.hagfish.dwarf.DwTag;
import dev.hagfish.dwarf.Unit;
import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.symbols.DwarfFacts.TypeFact;
import dev.hagfish.symbols.DwarfFacts.Variable;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code DataIndex} collects, during the {@link DwarfIndex} pass, the variables whose location
 * is a fixed address ({@code DW_OP_addr}, {@code DW_OP_addrx}) and the type facts that size
 * them, and then answers "which variable holds this address" from DWARF alone.
 *
 * <p>Filled single-threaded; read-only once {@link #finish} ran.
 */
final class DataIndex {
    private static final int DW_OP_ADDR = 0x03;
    private static final int DW_OP_ADDRX = 0xa1;
    private static final int DW_OP_GNU_ADDR_INDEX = 0xfb;
    private static final int MAX_TYPE_CHAIN = 64;
    private static final Set<Integer> SIZED = Set.of(DwTag.BASE_TYPE, DwTag.STRUCTURE_TYPE, DwTag.CLASS_TYPE,
            DwTag.UNION_TYPE, DwTag.ENUMERATION_TYPE, DwTag.TYPEDEF, DwTag.CONST_TYPE, DwTag.VOLATILE_TYPE,
            DwTag.RESTRICT_TYPE, DwTag.ATOMIC_TYPE, DwTag.UNSPECIFIED_TYPE, DwTag.SUBROUTINE_TYPE);
    private static final Set<Integer> POINTERS = Set.of(DwTag.POINTER_TYPE, DwTag.REFERENCE_TYPE,
            DwTag.RVALUE_REFERENCE_TYPE, DwTag.PTR_TO_MEMBER_TYPE);

    private final Map<Long, TypeFact> types = new HashMap<>();
    private final List<Variable> variables = new ArrayList<>();
    private long array = -1;
    private int arrayDepth = -1;
    private final ByteOrder order;
    private DataSymbol[] byAddress = new DataSymbol[0];

    /** Creates an empty index for an object of the given byte order. */
    DataIndex(ByteOrder order) {
        this.order = order;
    }

    /** Records what a DIE contributes: a type fact, an array dimension, or a variable. */
    void visit(Unit u, Die d) throws FormatException {
        if (array >= 0 && d.depth() <= arrayDepth) {
            array = -1;
        }
        int tag = d.tag();
        long byteSize = DwarfIndex.constant(d.get(DwAt.BYTE_SIZE), DwarfFacts.NONE);
        long type = DwarfIndex.ref(d.get(DwAt.TYPE));
        if (SIZED.contains(tag)) {
            types.put(d.offset(), new TypeFact(tag, byteSize, type, DwarfFacts.NONE));
        } else if (POINTERS.contains(tag)) {
            long size = byteSize != DwarfFacts.NONE ? byteSize : u.header().addressSize();
            types.put(d.offset(), new TypeFact(tag, size, type, DwarfFacts.NONE));
        } else if (tag == DwTag.ARRAY_TYPE) {
            types.put(d.offset(), new TypeFact(tag, byteSize, type, 1));
            array = d.offset();
            arrayDepth = d.depth();
        } else if (tag == DwTag.SUBRANGE_TYPE && array >= 0 && d.depth() == arrayDepth + 1) {
            TypeFact a = types.get(array);
            types.put(array, a.withCount(a.count() * count(d)));
        } else if (tag == DwTag.VARIABLE && d.get(DwAt.LOCATION) instanceof AttrValue.Block b) {
            address(u, d.offset(), b.bytes()).ifPresent(addr -> variables.add(new Variable(d.offset(), addr)));
        }
    }

    /** Returns a dimension's element count: DW_AT_count, or upper - lower + 1, else 0. */
    private static long count(Die d) {
        long count = DwarfIndex.constant(d.get(DwAt.COUNT), DwarfFacts.NONE);
        if (count != DwarfFacts.NONE) {
            return count;
        }
        AttrValue upper = d.get(DwAt.UPPER_BOUND);
        if (upper instanceof AttrValue.Constant k) {
            return k.value() - DwarfIndex.constant(d.get(DwAt.LOWER_BOUND), 0) + 1;
        }
        return 0;
    }

    /**
     * Returns the address of a location that is exactly one DW_OP_addr or DW_OP_addrx.
     *
     * @throws FormatException naming {@code .debug_info} and the variable's DIE if the
     *     DW_OP_addrx operand is malformed
     */
    private Optional<Long> address(Unit u, long die, byte[] expr) throws FormatException {
        int size = u.header().addressSize();
        if (expr.length == 1 + size && (expr[0] & 0xff) == DW_OP_ADDR) {
            ByteSource s = ByteSource.of(expr, "DW_OP_addr").withOrder(order);
            return Optional.of(size == 8 ? s.u64(1) : size == 4 ? s.u32(1) : size == 2 ? s.u16(1) : s.u8(1));
        }
        if (expr.length > 1 && ((expr[0] & 0xff) == DW_OP_ADDRX || (expr[0] & 0xff) == DW_OP_GNU_ADDR_INDEX)) {
            BinaryCursor c = new BinaryCursor(ByteSource.of(expr, "DW_OP_addrx"), 1);
            long index;
            try {
                index = c.uleb();
            } catch (FormatException e) {
                // The expression's own source names no section; report the DIE, as Unit.address does.
                throw new FormatException("debug_info", die, "variable DIE at 0x" + Long.toHexString(die)
                        + ": DW_AT_location's DW_OP_addrx operand: " + e.detail());
            }
            if (c.atEnd()) {
                return Optional.of(u.address(new AttrValue.AddressIndex(index)));
            }
        }
        return Optional.empty();
    }

    /** Names and sizes the variables, now that every DIE was seen. */
    void finish(Names names) {
        List<DataSymbol> out = new ArrayList<>(variables.size());
        for (Variable v : variables) {
            String name = names.variableName(v.die());
            long type = names.type(v.die());
            out.add(new DataSymbol(name == null ? "" : name, v.address(), size(type, 0)));
        }
        out.sort(Comparator.comparing(DataSymbol::start, Long::compareUnsigned));
        byAddress = out.toArray(DataSymbol[]::new);
    }

    private long size(long type, int depth) {
        long off = type;
        for (int step = depth; step < MAX_TYPE_CHAIN && off != DwarfFacts.NONE; step++) {
            TypeFact f = types.get(off);
            if (f == null) {
                return 0;
            }
            if (f.tag() == DwTag.ARRAY_TYPE) {
                return f.byteSize() != DwarfFacts.NONE ? f.byteSize() : size(f.type(), step + 1) * f.count();
            }
            if (f.byteSize() != DwarfFacts.NONE) {
                return f.byteSize();
            }
            off = f.type();
        }
        return 0;
    }

    /** Returns the variable holding an address (a sizeless one holds only its own address). */
    Optional<DataSymbol> find(long address) {
        int lo = 0;
        int hi = byAddress.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(byAddress[mid].start(), address) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo - 1; i >= 0 && byAddress[i].start() == byAddress[lo - 1].start(); i--) {
            DataSymbol s = byAddress[i];
            long off = address - s.start();
            if (off == 0 || Long.compareUnsigned(off, s.size()) < 0) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
