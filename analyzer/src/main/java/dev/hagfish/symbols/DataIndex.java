package dev.hagfish.symbols;

import dev.hagfish.dwarf.AttrValue;
import dev.hagfish.dwarf.Die;
import dev.hagfish.dwarf.DwAt;
import dev.hagfish.dwarf.DwTag;
import dev.hagfish.dwarf.Unit;
import dev.hagfish.dwarf.UnitWalker;
import dev.hagfish.symbols.DwarfFacts.TypeFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code DataIndex} answers "which variable holds this address" from DWARF alone: the
 * {@link Program}'s variables at fixed addresses, sized by the type facts that a
 * {@link TypeSizes} visitor per unit collected in the same pass.
 *
 * <p>Immutable once built.
 */
final class DataIndex {
    private static final int MAX_TYPE_CHAIN = 64;
    private static final Set<Integer> SIZED = Set.of(DwTag.BASE_TYPE, DwTag.STRUCTURE_TYPE, DwTag.CLASS_TYPE,
            DwTag.UNION_TYPE, DwTag.ENUMERATION_TYPE, DwTag.TYPEDEF, DwTag.CONST_TYPE, DwTag.VOLATILE_TYPE,
            DwTag.RESTRICT_TYPE, DwTag.ATOMIC_TYPE, DwTag.UNSPECIFIED_TYPE, DwTag.SUBROUTINE_TYPE);
    private static final Set<Integer> POINTERS = Set.of(DwTag.POINTER_TYPE, DwTag.REFERENCE_TYPE,
            DwTag.RVALUE_REFERENCE_TYPE, DwTag.PTR_TO_MEMBER_TYPE);

    private final long[] unitEnds;
    private final List<Map<Long, TypeFact>> types;
    private final DataSymbol[] byAddress;

    /**
     * Collects what one unit's type DIEs contribute to variable sizes. Single-threaded, like its
     * unit.
     */
    static final class TypeSizes implements UnitWalker.Visitor<Map<Long, TypeFact>> {
        private final Unit unit;
        private final Map<Long, TypeFact> types = new HashMap<>();
        private long array = -1;
        private int arrayDepth = -1;

        TypeSizes(Unit unit) {
            this.unit = unit;
        }

        /** Records what a DIE contributes: a type fact or an array dimension. */
        @Override
        public void visit(Die d) {
            if (array >= 0 && d.depth() <= arrayDepth) {
                array = -1;
            }
            int tag = d.tag();
            long byteSize = DieValues.constant(d.get(DwAt.BYTE_SIZE), DwarfFacts.NONE);
            long type = DieValues.ref(d.get(DwAt.TYPE));
            if (SIZED.contains(tag)) {
                types.put(d.offset(), new TypeFact(tag, byteSize, type, DwarfFacts.NONE));
            } else if (POINTERS.contains(tag)) {
                long size = byteSize != DwarfFacts.NONE ? byteSize : unit.header().addressSize();
                types.put(d.offset(), new TypeFact(tag, size, type, DwarfFacts.NONE));
            } else if (tag == DwTag.ARRAY_TYPE) {
                types.put(d.offset(), new TypeFact(tag, byteSize, type, 1));
                array = d.offset();
                arrayDepth = d.depth();
            } else if (tag == DwTag.SUBRANGE_TYPE && array >= 0 && d.depth() == arrayDepth + 1) {
                TypeFact a = types.get(array);
                types.put(array, a.withCount(a.count() * count(d)));
            }
        }

        @Override
        public Map<Long, TypeFact> finish() {
            return types;
        }
    }

    /**
     * Indexes the variables at fixed addresses, each named as {@code llvm-symbolizer} names it
     * and sized by its type.
     *
     * @param unitEnds the offset past each unit, in section order
     * @param types the type facts of each unit
     * @param variables the program's variables
     */
    DataIndex(long[] unitEnds, List<Map<Long, TypeFact>> types, List<Variable> variables) {
        this.unitEnds = unitEnds;
        this.types = types;
        List<DataSymbol> out = new ArrayList<>(variables.size());
        for (Variable v : variables) {
            if (v.address().isPresent()) {
                String name = Names.display(v.name(), v.linkageName());
                out.add(new DataSymbol(name == null ? "" : name, v.address().getAsLong(), size(v.type(), 0)));
            }
        }
        out.sort(Comparator.comparing(DataSymbol::start, Long::compareUnsigned));
        byAddress = out.toArray(DataSymbol[]::new);
    }

    /** Returns a dimension's element count: DW_AT_count, or upper - lower + 1, else 0. */
    private static long count(Die d) {
        long count = DieValues.constant(d.get(DwAt.COUNT), DwarfFacts.NONE);
        if (count != DwarfFacts.NONE) {
            return count;
        }
        AttrValue upper = d.get(DwAt.UPPER_BOUND);
        if (upper instanceof AttrValue.Constant k) {
            return k.value() - DieValues.constant(d.get(DwAt.LOWER_BOUND), 0) + 1;
        }
        return 0;
    }

    private long size(long type, int depth) {
        long off = type;
        for (int step = depth; step < MAX_TYPE_CHAIN && off != DwarfFacts.NONE; step++) {
            TypeFact f = type(off);
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

    /** Returns the type fact of the DIE at {@code off}, from its unit's map; null if none. */
    private TypeFact type(long off) {
        int lo = 0;
        int hi = unitEnds.length;
        while (lo < hi) { // the first unit that ends after the offset
            int mid = (lo + hi) >>> 1;
            if (unitEnds[mid] <= off) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < unitEnds.length ? types.get(lo).get(off) : null;
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
