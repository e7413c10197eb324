package dev.hagfish.dwarf;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Abbreviations} parses {@code .debug_abbrev} tables, once per offset while they are in
 * use: units that share a table share the parsed result. The {@value #CACHED} most recently used
 * tables are kept, enough for the units being walked at once, so a file whose every unit has its
 * own table (as gcc writes them) does not hold them all. A table lookup by code is an array index
 * for the usual dense codes 1..n, a map otherwise.
 *
 * <p>Thread-safe: tables are parsed once under the instance's lock and are immutable.
 */
public final class Abbreviations {
    private final ByteSource section;
    /** How many parsed tables are kept. */
    static final int CACHED = 64;

    private final Map<Long, Table> tables = new LinkedHashMap<>(CACHED * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Table> eldest) {
            return size() > CACHED;
        }
    };

    /** Creates a cache over a {@code .debug_abbrev} section. */
    public Abbreviations(ByteSource section) {
        this.section = section;
    }

    /**
     * A {@code Shape} is an abbreviation laid out for decoding: its attribute codes, forms and
     * implicit constants as arrays, which every DIE made from it shares. Immutable.
     *
     * @param abbreviation the abbreviation
     * @param tag its tag
     * @param hasChildren whether its DIEs own children
     * @param ats the attribute codes, in order
     * @param forms the forms, in order
     * @param implicitConsts the decoded {@code DW_FORM_implicit_const} values (null elsewhere)
     */
    record Shape(Abbreviation abbreviation, int tag, boolean hasChildren, int[] ats, int[] forms,
            AttrValue[] implicitConsts) {
        static Shape of(Abbreviation a) {
            int n = a.specs().size();
            int[] ats = new int[n];
            int[] forms = new int[n];
            AttrValue[] implicit = new AttrValue[n];
            for (int i = 0; i < n; i++) {
                Abbreviation.Spec s = a.specs().get(i);
                ats[i] = s.at();
                forms[i] = s.form();
                if (s.form() == DwForm.IMPLICIT_CONST) {
                    implicit[i] = new AttrValue.Constant(s.implicitConst(), true);
                }
            }
            return new Shape(a, a.tag(), a.hasChildren(), ats, forms, implicit);
        }
    }

    /** One parsed table. */
    public static final class Table {
        private final Shape[] dense;
        private final Map<Long, Shape> sparse;

        Table(List<Abbreviation> list) {
            boolean isDense = true;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).code() != i + 1) {
                    isDense = false;
                    break;
                }
            }
            if (isDense) {
                dense = new Shape[list.size()];
                for (int i = 0; i < dense.length; i++) {
                    dense[i] = Shape.of(list.get(i));
                }
                sparse = null;
            } else {
                dense = null;
                sparse = new HashMap<>();
                for (Abbreviation a : list) {
                    sparse.put(a.code(), Shape.of(a));
                }
            }
        }

        /** Returns the abbreviation with this code, or null. */
        public Abbreviation get(long code) {
            Shape s = shape(code);
            return s == null ? null : s.abbreviation();
        }

        /** Returns the decoding layout of the abbreviation with this code, or null. */
        Shape shape(long code) {
            if (dense != null) {
                return code >= 1 && code <= dense.length ? dense[(int) code - 1] : null;
            }
            return sparse.get(code);
        }
    }

    /** Returns the table at {@code offset}, parsing it on first use. */
    public synchronized Table at(long offset) throws FormatException {
        Table t = tables.get(offset);
        if (t == null) {
            t = parse(offset);
            tables.put(offset, t);
        }
        return t;
    }

    private Table parse(long offset) throws FormatException {
        if (offset < 0 || offset >= section.size()) {
            throw new FormatException(section.describe(), offset,
                    "abbreviation table offset 0x" + Long.toHexString(offset) + " is outside debug_abbrev");
        }
        BinaryCursor c = new BinaryCursor(section, offset);
        List<Abbreviation> list = new ArrayList<>();
        while (true) {
            long at = c.position();
            long code = c.uleb();
            if (code == 0) {
                return new Table(list);
            }
            long tag = c.uleb();
            int children = c.u8();
            if (children > 1) {
                throw new FormatException(section.describe(), at, "abbreviation " + code
                        + ": children flag " + children + " is neither 0 nor 1");
            }
            List<Abbreviation.Spec> specs = new ArrayList<>();
            while (true) {
                long name = c.uleb();
                long form = c.uleb();
                if (name == 0 && form == 0) {
                    break;
                }
                long implicit = form == DwForm.IMPLICIT_CONST ? c.sleb() : 0;
                if (name > 0xffff || form > 0xffff) {
                    throw new FormatException(section.describe(), at, "abbreviation " + code
                            + ": attribute 0x" + Long.toHexString(name) + " form 0x" + Long.toHexString(form)
                            + " out of range");
                }
                specs.add(new Abbreviation.Spec((int) name, (int) form, implicit));
            }
            list.add(new Abbreviation(code, (int) Math.min(tag, Integer.MAX_VALUE), children == 1, specs));
        }
    }
}
