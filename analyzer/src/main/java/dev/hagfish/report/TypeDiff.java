package dev.hagfish.report;

import java.util.List;

/**
 * A {@code TypeDiff} is how one type differs between two kernels (the JSON record of
 * {@code hagfish diff}, fields in snake_case; schema in {@code diff.schema.json}).
 *
 * @param name the type's C name, e.g. {@code struct proc}, {@code enum e}
 * @param kind {@code struct}, {@code union}, {@code class}, {@code enum} or {@code typedef}
 * @param change {@code added} (only in b), {@code removed} (only in a) or {@code changed}
 * @param impact what the change breaks, most first: {@code size} (the size changed), {@code layout}
 *     (a member moved, was removed, retyped or resized, or the alignment changed, at the same
 *     size; or a typedef names another type of the same size), {@code values} (an enumerator's value changed or it was removed), {@code removed}
 *     (the type is gone), {@code added} (only additions: the type, members in former padding,
 *     enumerators)
 * @param sizeA the size in a, or null when only in b
 * @param sizeB the size in b, or null when only in a
 * @param sizeDelta {@code sizeB - sizeA}, or null
 * @param alignmentA the alignment in a (structs), or null
 * @param alignmentB the alignment in b (structs), or null
 * @param declA where a declares it ({@code file:line}), or null
 * @param declB where b declares it, or null
 * @param targetA the type a typedef names in a, or null (not a typedef, or only in b)
 * @param targetB the type a typedef names in b, or null
 * @param members the members added, removed or changed (structs; members of anonymous structs
 *     and unions count as the owner's, as C reaches them)
 * @param enumerators the enumerators added, removed or changed (enums)
 */
public record TypeDiff(String name, String kind, String change, String impact, Long sizeA, Long sizeB, Long sizeDelta,
        Long alignmentA, Long alignmentB, String declA, String declB, String targetA, String targetB,
        List<MemberChange> members,
        List<EnumeratorChange> enumerators) {

    /** Creates the record; the lists are copied. */
    public TypeDiff {
        members = List.copyOf(members);
        enumerators = List.copyOf(enumerators);
    }

    /** The impacts, most severe first. */
    public static final List<String> IMPACTS = List.of("size", "layout", "values", "removed", "added");

    /**
     * A member that was added, removed or changed.
     *
     * @param name its name ({@code <base TYPE>} for a base class)
     * @param changes {@code added} or {@code removed}, else any of {@code moved} (its offset changed),
     *     {@code retyped} (its type's name changed), {@code resized} (its size or bit-field width changed)
     * @param offsetA its byte offset in a (a bit-field's first byte), or null
     * @param offsetB its byte offset in b, or null
     * @param bitOffsetA its bit offset in a, or null
     * @param bitOffsetB its bit offset in b, or null
     * @param sizeA its type's size in a, or null
     * @param sizeB its type's size in b, or null
     * @param bitSizeA its bit-field width in a (0 when not one), or null
     * @param bitSizeB its bit-field width in b, or null
     * @param typeA its type in a, or null
     * @param typeB its type in b, or null
     */
    public record MemberChange(String name, List<String> changes, Long offsetA, Long offsetB, Long bitOffsetA,
            Long bitOffsetB, Long sizeA, Long sizeB, Long bitSizeA, Long bitSizeB, String typeA, String typeB) {
        /** Creates the record; the list is copied. */
        public MemberChange {
            changes = List.copyOf(changes);
        }
    }

    /**
     * An enumerator that was added, removed or given another value; values are decimal strings
     * (an unsigned enum's read unsigned), as 64-bit values do not survive JSON numbers.
     *
     * @param name its name
     * @param change {@code added}, {@code removed} or {@code value}
     * @param valueA its value in a, or null
     * @param valueB its value in b, or null
     */
    public record EnumeratorChange(String name, String change, String valueA, String valueB) {}
}
