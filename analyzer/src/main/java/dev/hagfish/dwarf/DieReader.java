package dev.hagfish.dwarf;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code DieReader} walks the units of {@code .debug_info} and decodes their DIEs one at a
 * time, in depth-first order, with every form of DWARF 2–5 (and the GNU split-DWARF indices)
 * decoded to an {@link AttrValue}. Abbreviation tables are parsed once per offset and shared.
 * Every length is checked against the unit before it is used, and every DIE consumes at least
 * one byte, so a walk always ends.
 *
 * <p>A reader may be shared between threads (its abbreviation and string caches are thread-safe, as
 * {@link UnitWalker} needs); each {@link Cursor} is single-threaded.
 */
public final class DieReader {
    private static final int MAX_INDIRECTION = 4;

    /** Unsigned constants below this are shared instances rather than new records. */
    private static final int SMALL = 1024;
    private static final AttrValue.Constant[] UNSIGNED = new AttrValue.Constant[SMALL];
    private static final AttrValue.Constant[] SIGNED = new AttrValue.Constant[SMALL];
    private static final AttrValue.Flag TRUE = new AttrValue.Flag(true);
    private static final AttrValue.Flag FALSE = new AttrValue.Flag(false);

    static {
        for (int i = 0; i < SMALL; i++) {
            UNSIGNED[i] = new AttrValue.Constant(i, false);
            SIGNED[i] = new AttrValue.Constant(i, true);
        }
    }

    private final DwarfSections sections;
    private final ByteSource info;
    private final Abbreviations abbreviations;
    private final StringCache str;
    private final StringCache lineStr;

    /** Creates a reader; {@code debug_info} and {@code debug_abbrev} must be present. */
    public DieReader(DwarfSections sections) throws FormatException {
        this.sections = sections;
        this.info = sections.require("debug_info");
        this.abbreviations = new Abbreviations(sections.require("debug_abbrev"));
        this.str = sections.get("debug_str").map(StringCache::new).orElse(null);
        this.lineStr = sections.get("debug_line_str").map(StringCache::new).orElse(null);
    }

    /** Returns the headers of every unit, in section order. */
    public List<UnitHeader> unitHeaders() throws FormatException {
        List<UnitHeader> out = new ArrayList<>();
        long off = 0;
        while (off < info.size()) {
            UnitHeader h = UnitHeader.read(info, off);
            out.add(h);
            off = h.end();
        }
        return out;
    }

    /** Opens a unit: its abbreviations, and its unit DIE's string and address bases. */
    public Unit unit(UnitHeader h) throws FormatException {
        Unit u = new Unit(sections, h, abbreviations.at(h.abbrevOffset()));
        Cursor c = cursor(u);
        Die first = c.next();
        if (first != null) {
            u.setBases(first);
        }
        return u;
    }

    /** Returns a cursor over the unit's DIEs, starting with the unit DIE. */
    public Cursor cursor(Unit u) {
        return new Cursor(u);
    }

    /**
     * Reads the one DIE that starts at {@code offset} of a unit (a type's id is its DIE's
     * offset), without walking the DIEs before it.
     *
     * @throws FormatException if the offset is outside the unit's DIEs or holds no DIE
     */
    public Die at(Unit u, long offset) throws FormatException {
        if (offset < u.header().dieOffset() || offset >= u.header().end()) {
            throw new FormatException(info.describe(), offset, "DIE offset 0x" + Long.toHexString(offset)
                    + " is outside the unit at 0x" + Long.toHexString(u.header().offset()));
        }
        Cursor c = new Cursor(u);
        c.c.seek(offset);
        Die d = c.next();
        if (d == null || d.offset() != offset) {
            throw new FormatException(info.describe(), offset, "no DIE starts at 0x" + Long.toHexString(offset));
        }
        return d;
    }

    /** Reads a NUL-terminated string at an offset of a string section. */
    static String sectionString(ByteSource section, long offset) throws FormatException {
        if (offset < 0 || offset >= section.size()) {
            throw new FormatException(section.describe(), offset, "string offset 0x" + Long.toHexString(offset)
                    + " is outside the section (size 0x" + Long.toHexString(section.size()) + ")");
        }
        return section.cstring(offset, (int) Math.min(Integer.MAX_VALUE, section.size() - offset));
    }

    private static AttrValue.Constant unsigned(long v) {
        return v >= 0 && v < SMALL ? UNSIGNED[(int) v] : new AttrValue.Constant(v, false);
    }

    private static AttrValue.Constant signed(long v) {
        return v >= 0 && v < SMALL ? SIGNED[(int) v] : new AttrValue.Constant(v, true);
    }

    /**
     * A {@code StringCache} decodes the strings of one string section ({@code .debug_str},
     * {@code .debug_line_str}) once per offset, so the DIEs that name the same string share one
     * {@link AttrValue.Str}: a large file's units repeat the same type and member names many
     * times. It is direct-mapped and lossy (a colliding offset evicts the previous string), which
     * bounds it by the section's size, and lock-free: slots hold immutable entries, so a thread
     * sees either a whole entry or none, and a lost race only decodes a string twice.
     */
    private static final class StringCache {
        private record Entry(long offset, AttrValue.Str str) {}

        private final ByteSource section;
        private final Entry[] slots;
        private final int mask;

        StringCache(ByteSource section) {
            this.section = section;
            // About one slot per 8 bytes of strings, from 256 to 2^20 slots.
            long want = Math.max(256, Math.min(1 << 20, section.size() / 8));
            int n = Long.highestOneBit(want) == want ? (int) want : (int) Long.highestOneBit(want) << 1;
            this.slots = new Entry[n];
            this.mask = n - 1;
        }

        AttrValue.Str at(long offset) throws FormatException {
            int slot = (int) ((offset * 0x9E3779B97F4A7C15L) >>> 40) & mask;
            Entry e = slots[slot];
            if (e != null && e.offset() == offset) {
                return e.str();
            }
            AttrValue.Str s = new AttrValue.Str(sectionString(section, offset));
            slots[slot] = new Entry(offset, s);
            return s;
        }
    }

    /**
     * A {@code Cursor} returns a unit's DIEs in depth-first order; {@link #next()} returns null at
     * the end, and stops for good after an error.
     */
    public final class Cursor {
        private final Unit unit;
        private final BinaryCursor c;
        private int depth;
        private boolean failed;

        Cursor(Unit unit) {
            this.unit = unit;
            this.c = new BinaryCursor(info, unit.header().dieOffset(), unit.header().end());
        }

        /** Returns the next DIE, or null after the last one. */
        public Die next() throws FormatException {
            if (failed) {
                return null;
            }
            try {
                while (!c.atEnd()) {
                    long offset = c.position();
                    long code = c.uleb();
                    if (code == 0) {
                        // A null entry closes the current sibling list.
                        if (depth > 0) {
                            depth--;
                        }
                        continue;
                    }
                    Abbreviations.Shape a = unit.abbrevs().shape(code);
                    if (a == null) {
                        throw new FormatException(info.describe(), offset, "DIE at 0x" + Long.toHexString(offset)
                                + ": abbreviation code " + code + " is not in the unit's table at 0x"
                                + Long.toHexString(unit.header().abbrevOffset()));
                    }
                    int[] forms = a.forms();
                    AttrValue[] values = new AttrValue[forms.length];
                    for (int i = 0; i < forms.length; i++) {
                        values[i] = forms[i] == DwForm.IMPLICIT_CONST ? a.implicitConsts()[i]
                                : value(offset, a.ats()[i], forms[i], 0);
                    }
                    Die d = Die.of(offset, depth, a, values);
                    if (a.hasChildren()) {
                        depth++;
                    }
                    return d;
                }
                return null;
            } catch (FormatException e) {
                failed = true;
                throw e;
            }
        }

        private AttrValue value(long die, int at, int form, int indirection) throws FormatException {
            UnitHeader h = unit.header();
            return switch (form) {
                case DwForm.ADDR -> new AttrValue.Address(sized(h.addressSize()));
                case DwForm.BLOCK1 -> new AttrValue.Block(block(die, c.u8()));
                case DwForm.BLOCK2 -> new AttrValue.Block(block(die, c.u16()));
                case DwForm.BLOCK4 -> new AttrValue.Block(block(die, c.u32()));
                case DwForm.BLOCK, DwForm.EXPRLOC -> new AttrValue.Block(block(die, c.uleb()));
                case DwForm.DATA1 -> UNSIGNED[c.u8()];
                case DwForm.DATA2 -> unsigned(c.u16());
                case DwForm.DATA4 -> unsigned(c.u32());
                case DwForm.DATA8 -> unsigned(c.u64());
                case DwForm.DATA16 -> new AttrValue.Data16(c.bytes(16));
                case DwForm.SDATA -> signed(c.sleb());
                case DwForm.UDATA -> unsigned(c.uleb());
                case DwForm.STRING -> new AttrValue.Str(c.cstring());
                case DwForm.STRP -> cached(str, "debug_str", sized(h.offsetSize()));
                case DwForm.LINE_STRP -> cached(lineStr, "debug_line_str", sized(h.offsetSize()));
                case DwForm.STRP_SUP, DwForm.GNU_STRP_ALT -> new AttrValue.External(sized(h.offsetSize()), form);
                case DwForm.FLAG -> c.u8() != 0 ? TRUE : FALSE;
                case DwForm.FLAG_PRESENT -> TRUE;
                case DwForm.REF1 -> ref(c.u8());
                case DwForm.REF2 -> ref(c.u16());
                case DwForm.REF4 -> ref(c.u32());
                case DwForm.REF8 -> ref(c.u64());
                case DwForm.REF_UDATA -> ref(c.uleb());
                case DwForm.REF_ADDR -> new AttrValue.Ref(sized(h.version() == 2 ? h.addressSize() : h.offsetSize()));
                case DwForm.REF_SIG8 -> new AttrValue.RefSig8(c.u64());
                case DwForm.REF_SUP4 -> new AttrValue.External(c.u32(), form);
                case DwForm.REF_SUP8 -> new AttrValue.External(c.u64(), form);
                case DwForm.GNU_REF_ALT -> new AttrValue.External(sized(h.offsetSize()), form);
                case DwForm.SEC_OFFSET -> new AttrValue.SecOffset(sized(h.offsetSize()));
                case DwForm.STRX, DwForm.GNU_STR_INDEX -> new AttrValue.StrIndex(c.uleb());
                case DwForm.STRX1 -> new AttrValue.StrIndex(c.u8());
                case DwForm.STRX2 -> new AttrValue.StrIndex(c.u16());
                case DwForm.STRX3 -> new AttrValue.StrIndex(u24());
                case DwForm.STRX4 -> new AttrValue.StrIndex(c.u32());
                case DwForm.ADDRX, DwForm.GNU_ADDR_INDEX -> new AttrValue.AddressIndex(c.uleb());
                case DwForm.ADDRX1 -> new AttrValue.AddressIndex(c.u8());
                case DwForm.ADDRX2 -> new AttrValue.AddressIndex(c.u16());
                case DwForm.ADDRX3 -> new AttrValue.AddressIndex(u24());
                case DwForm.ADDRX4 -> new AttrValue.AddressIndex(c.u32());
                case DwForm.LOCLISTX, DwForm.RNGLISTX -> new AttrValue.ListIndex(c.uleb(), form);
                case DwForm.INDIRECT -> {
                    long real = c.uleb();
                    if (indirection >= MAX_INDIRECTION || real > 0xffff) {
                        throw new FormatException(info.describe(), c.position(), "DIE at 0x" + Long.toHexString(die)
                                + ": DW_FORM_indirect chain too deep or form 0x" + Long.toHexString(real) + " invalid");
                    }
                    // DW_FORM_implicit_const keeps its value in the abbreviation, never in the DIE.
                    yield real == DwForm.IMPLICIT_CONST ? signed(0) : value(die, at, (int) real, indirection + 1);
                }
                default -> throw new FormatException(info.describe(), c.position(), "DIE at 0x" + Long.toHexString(die)
                        + ": unknown form 0x" + Integer.toHexString(form) + " for attribute 0x"
                        + Integer.toHexString(at));
            };
        }

        private AttrValue.Str cached(StringCache cache, String section, long offset) throws FormatException {
            if (cache == null) {
                sections.require(section); // fails, naming the missing section
            }
            return cache.at(offset);
        }

        private long sized(int size) throws FormatException {
            return switch (size) {
                case 1 -> c.u8();
                case 2 -> c.u16();
                case 4 -> c.u32();
                default -> c.u64();
            };
        }

        private long u24() throws FormatException {
            int lo = c.u16();
            return lo | ((long) c.u8() << 16);
        }

        private AttrValue ref(long unitRelative) throws FormatException {
            long abs = unit.header().offset() + unitRelative;
            if (Long.compareUnsigned(abs, unit.header().end()) >= 0 || unitRelative < 0) {
                throw new FormatException(info.describe(), c.position(), "reference 0x" + Long.toHexString(unitRelative)
                        + " points outside its unit at 0x" + Long.toHexString(unit.header().offset()));
            }
            return new AttrValue.Ref(abs);
        }

        private byte[] block(long die, long length) throws FormatException {
            if (length < 0 || length > c.remaining()) {
                throw new FormatException(info.describe(), c.position(), "DIE at 0x" + Long.toHexString(die)
                        + ": block of " + length + " bytes runs past the unit");
            }
            return c.bytes((int) length);
        }
    }
}
