package dev.hagfish.dwarf;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An {@code AppleAccelTable} is one of Apple's hashed name tables that dsymutil and clang write
 * for DWARF 2 to 4 ({@code __apple_names}, {@code __apple_types}, {@code __apple_namespac},
 * {@code __apple_objc}; LLVM's SourceLevelDebugging "Accelerator Tables"). The layout:
 *
 * <ol>
 *   <li>a 20-byte header: magic {@code 'HASH'} (0x48415348), version 1, hash function 0 (DJB),
 *       {@code bucket_count}, {@code hashes_count}, {@code header_data_length};
 *   <li>header data: {@code die_offset_base} and the atoms, each a (type, form) pair of 16-bit
 *       values describing one field of every entry ({@link #ATOM_DIE_OFFSET}, {@link #ATOM_DIE_TAG},
 *       …);
 *   <li>{@code bucket_count} 32-bit indexes into the hash array ({@code 0xffffffff}: empty);
 *   <li>{@code hashes_count} 32-bit hashes, sorted by bucket ({@code hash % bucket_count});
 *   <li>{@code hashes_count} 32-bit offsets, in this section, of each hash's data;
 *   <li>the hash data: for every name with that hash, a 32-bit {@code .debug_str} offset, a
 *       32-bit entry count and the entries (the atoms' values), the list ending with a zero string
 *       offset.
 * </ol>
 *
 * <p>The header and the arrays are checked against the section size when the table is parsed;
 * hash data is read on demand, every count checked before it is used. A DIE offset in a
 * data form is a {@code .debug_info} offset; in a unit-relative reference form
 * ({@code DW_FORM_ref1..8}) {@code die_offset_base} is added to it.
 *
 * <p>Immutable and safe to share between threads (reads are absolute).
 */
public final class AppleAccelTable {
    /** The magic number, {@code 'HASH'} read as a 32-bit value. */
    public static final long MAGIC = 0x48415348L;
    /** {@code DW_ATOM_die_offset}: the entry's DIE offset. */
    public static final int ATOM_DIE_OFFSET = 1;
    /** {@code DW_ATOM_cu_offset}: the offset of the entry's unit. */
    public static final int ATOM_CU_OFFSET = 2;
    /** {@code DW_ATOM_die_tag}: the DIE's tag. */
    public static final int ATOM_DIE_TAG = 3;
    /** {@code DW_ATOM_type_flags}: type flags ({@code DW_FLAG_type_implementation} = 2). */
    public static final int ATOM_TYPE_FLAGS = 4;
    /** {@code DW_ATOM_type_type_flags}: dsymutil's type flags. */
    public static final int ATOM_TYPE_TYPE_FLAGS = 5;
    /** {@code DW_ATOM_qual_name_hash}: dsymutil's DJB hash of the fully qualified name. */
    public static final int ATOM_QUAL_NAME_HASH = 6;

    private static final int HEADER_SIZE = 20;
    private static final long EMPTY_BUCKET = 0xffffffffL;

    private final ByteSource table;
    private final ByteSource strings;
    private final long bucketCount;
    private final long hashCount;
    private final long dieOffsetBase;
    private final List<Atom> atoms;
    private final int entrySize;
    private final long bucketsAt;
    private final long hashesAt;
    private final long offsetsAt;

    /**
     * An {@code Atom} describes one field of every entry.
     *
     * @param type the {@code DW_ATOM_*} code
     * @param form the {@code DW_FORM_*} code of its value (a fixed-size form)
     */
    public record Atom(int type, int form) {}

    /**
     * An {@code Entry} is one DIE filed under a name.
     *
     * @param name the name it is filed under
     * @param dieOffset the DIE's absolute offset in {@code .debug_info}
     * @param tag the DIE's tag when the table has a {@link #ATOM_DIE_TAG} atom, else 0
     */
    public record Entry(String name, long dieOffset, int tag) {}

    private AppleAccelTable(ByteSource table, ByteSource strings, long bucketCount, long hashCount,
            long dieOffsetBase, List<Atom> atoms, int entrySize, long bucketsAt) {
        this.table = table;
        this.strings = strings;
        this.bucketCount = bucketCount;
        this.hashCount = hashCount;
        this.dieOffsetBase = dieOffsetBase;
        this.atoms = List.copyOf(atoms);
        this.entrySize = entrySize;
        this.bucketsAt = bucketsAt;
        this.hashesAt = bucketsAt + 4 * bucketCount;
        this.offsetsAt = hashesAt + 4 * hashCount;
    }

    /**
     * Parses the header of a table and checks that its arrays fit in the section.
     *
     * @param table the table section ({@code apple_names}, {@code apple_types}, …)
     * @param strings the {@code .debug_str} section the names point into
     * @throws FormatException if the magic, version, hash function, atoms or a count is invalid
     */
    public static AppleAccelTable parse(ByteSource table, ByteSource strings) throws FormatException {
        String src = table.describe();
        checkFixedHeader(table);
        long bucketCount = table.u32(8);
        long hashCount = table.u32(12);
        long headerDataLength = table.u32(16);
        if (headerDataLength < 8 || headerDataLength > table.size() - HEADER_SIZE) {
            throw new FormatException(src, 16, "header_data_length " + headerDataLength
                    + " is below 8 or runs past the end (size 0x" + Long.toHexString(table.size()) + ")");
        }
        List<Atom> atoms = readAtoms(table, headerDataLength);
        int entrySize = 0;
        for (Atom a : atoms) {
            entrySize += formSize(a.form());
        }
        long bucketsAt = HEADER_SIZE + headerDataLength;
        if (bucketCount > (table.size() - bucketsAt) / 4) {
            throw new FormatException(src, 8, "bucket_count " + bucketCount + ": the buckets at 0x"
                    + Long.toHexString(bucketsAt) + " run past the end (size 0x" + Long.toHexString(table.size()) + ")");
        }
        long hashesAt = bucketsAt + 4 * bucketCount;
        if (hashCount > (table.size() - hashesAt) / 8) {
            throw new FormatException(src, 12, "hashes_count " + hashCount + ": the hashes and offsets at 0x"
                    + Long.toHexString(hashesAt) + " run past the end (size 0x" + Long.toHexString(table.size()) + ")");
        }
        return new AppleAccelTable(table, strings, bucketCount, hashCount, table.u32(HEADER_SIZE), atoms, entrySize,
                bucketsAt);
    }

    /** Checks the size, magic, version and hash function. */
    private static void checkFixedHeader(ByteSource table) throws FormatException {
        String src = table.describe();
        if (table.size() < HEADER_SIZE) {
            throw new FormatException(src, 0, "header needs " + HEADER_SIZE + " bytes but the section has "
                    + table.size());
        }
        long magic = table.u32(0);
        if (magic != MAGIC) {
            throw new FormatException(src, 0, "magic 0x" + Long.toHexString(magic) + " is not 0x48415348 ('HASH')");
        }
        int version = table.u16(4);
        if (version != 1) {
            throw new FormatException(src, 4, "version " + version + " is not 1");
        }
        int hashFunction = table.u16(6);
        if (hashFunction != 0) {
            throw new FormatException(src, 6, "hash function " + hashFunction + " is not 0 (DJB)");
        }
    }

    /** Reads the atoms of the header data; each must have a fixed-size form, one must be the DIE offset. */
    private static List<Atom> readAtoms(ByteSource table, long headerDataLength) throws FormatException {
        String src = table.describe();
        long atomCount = table.u32(HEADER_SIZE + 4);
        if (atomCount > (headerDataLength - 8) / 4) {
            throw new FormatException(src, HEADER_SIZE + 4, "atom count " + atomCount
                    + " does not fit in header_data_length " + headerDataLength);
        }
        List<Atom> atoms = new ArrayList<>();
        boolean hasDieOffset = false;
        for (int i = 0; i < atomCount; i++) {
            long at = HEADER_SIZE + 8 + 4L * i;
            Atom a = new Atom(table.u16(at), table.u16(at + 2));
            if (formSize(a.form()) < 0) {
                throw new FormatException(src, at, "atom " + i + " (type " + a.type() + "): form 0x"
                        + Integer.toHexString(a.form()) + " is not a fixed-size form");
            }
            hasDieOffset |= a.type() == ATOM_DIE_OFFSET;
            atoms.add(a);
        }
        if (!hasDieOffset) {
            throw new FormatException(src, HEADER_SIZE + 4, "no DW_ATOM_die_offset among the " + atomCount + " atoms");
        }
        return atoms;
    }

    /** Returns the size of a fixed-size atom form, or -1. */
    private static int formSize(int form) {
        return switch (form) {
            case DwForm.DATA1, DwForm.REF1, DwForm.FLAG -> 1;
            case DwForm.DATA2, DwForm.REF2 -> 2;
            case DwForm.DATA4, DwForm.REF4, DwForm.SEC_OFFSET, DwForm.REF_ADDR, DwForm.STRP -> 4;
            case DwForm.DATA8, DwForm.REF8, DwForm.REF_SIG8 -> 8;
            default -> -1;
        };
    }

    /** Returns the atoms every entry carries, in order. */
    public List<Atom> atoms() {
        return atoms;
    }

    /** Returns {@code bucket_count}. */
    public long bucketCount() {
        return bucketCount;
    }

    /** Returns {@code hashes_count}. */
    public long hashCount() {
        return hashCount;
    }

    /** Returns {@code die_offset_base}. */
    public long dieOffsetBase() {
        return dieOffsetBase;
    }

    /**
     * Returns the entries filed under {@code name}, in table order: the bucket of its hash is
     * searched, and of the names with an equal hash only the one whose string is {@code name}.
     *
     * @throws FormatException if a bucket, offset, string or entry the search reads is invalid
     */
    public List<Entry> lookup(String name) throws FormatException {
        List<Entry> out = new ArrayList<>();
        if (bucketCount == 0 || hashCount == 0) {
            return out;
        }
        NameKey key = new NameKey(name);
        long bucket = key.hash() % bucketCount;
        long bucketAt = bucketsAt + 4 * bucket;
        long first = table.u32(bucketAt);
        if (first == EMPTY_BUCKET) {
            return out;
        }
        if (first >= hashCount) {
            throw new FormatException(table.describe(), bucketAt, "bucket " + bucket + ": hash index " + first
                    + " is not below hashes_count " + hashCount);
        }
        for (long i = first; i < hashCount; i++) {
            long hash = table.u32(hashesAt + 4 * i);
            if (hash % bucketCount != bucket) {
                break;
            }
            if (hash == key.hash()) {
                readHashData(i, key, out);
                break;
            }
        }
        return out;
    }

    /**
     * Returns every entry of the table: the hash data of every hash, in hash order (data shared by
     * several hashes is read once).
     *
     * @throws FormatException if an offset, string or entry is invalid
     */
    public List<Entry> entries() throws FormatException {
        List<Entry> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (long i = 0; i < hashCount; i++) {
            if (seen.add(table.u32(offsetsAt + 4 * i))) {
                readHashData(i, null, out);
            }
        }
        return out;
    }

    /**
     * Returns every name of the table once, in hash order.
     *
     * @throws FormatException if an offset, string or entry is invalid
     */
    public List<String> names() throws FormatException {
        Set<String> names = new LinkedHashSet<>();
        for (Entry e : entries()) {
            names.add(e.name());
        }
        return List.copyOf(names);
    }

    /**
     * Reads the hash data of hash {@code index}: the entries of the name {@code key} (then stops),
     * or of every name when {@code key} is null.
     */
    private void readHashData(long index, NameKey key, List<Entry> out) throws FormatException {
        long offsetAt = offsetsAt + 4 * index;
        long data = table.u32(offsetAt);
        if (data >= table.size()) {
            throw new FormatException(table.describe(), offsetAt, "hash " + index + ": data offset 0x"
                    + Long.toHexString(data) + " is past the end (size 0x" + Long.toHexString(table.size()) + ")");
        }
        BinaryCursor c = new BinaryCursor(table, data);
        while (true) {
            long nameAt = c.position();
            long str = c.u32();
            if (str == 0) {
                return;
            }
            long count = c.u32();
            if (count > c.remaining() / Math.max(1, entrySize)) {
                throw new FormatException(table.describe(), nameAt, "hash " + index + ": " + count + " entries of "
                        + entrySize + " bytes run past the end (size 0x" + Long.toHexString(table.size()) + ")");
            }
            boolean wanted = key == null || key.matches(strings, str);
            if (!wanted) {
                c.skip(count * entrySize);
                continue;
            }
            String name = key != null ? key.name() : DieReader.sectionString(strings, str);
            for (long i = 0; i < count; i++) {
                out.add(readEntry(c, name));
            }
            if (key != null) {
                return;
            }
        }
    }

    private Entry readEntry(BinaryCursor c, String name) throws FormatException {
        long dieOffset = 0;
        int tag = 0;
        for (Atom a : atoms) {
            long at = c.position();
            long v = switch (formSize(a.form())) {
                case 1 -> c.u8();
                case 2 -> c.u16();
                case 4 -> c.u32();
                default -> c.u64();
            };
            if (a.type() == ATOM_DIE_OFFSET) {
                boolean relative = a.form() == DwForm.REF1 || a.form() == DwForm.REF2 || a.form() == DwForm.REF4
                        || a.form() == DwForm.REF8;
                dieOffset = relative ? v + dieOffsetBase : v;
            } else if (a.type() == ATOM_DIE_TAG) {
                if (v > 0xffff) {
                    throw new FormatException(table.describe(), at, "entry of \"" + name + "\": tag 0x"
                            + Long.toHexString(v) + " is not a 16-bit DW_TAG");
                }
                tag = (int) v;
            }
        }
        return new Entry(name, dieOffset, tag);
    }
}
