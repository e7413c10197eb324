package dev.hagfish.dwarf;

import dev.hagfish.io.FormatException;
import dev.hagfish.types.Member;
import dev.hagfish.types.SourceLocation;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongUnaryOperator;

/**
 * {@code TypeReader} turns the type DIEs of every unit into a {@link TypeGraph}: a
 * {@link TypeCollector} per unit during the one pass of {@link UnitWalker}, then {@link #build}.
 * Each collector merges its unit's types into the classes the units share ({@link TypeMerger}),
 * so the graph holds each distinct type once, whatever the number of units that repeat it: its
 * id is the lowest DIE offset of its class, and every other type DIE's offset is an alias that
 * {@link TypeGraph#get} answers with it. Member positions are normalised to a bit offset from
 * the start of the struct: DWARF 4+ {@code DW_AT_data_bit_offset} directly, DWARF 2/3
 * {@code DW_AT_bit_offset} (counted from the most significant bit of the storage unit,
 * little-endian targets) through the storage size, and {@code DW_AT_data_member_location} given
 * as a constant or as a {@code DW_OP_plus_uconst} expression.
 *
 * <p>One instance serves one read: its collectors may run on several threads; the graph does not
 * depend on their number or order.
 */
public final class TypeReader {
    private final DwarfSections sections;
    private final Map<String, String> interned = new ConcurrentHashMap<>();
    private final TypeClasses classes = new TypeClasses();

    /** Opens a read of a file's types, for a caller that runs the collectors in its own pass. */
    public TypeReader(DwarfSections sections) {
        this.sections = sections;
    }

    /** Reads every type of the file on one thread. @throws FormatException if a unit is malformed */
    public static TypeGraph read(DwarfSections sections) throws FormatException {
        return read(sections, 1);
    }

    /** Reads every type of the file, units on up to {@code threads} threads. @throws FormatException if malformed */
    public static TypeGraph read(DwarfSections sections, int threads) throws FormatException {
        TypeReader r = new TypeReader(sections);
        return r.build(UnitWalker.walk(sections, threads, r::collector));
    }

    /** Opens the collector of one unit (a {@link UnitWalker.Factory}). */
    public UnitWalker.Visitor<UnitTypes> collector(Unit unit) {
        return new TypeCollector(sections, unit, interned, classes);
    }

    /** Builds the graph from what the collectors kept, one result per unit in section order. */
    public TypeGraph build(List<UnitTypes> units) {
        int n = 0;
        for (UnitTypes u : units) {
            n += u.size();
        }
        long[] dies = new long[n];
        TypeClass[] of = new TypeClass[n];
        int at = 0;
        for (UnitTypes u : units) {
            System.arraycopy(u.offsets, 0, dies, at, u.size());
            System.arraycopy(u.classes, 0, of, at, u.size());
            at += u.size();
        }
        TypeClass[] byNumber = new TypeClass[classes.count()];
        List<TypeClass> distinct = new ArrayList<>();
        for (TypeClass c : of) {
            if (byNumber[c.number] == null) {
                byNumber[c.number] = c;
                distinct.add(c);
            }
        }
        long[] first = new long[byNumber.length]; // each class's id, read once
        for (TypeClass c : distinct) {
            first[c.number] = c.first();
        }
        distinct.sort(Comparator.comparingLong(c -> first[c.number]));
        LongUnaryOperator byOffset = off -> {
            int i = Arrays.binarySearch(dies, off);
            return i >= 0 ? first[of[i].number] : off;
        };
        LongUnaryOperator byClass = ref -> {
            if (ref >= 0) {
                return ref < byNumber.length && byNumber[(int) ref] != null ? first[(int) ref] : Type.VOID;
            }
            return ref == Type.VOID ? Type.VOID : byOffset.applyAsLong(TypeMerger.externalOffset(ref));
        };
        LongUnaryOperator raw = ref -> ref == Type.VOID ? Type.VOID : byOffset.applyAsLong(ref);
        List<TypeDie> all = new ArrayList<>(distinct.size());
        for (TypeClass c : distinct) {
            TypeDie t = c.key.mapped(first[c.number], c.single ? raw : byClass, c.single ? raw : byClass);
            if (t.isPointerLike() && !c.single) {
                t.target = byClass.applyAsLong(c.target());
                t.containing = byClass.applyAsLong(c.containing());
            }
            all.add(t);
        }
        int aliases = 0;
        for (int i = 0; i < n; i++) {
            aliases += dies[i] != first[of[i].number] ? 1 : 0;
        }
        long[] aliasIds = new long[aliases];
        long[] aliasTargets = new long[aliases];
        for (int i = 0, k = 0; i < n; i++) {
            if (dies[i] != first[of[i].number]) {
                aliasIds[k] = dies[i];
                aliasTargets[k++] = first[of[i].number];
            }
        }
        return graph(all, aliasIds, aliasTargets);
    }

    /** Makes the graph of the distinct types (in id order), members positioned through the graph. */
    private static TypeGraph graph(List<TypeDie> all, long[] aliasIds, long[] aliasTargets) {
        List<Type> types = new ArrayList<>(all.size());
        Map<Long, SourceLocation> locations = new HashMap<>();
        BitSet cplusplus = new BitSet(all.size());
        for (int i = 0; i < all.size(); i++) {
            TypeDie t = all.get(i);
            types.add(provisional(t));
            if (t.declFile != null || t.declLine > 0) {
                locations.put(t.offset, new SourceLocation(t.declFile, t.declLine));
            }
            if (t.cplusplus) {
                cplusplus.set(i);
            }
        }
        TypeGraph provisionalGraph = new TypeGraph(types, Map.of(), new BitSet());
        for (int i = 0; i < all.size(); i++) {
            TypeDie t = all.get(i);
            if (t.isStructLike()) {
                types.set(i, struct(t, provisionalGraph));
            } else if (t.tag == DwTag.ENUMERATION_TYPE) {
                types.set(i, enumeration(t, provisionalGraph));
            }
        }
        return new TypeGraph(types, locations, cplusplus, aliasIds, aliasTargets);
    }

    private static Type provisional(TypeDie t) {
        long id = t.offset;
        long pointerSize = t.byteSize > 0 ? t.byteSize : t.addressSize;
        return switch (t.tag) {
            case DwTag.BASE_TYPE -> new Type.Base(id, t.name, t.byteSize, encoding(t.encoding));
            case DwTag.POINTER_TYPE -> new Type.Pointer(id, Type.PointerKind.POINTER, t.target, pointerSize);
            case DwTag.REFERENCE_TYPE -> new Type.Pointer(id, Type.PointerKind.REFERENCE, t.target, pointerSize);
            case DwTag.RVALUE_REFERENCE_TYPE -> new Type.Pointer(id, Type.PointerKind.RVALUE_REFERENCE, t.target,
                    pointerSize);
            case DwTag.PTR_TO_MEMBER_TYPE -> new Type.MemberPointer(id, t.target, t.containing, pointerSize);
            case DwTag.CONST_TYPE -> new Type.Qualified(id, Type.Qualifier.CONST, t.target);
            case DwTag.VOLATILE_TYPE -> new Type.Qualified(id, Type.Qualifier.VOLATILE, t.target);
            case DwTag.RESTRICT_TYPE -> new Type.Qualified(id, Type.Qualifier.RESTRICT, t.target);
            case DwTag.ATOMIC_TYPE -> new Type.Qualified(id, Type.Qualifier.ATOMIC, t.target);
            case DwTag.TYPEDEF -> new Type.Typedef(id, t.name, t.target);
            case DwTag.ENUMERATION_TYPE -> new Type.Enum(id, t.name, t.byteSize, t.target, t.signedValues,
                    t.declaration, t.enumerators);
            case DwTag.ARRAY_TYPE -> new Type.Array(id, t.target, t.dims.isEmpty() ? List.of(-1L) : t.dims);
            case DwTag.SUBROUTINE_TYPE -> new Type.Function(id, t.target, t.params, t.varargs, t.prototyped);
            case DwTag.UNSPECIFIED_TYPE -> new Type.Void(id, t.name == null ? "void" : t.name);
            default -> new Type.Struct(id, kind(t.tag), t.name, t.byteSize, t.declaration, List.of(), t.bases,
                    t.statics, t.alignment);
        };
    }

    private static Type.Encoding encoding(int ate) {
        return switch (ate) {
            case 0x02 -> Type.Encoding.BOOLEAN;
            case 0x03 -> Type.Encoding.COMPLEX_FLOAT;
            case 0x04 -> Type.Encoding.FLOAT;
            case 0x05 -> Type.Encoding.SIGNED;
            case 0x06 -> Type.Encoding.SIGNED_CHAR;
            case 0x07 -> Type.Encoding.UNSIGNED;
            case 0x08 -> Type.Encoding.UNSIGNED_CHAR;
            case 0x10 -> Type.Encoding.UTF;
            default -> Type.Encoding.OTHER;
        };
    }

    private static Type.Struct struct(TypeDie t, TypeGraph graph) {
        List<Member> members = new ArrayList<>(t.members.size());
        for (TypeDie.RawMember m : t.members) {
            long bitOffset;
            if (m.dataBitOffset() != TypeDie.ABSENT) {
                bitOffset = m.dataBitOffset();
            } else if (m.bitOffset2() != TypeDie.ABSENT && m.bitSize() != 0) {
                long storage = m.storageBytes() > 0 ? m.storageBytes() : Math.max(0, graph.sizeOf(m.type()));
                bitOffset = m.location() * 8 + storage * 8 - m.bitOffset2() - m.bitSize();
            } else {
                bitOffset = m.location() * 8;
            }
            members.add(new Member(m.name(), m.type(), bitOffset, m.bitSize(), m.alignment()));
        }
        return new Type.Struct(t.offset, kind(t.tag), t.name, t.byteSize, t.declaration, members, t.bases, t.statics,
                t.alignment);
    }

    /**
     * An enum's values are signed when its underlying type is, or (without one) when an
     * enumerator is negative; unsigned-form values of a signed enum narrower than 8 bytes are
     * sign-extended from its width.
     */
    private static Type.Enum enumeration(TypeDie t, TypeGraph graph) {
        boolean signed = t.signedValues;
        if (t.target != Type.VOID && graph.resolve(t.target) instanceof Type.Base b) {
            signed = b.encoding().signed();
        }
        List<Type.Enumerator> values = t.enumerators;
        if (signed && t.byteSize > 0 && t.byteSize < 8) {
            int shift = 64 - (int) t.byteSize * 8;
            values = new ArrayList<>(t.enumerators.size());
            for (Type.Enumerator e : t.enumerators) {
                values.add(new Type.Enumerator(e.name(), (e.value() << shift) >> shift));
            }
        }
        return new Type.Enum(t.offset, t.name, t.byteSize, t.target, signed, t.declaration, values);
    }

    private static Type.Kind kind(int tag) {
        return tag == DwTag.UNION_TYPE ? Type.Kind.UNION : tag == DwTag.CLASS_TYPE ? Type.Kind.CLASS : Type.Kind.STRUCT;
    }
}
