package dev.hagfish.dwarf;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code DebugNamesIndex} is one name index of a DWARF 5 {@code .debug_names} section (§6.1.1.4):
 * its header, unit lists, hash table, name table, abbreviations and entry pool. The header, the
 * arrays' extents and the abbreviation table are checked when it is parsed; names and entries are
 * read on demand.
 *
 * <p>Immutable and safe to share between threads.
 */
final class DebugNamesIndex {
    static final int IDX_COMPILE_UNIT = 1;
    static final int IDX_TYPE_UNIT = 2;
    static final int IDX_DIE_OFFSET = 3;
    private static final int LEB = -2;
    private static final int UNSUPPORTED = -1;

    private final ByteSource sec;
    private final ByteSource strings;
    private final DebugNames.Header header;
    private final long end;
    private final long cusAt;
    private final long bucketsAt;
    private final long hashesAt;
    private final long stringOffsetsAt;
    private final long entryOffsetsAt;
    private final long poolAt;
    private final Map<Long, Abbrev> abbrevs;

    /** One abbreviation: the tag and the (index attribute, form) pairs. */
    private record Abbrev(long code, int tag, int[] idx, int[] forms) {}

    private DebugNamesIndex(ByteSource sec, ByteSource strings, DebugNames.Header header, long end, long cusAt,
            long poolAt, Map<Long, Abbrev> abbrevs) {
        this.sec = sec;
        this.strings = strings;
        this.header = header;
        this.end = end;
        this.cusAt = cusAt;
        int os = header.offsetSize();
        this.bucketsAt = cusAt + (header.compUnitCount() + header.localTypeUnitCount()) * os
                + header.foreignTypeUnitCount() * 8;
        this.hashesAt = bucketsAt + 4 * header.bucketCount();
        this.stringOffsetsAt = hashesAt + (header.bucketCount() > 0 ? 4 * header.nameCount() : 0);
        this.entryOffsetsAt = stringOffsetsAt + os * header.nameCount();
        this.poolAt = poolAt;
        this.abbrevs = abbrevs;
    }

    DebugNames.Header header() {
        return header;
    }

    /** Returns the offset just past this index, where the next one starts. */
    long end() {
        return end;
    }

    /**
     * Parses the name index at {@code offset} of {@code sec}.
     *
     * @throws FormatException if the length, version, a count or the abbreviation table is invalid
     */
    static DebugNamesIndex parse(ByteSource sec, ByteSource strings, long offset) throws FormatException {
        BinaryCursor c = open(sec, offset);
        int os = c.position() - offset == 12 ? 8 : 4;
        long end = c.position() + c.remaining();
        DebugNames.Header h = readHeader(c, offset, os);
        long cusAt = c.position();
        String[] what = {"CU list", "local TU list", "foreign TU list", "bucket array", "hash array",
            "string offsets", "entry offsets", "abbreviation table"};
        long[] sizes = {h.compUnitCount() * os, h.localTypeUnitCount() * os, h.foreignTypeUnitCount() * 8,
            h.bucketCount() * 4, h.bucketCount() > 0 ? h.nameCount() * 4 : 0, h.nameCount() * os,
            h.nameCount() * os, h.abbrevTableSize()};
        for (int i = 0; i < what.length; i++) {
            if (sizes[i] > c.remaining()) {
                throw new FormatException(sec.describe(), offset, "name index at 0x" + Long.toHexString(offset) + ": "
                        + what[i] + " of " + sizes[i] + " bytes at 0x" + Long.toHexString(c.position())
                        + " runs past its end at 0x" + Long.toHexString(end));
            }
            c.skip(sizes[i]);
        }
        Map<Long, Abbrev> abbrevs = parseAbbrevs(sec, c.position() - h.abbrevTableSize(), c.position());
        return new DebugNamesIndex(sec, strings, h, end, cusAt, c.position(), abbrevs);
    }

    /** Reads {@code unit_length} and returns a cursor over the rest of the index. */
    private static BinaryCursor open(ByteSource sec, long offset) throws FormatException {
        InitialLength len = InitialLength.read(sec, offset, "name index unit_length", "debug_names");
        return new BinaryCursor(sec, len.start(), len.end());
    }

    /** Reads the header fields after {@code unit_length}, through the augmentation string. */
    private static DebugNames.Header readHeader(BinaryCursor c, long offset, int os) throws FormatException {
        ByteSource sec = c.source();
        int version = c.u16();
        if (version != 5) {
            throw new FormatException(sec.describe(), c.position() - 2, "name index version " + version + " is not 5");
        }
        c.skip(2);
        long cuCount = c.u32();
        long localTuCount = c.u32();
        long foreignTuCount = c.u32();
        long bucketCount = c.u32();
        long nameCount = c.u32();
        long abbrevSize = c.u32();
        long augAt = c.position();
        // Producers are to round the size up to 4; reading it rounded tolerates those that do not.
        long augSize = (c.u32() + 3) & ~3L;
        if (augSize > c.remaining()) {
            throw new FormatException(sec.describe(), augAt, "augmentation_string_size " + augSize
                    + " runs past the name index");
        }
        String aug = sec.cstring(c.position(), (int) Math.min(augSize, 64));
        c.skip(augSize);
        return new DebugNames.Header(offset, os, cuCount, localTuCount, foreignTuCount, bucketCount, nameCount,
                abbrevSize, aug);
    }

    private static Map<Long, Abbrev> parseAbbrevs(ByteSource sec, long start, long limit) throws FormatException {
        BinaryCursor c = new BinaryCursor(sec, start, limit);
        Map<Long, Abbrev> out = new HashMap<>();
        while (true) {
            long at = c.position();
            if (c.atEnd()) {
                throw new FormatException(sec.describe(), at, "abbreviation table ends without a 0 code");
            }
            long code = c.uleb();
            if (code == 0) {
                return out;
            }
            long tag = c.uleb();
            if (tag > 0xffff) {
                throw new FormatException(sec.describe(), at, "abbreviation " + code + ": tag 0x"
                        + Long.toHexString(tag) + " is not a 16-bit DW_TAG");
            }
            List<long[]> pairs = new ArrayList<>();
            while (true) {
                long pairAt = c.position();
                long idx = c.uleb();
                long form = c.uleb();
                if (idx == 0 && form == 0) {
                    break;
                }
                if (idx > 0xffff || form > 0xffff || formSize((int) form, 8) == UNSUPPORTED) {
                    throw new FormatException(sec.describe(), pairAt, "abbreviation " + code + ": index attribute 0x"
                            + Long.toHexString(idx) + " has form 0x" + Long.toHexString(form)
                            + ", which is not a supported form");
                }
                pairs.add(new long[] {idx, form});
            }
            int[] idx = new int[pairs.size()];
            int[] forms = new int[pairs.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = (int) pairs.get(i)[0];
                forms[i] = (int) pairs.get(i)[1];
            }
            if (out.put(code, new Abbrev(code, (int) tag, idx, forms)) != null) {
                throw new FormatException(sec.describe(), at, "abbreviation code " + code + " appears twice");
            }
        }
    }

    /** Returns the string of name {@code i} (1-based). */
    String name(long i) throws FormatException {
        return DieReader.sectionString(strings, stringOffset(i));
    }

    private long stringOffset(long i) throws FormatException {
        return word(stringOffsetsAt + (i - 1) * header.offsetSize());
    }

    private long word(long at) throws FormatException {
        return header.offsetSize() == 8 ? sec.u64(at) : sec.u32(at);
    }

    /**
     * Returns the 1-based index of {@code key}'s name, or 0: through the hash table, or by a
     * linear search when the index has none ({@code bucket_count} 0).
     */
    long find(NameKey key) throws FormatException {
        long names = header.nameCount();
        long buckets = header.bucketCount();
        if (buckets == 0) {
            for (long i = 1; i <= names; i++) {
                if (key.matches(strings, stringOffset(i))) {
                    return i;
                }
            }
            return 0;
        }
        long bucket = key.foldedHash() % buckets;
        long bucketAt = bucketsAt + 4 * bucket;
        long first = sec.u32(bucketAt);
        if (first == 0) {
            return 0;
        }
        if (first > names) {
            throw new FormatException(sec.describe(), bucketAt, "bucket " + bucket + ": name index " + first
                    + " is past name_count " + names);
        }
        for (long i = first; i <= names; i++) {
            long hash = sec.u32(hashesAt + 4 * (i - 1));
            if (hash % buckets != bucket) {
                return 0;
            }
            if (hash == key.foldedHash() && key.matches(strings, stringOffset(i))) {
                return i;
            }
        }
        return 0;
    }

    /** Adds the entries of name {@code i} (1-based), filed under {@code name}, to {@code out}. */
    void entries(long i, String name, List<DebugNames.Entry> out) throws FormatException {
        long slot = entryOffsetsAt + (i - 1) * header.offsetSize();
        long rel = word(slot);
        if (Long.compareUnsigned(rel, end - poolAt) >= 0) {
            throw new FormatException(sec.describe(), slot, "name " + i + ": entry offset 0x" + Long.toHexString(rel)
                    + " is past the entry pool at 0x" + Long.toHexString(poolAt));
        }
        BinaryCursor c = new BinaryCursor(sec, poolAt + rel, end);
        while (true) {
            long at = c.position();
            long code = c.uleb();
            if (code == 0) {
                return;
            }
            Abbrev a = abbrevs.get(code);
            if (a == null) {
                throw new FormatException(sec.describe(), at, "entry of \"" + name + "\": abbreviation code " + code
                        + " is not in the table");
            }
            DebugNames.Entry e = entry(c, at, a, name);
            if (e != null) {
                out.add(e);
            }
        }
    }

    /** Reads one entry's values; returns null for an entry of a foreign type unit. */
    private DebugNames.Entry entry(BinaryCursor c, long at, Abbrev a, String name) throws FormatException {
        long cu = 0;
        long tu = 0;
        long die = 0;
        boolean hasCu = false;
        boolean hasTu = false;
        boolean hasDie = false;
        for (int k = 0; k < a.idx().length; k++) {
            long v = readValue(c, a.forms()[k]);
            switch (a.idx()[k]) {
                case IDX_COMPILE_UNIT -> {
                    cu = v;
                    hasCu = true;
                }
                case IDX_TYPE_UNIT -> {
                    tu = v;
                    hasTu = true;
                }
                case IDX_DIE_OFFSET -> {
                    die = v;
                    hasDie = true;
                }
                default -> {
                    // DW_IDX_parent, DW_IDX_type_hash and vendor attributes: not needed here.
                }
            }
        }
        String where = "entry at 0x" + Long.toHexString(at) + " of \"" + name + "\": ";
        if (!hasDie) {
            throw new FormatException(sec.describe(), at, where + "no DW_IDX_die_offset");
        }
        long locals = header.localTypeUnitCount();
        long unit;
        if (hasTu) {
            if (Long.compareUnsigned(tu, locals) < 0) {
                unit = word(cusAt + (header.compUnitCount() + tu) * header.offsetSize());
            } else if (Long.compareUnsigned(tu - locals, header.foreignTypeUnitCount()) < 0) {
                return null;
            } else {
                throw new FormatException(sec.describe(), at, where + "type unit " + Long.toUnsignedString(tu)
                        + " is not below the " + (locals + header.foreignTypeUnitCount()) + " type units");
            }
        } else {
            if (!hasCu && header.compUnitCount() != 1) {
                throw new FormatException(sec.describe(), at, where + "no DW_IDX_compile_unit, and the index has "
                        + header.compUnitCount() + " compile units");
            }
            if (Long.compareUnsigned(cu, header.compUnitCount()) >= 0) {
                throw new FormatException(sec.describe(), at, where + "compile unit " + Long.toUnsignedString(cu)
                        + " is not below the index's " + header.compUnitCount());
            }
            unit = word(cusAt + cu * header.offsetSize());
        }
        return new DebugNames.Entry(name, unit + die, a.tag());
    }

    /** Returns the byte size of an index attribute form, {@link #LEB} or {@link #UNSUPPORTED}. */
    static int formSize(int form, int offsetSize) {
        return switch (form) {
            case DwForm.FLAG_PRESENT -> 0;
            case DwForm.DATA1, DwForm.REF1, DwForm.FLAG -> 1;
            case DwForm.DATA2, DwForm.REF2 -> 2;
            case DwForm.DATA4, DwForm.REF4 -> 4;
            case DwForm.DATA8, DwForm.REF8, DwForm.REF_SIG8 -> 8;
            case DwForm.DATA16 -> 16;
            case DwForm.SEC_OFFSET, DwForm.STRP -> offsetSize;
            case DwForm.UDATA, DwForm.REF_UDATA, DwForm.SDATA -> LEB;
            default -> UNSUPPORTED;
        };
    }

    private long readValue(BinaryCursor c, int form) throws FormatException {
        return switch (formSize(form, header.offsetSize())) {
            case 0 -> 1;
            case 1 -> c.u8();
            case 2 -> c.u16();
            case 4 -> c.u32();
            case 8 -> c.u64();
            case LEB -> form == DwForm.SDATA ? c.sleb() : c.uleb();
            default -> {
                c.skip(16);
                yield 0;
            }
        };
    }
}
