package dev.hagfish.dwarf;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code DebugNames} reads a DWARF 5 {@code .debug_names} section (§6.1.1.4): one or more name
 * indexes, each a header (32- or 64-bit {@code unit_length}, version 5, unit counts,
 * {@code bucket_count}, {@code name_count}, {@code abbrev_table_size}, augmentation string), the
 * CU and type-unit lists, a DJB hash table, the name table ({@code .debug_str} offsets and entry
 * pool offsets), an abbreviation table of index attributes ({@code DW_IDX_compile_unit},
 * {@code DW_IDX_type_unit}, {@code DW_IDX_die_offset}, {@code DW_IDX_parent},
 * {@code DW_IDX_type_hash}, each with a form) and the entry pool.
 *
 * <p>Every header, array extent and abbreviation table is checked when the section is parsed;
 * names and entries are read on demand, each count and offset checked before use. An entry's DIE
 * offset is made absolute by adding the offset of its unit ({@code DW_IDX_compile_unit}, or the
 * only CU of an index without it, or a local type unit); entries of foreign type units, whose DIEs
 * are in another file, are left out.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class DebugNames {
    private final List<DebugNamesIndex> indexes;

    /**
     * A {@code Header} is the header of one name index.
     *
     * @param offset the index's offset in {@code .debug_names}
     * @param offsetSize 4 (32-bit DWARF) or 8 (64-bit DWARF)
     * @param compUnitCount {@code comp_unit_count}
     * @param localTypeUnitCount {@code local_type_unit_count}
     * @param foreignTypeUnitCount {@code foreign_type_unit_count}
     * @param bucketCount {@code bucket_count} (0: no hash table)
     * @param nameCount {@code name_count}
     * @param abbrevTableSize {@code abbrev_table_size}, in bytes
     * @param augmentation the augmentation string (at most 64 bytes of it), e.g. {@code LLVM0700}
     */
    public record Header(long offset, int offsetSize, long compUnitCount, long localTypeUnitCount,
            long foreignTypeUnitCount, long bucketCount, long nameCount, long abbrevTableSize,
            String augmentation) {}

    /**
     * An {@code Entry} is one DIE filed under a name.
     *
     * @param name the name it is filed under
     * @param dieOffset the DIE's absolute offset in {@code .debug_info}
     * @param tag the DIE's tag, from the entry's abbreviation
     */
    public record Entry(String name, long dieOffset, int tag) {}

    private DebugNames(List<DebugNamesIndex> indexes) {
        this.indexes = List.copyOf(indexes);
    }

    /**
     * Parses every name index of a {@code .debug_names} section.
     *
     * @param section the {@code .debug_names} bytes
     * @param strings the {@code .debug_str} section the names point into
     * @throws FormatException if a header, an array extent or an abbreviation table is invalid
     */
    public static DebugNames parse(ByteSource section, ByteSource strings) throws FormatException {
        List<DebugNamesIndex> out = new ArrayList<>();
        long off = 0;
        while (off < section.size()) {
            DebugNamesIndex ix = DebugNamesIndex.parse(section, strings, off);
            out.add(ix);
            off = ix.end();
        }
        return new DebugNames(out);
    }

    /** Returns the headers of the name indexes, in section order. */
    public List<Header> headers() {
        List<Header> out = new ArrayList<>();
        for (DebugNamesIndex ix : indexes) {
            out.add(ix.header());
        }
        return out;
    }

    /**
     * Returns the entries filed under {@code name} in every name index, in section order.
     *
     * @throws FormatException if a bucket, offset, string or entry the search reads is invalid
     */
    public List<Entry> lookup(String name) throws FormatException {
        NameKey key = new NameKey(name);
        List<Entry> out = new ArrayList<>();
        for (DebugNamesIndex ix : indexes) {
            long i = ix.find(key);
            if (i > 0) {
                ix.entries(i, name, out);
            }
        }
        return out;
    }

    /**
     * Returns every entry of every name index, in name-table order.
     *
     * @throws FormatException if a string, offset or entry is invalid
     */
    public List<Entry> entries() throws FormatException {
        List<Entry> out = new ArrayList<>();
        for (DebugNamesIndex ix : indexes) {
            for (long i = 1; i <= ix.header().nameCount(); i++) {
                ix.entries(i, ix.name(i), out);
            }
        }
        return out;
    }

    /**
     * Returns every name once, in name-table order.
     *
     * @throws FormatException if a string offset is invalid
     */
    public List<String> names() throws FormatException {
        Set<String> out = new LinkedHashSet<>();
        for (DebugNamesIndex ix : indexes) {
            for (long i = 1; i <= ix.header().nameCount(); i++) {
                out.add(ix.name(i));
            }
        }
        return List.copyOf(out);
    }
}
