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
    record RawMember(String name, long type, long location, long bitSize, Long bitOffset2, Long dataBitOffset,
            long storageBytes, long alignment) {}

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
    final List<RawMember> members = new ArrayList<>();
    final List<Type.Enumerator> enumerators = new ArrayList<>();
    final List<Long> dims = new ArrayList<>();
    final List<Long> params = new ArrayList<>();
    final List<Type.Inheritance> bases = new ArrayList<>();
    final List<Type.StaticMember> statics = new ArrayList<>();

    TypeDie(long offset, int tag, int addressSize, boolean cplusplus) {
        this.offset = offset;
        this.tag = tag;
        this.addressSize = addressSize;
        this.cplusplus = cplusplus;
    }

    boolean isStructLike() {
        return tag == DwTag.STRUCTURE_TYPE || tag == DwTag.CLASS_TYPE || tag == DwTag.UNION_TYPE;
    }
}
