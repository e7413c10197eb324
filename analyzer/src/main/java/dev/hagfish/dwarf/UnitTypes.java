package dev.hagfish.dwarf;

/**
 * {@code UnitTypes} is what {@link TypeCollector} keeps of one unit once its types are merged
 * ({@link TypeMerger}): the offset of each type DIE, in DIE order, and the {@link TypeClass} it
 * belongs to. Opaque outside this package: {@link TypeReader#build} joins the units into a graph.
 *
 * <p>Immutable once made; safe to hand between threads.
 */
public final class UnitTypes {
    final long[] offsets;
    final TypeClass[] classes;

    UnitTypes(long[] offsets, TypeClass[] classes) {
        this.offsets = offsets;
        this.classes = classes;
    }

    /** Returns the number of type DIEs of the unit. */
    public int size() {
        return offsets.length;
    }
}
