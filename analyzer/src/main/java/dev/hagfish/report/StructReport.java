package dev.hagfish.report;

import java.util.List;

/**
 * A {@code StructReport} is what {@code hagfish report} says of one struct, union or class: every
 * member with its offset, size and bits, the holes, bit holes and trailing padding, the
 * cachelines and the members that straddle them, the totals, and optionally a reordering that
 * saves padding. It is the JSON record of the report (fields in snake_case, see
 * {@code report.schema.json}); the other formats print the same facts.
 *
 * <p>Holes and padding are counted as pahole 1.24 counts them ({@link PaholeSummary}): a member
 * occupies whole bytes and a bit-field its storage unit (its type's size, at an offset its size
 * divides), so byte holes lie between units and bit holes inside one. Holes are those between the
 * struct's own members; the holes inside a nested anonymous struct are listed with its member
 * rows, and a named nested struct's in its own report, as pahole does.
 *
 * @param name the C name: {@code struct proc}, {@code union u}, or the typedef naming an anonymous struct
 * @param kind {@code struct}, {@code union} or {@code class}
 * @param declFile the declaring file, or null
 * @param declLine the declaring line, or null
 * @param size the size in bytes
 * @param alignment the alignment in bytes (the declared one, else the most aligned member's)
 * @param explicitAlignment the declared {@code aligned(N)}, or 0
 * @param packed whether pahole infers {@code __attribute__((__packed__))}
 * @param sizeMultipleOfAlignment whether the size is a multiple of the alignment (false for most
 *     packed structs, whose arrays misalign their elements)
 * @param cacheline the cacheline size in bytes
 * @param members the bases and members, in declaration order
 * @param holes the holes between members (byte holes between storage units, bit holes inside)
 * @param padding the trailing padding in bytes
 * @param bitPadding the unused bits of the last storage unit
 * @param totals the counts
 * @param straddling the names of the members that cross a cacheline boundary
 * @param reorganized the reordering, or null when it was not asked for
 */
public record StructReport(String name, String kind, String declFile, Long declLine, long size, long alignment,
        long explicitAlignment, boolean packed, boolean sizeMultipleOfAlignment, int cacheline, List<Row> members,
        List<Hole> holes, long padding, long bitPadding, Totals totals, List<String> straddling,
        Reorganized reorganized) {

    /** Creates the record; the lists are copied. */
    public StructReport {
        members = List.copyOf(members);
        holes = List.copyOf(holes);
        straddling = List.copyOf(straddling);
    }

    /**
     * One base or member.
     *
     * @param kind {@code member} or {@code base}
     * @param name the member's name; null for a base or an anonymous struct or union
     * @param type the declared type as C spells it, e.g. {@code char [17]}
     * @param offset pahole's offset: the first byte, or a bit-field's storage unit, from the
     *     start of the reported struct
     * @param size the declared type's size in bytes (a bit-field's storage unit)
     * @param bitOffset the first bit, from the start of the reported struct
     * @param bitSize a bit-field's width, else 0
     * @param cacheline the cacheline its first byte is in (0 for the first)
     * @param straddles whether it crosses a cacheline boundary
     * @param members the members of an anonymous struct or union member (and, with
     *     {@code --expand}, of any struct-typed member), else null
     * @param holes the holes between those members, else null
     */
    public record Row(String kind, String name, String type, long offset, long size, long bitOffset, long bitSize,
            long cacheline, boolean straddles, List<Row> members, List<Hole> holes) {
        /** Creates the record; the lists are copied when present. */
        public Row {
            members = members == null ? null : List.copyOf(members);
            holes = holes == null ? null : List.copyOf(holes);
        }
    }

    /**
     * A hole: unused bytes between two members' storage, or unused bits inside a storage unit.
     *
     * @param kind {@code bytes} or {@code bits}
     * @param offset its first byte, from the start of the reported struct
     * @param size its size in bytes (0 for a bit hole)
     * @param bitOffset its first bit
     * @param bits its size in bits
     * @param after the member before it (null for an anonymous one)
     */
    public record Hole(String kind, long offset, long size, long bitOffset, long bits, String after) {}

    /**
     * The counts of a struct, as pahole's trailer gives them.
     *
     * @param members the bases and members (not counting those of nested structs)
     * @param sumMembers the bytes of the members that are not bit-fields
     * @param sumBitfieldBits the bits of the bit-fields
     * @param holes the number of byte holes
     * @param holeBytes their bytes
     * @param bitHoles the number of bit holes
     * @param holeBits their bits
     * @param padding the trailing padding in bytes
     * @param bitPadding the unused bits of the last storage unit
     * @param wastedBytes holes and padding: {@code hole_bytes + padding}
     * @param cachelines the cachelines the struct spans
     * @param straddling the members that cross a cacheline boundary
     */
    public record Totals(int members, long sumMembers, long sumBitfieldBits, int holes, long holeBytes, int bitHoles,
            long holeBits, long padding, long bitPadding, long wastedBytes, long cachelines, int straddling) {}

    /**
     * A reordering of the members that minimizes padding ({@code --reorganize}).
     *
     * @param status {@code saved} (a smaller layout was found and verified), {@code optimal} (no
     *     reordering saves a byte) or {@code skipped} (see {@code reason})
     * @param reason why it was skipped, else null
     * @param alignmentCap the largest alignment the compiler gave any member of this struct
     *     ({@code #pragma pack}, or i386's 4-byte alignment of 8-byte scalars), or null when the
     *     natural alignments hold
     * @param size the new size in bytes, or null when skipped
     * @param savedBytes the old size minus the new, or null when skipped
     * @param members the members in their new order and places, or null unless saved
     * @param holes the holes left, or null unless saved
     * @param padding the new trailing padding, or null unless saved
     * @param totals the new counts, or null unless saved
     */
    public record Reorganized(String status, String reason, Long alignmentCap, Long size, Long savedBytes,
            List<Row> members, List<Hole> holes, Long padding, Totals totals) {}
}
