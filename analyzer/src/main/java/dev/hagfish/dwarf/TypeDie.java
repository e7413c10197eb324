package dev.hagfish.dwarf;

import dev.hagfish.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code TypeDie} is what {@link TypeCollector} keeps of one type DIE and its children: plain
 * values, never the DIE itself, so that a unit's DIEs can be dropped once it is walked. Opaque
 * outside this package: {@link TypeReader#build} turns the collected lists into a graph.
 */
public final class TypeDie {
    /** A member whose bit offset may need the graph (the storage unit's size in DWARF 2/3). */
    record RawMember(String name, long type, long location, long bitSize, long bitOffset2, long dataBitOffset,
            long storageBytes, long alignment) {}

    /** Marks an absent {@code DW_AT_bit_offset} or {@code DW_AT_data_bit_offset} in a {@link RawMember}. */
    static final long ABSENT = Long.MIN_VALUE;

    final long offset;
    final int tag;
    final int addressSize;
    final boolean cplusplus;
    String name;
    long byteSize = -1;
    long target = Type.VOID;
    long containing = Type.VOID;
    boolean declaration;
    boolean prototyped;
    boolean varargs;
    int encoding;
    long alignment;
    boolean signedValues;
    String declFile;
    long declLine;
    List<RawMember> members = List.of();
    List<Type.Enumerator> enumerators = List.of();
    List<Long> dims = List.of();
    List<Long> params = List.of();
    List<Type.Inheritance> bases = List.of();
    List<Type.StaticMember> statics = List.of();

    TypeDie(long offset, int tag, int addressSize, boolean cplusplus) {
        this.offset = offset;
        this.tag = tag;
        this.addressSize = addressSize;
        this.cplusplus = cplusplus;
    }

    /**
     * Appends to a child list, which stays the shared empty list until its first child: millions
     * of type DIEs (pointers, typedefs, qualifiers) have no children.
     */
    static <T> List<T> add(List<T> list, T item) {
        List<T> out = list.isEmpty() && !(list instanceof ArrayList) ? new ArrayList<>(4) : list;
        out.add(item);
        return out;
    }

    boolean isStructLike() {
        return tag == DwTag.STRUCTURE_TYPE || tag == DwTag.CLASS_TYPE || tag == DwTag.UNION_TYPE;
    }
}
