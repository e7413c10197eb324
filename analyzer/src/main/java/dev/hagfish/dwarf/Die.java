package dev.hagfish.dwarf;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A {@code Die} is one debugging information entry with its decoded attributes, as a
 * {@link DieReader} returns it in depth-first order.
 *
 * <p>A reader's DIEs keep their attributes compactly: the codes and forms are shared with the
 * abbreviation, and only the decoded values are the DIE's own, so {@link #attributes()} makes
 * each {@link Attribute} when it is asked for and {@link #get} scans the shared codes.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param offset the DIE's absolute offset in {@code .debug_info}
 * @param depth 0 for the unit DIE, 1 for its children, …
 * @param tag the {@code DW_TAG_*} code
 * @param hasChildren whether children follow
 * @param attributes the attributes, in abbreviation order
 */
public record Die(long offset, int depth, int tag, boolean hasChildren, List<Attribute> attributes) {
    /**
     * An {@code Attribute} is an attribute code, its form, and the decoded value.
     *
     * @param at the {@code DW_AT_*} code
     * @param form the {@code DW_FORM_*} code it was encoded with
     * @param value the decoded value
     */
    public record Attribute(int at, int form, AttrValue value) {}

    /** Makes a reader's DIE: codes and forms from the abbreviation, values in the same order. */
    static Die of(long offset, int depth, Abbreviations.Shape shape, AttrValue[] values) {
        return new Die(offset, depth, shape.tag(), shape.hasChildren(), new Values(shape.ats(), shape.forms(), values));
    }

    /** Returns the value of attribute {@code at}, or null. */
    public AttrValue get(int at) {
        if (attributes instanceof Values v) {
            int i = v.position(at);
            return i < 0 ? null : v.values[i];
        }
        for (Attribute a : attributes) {
            if (a.at() == at) {
                return a.value();
            }
        }
        return null;
    }

    /** Returns the code of the {@code i}-th attribute (without making an {@link Attribute}). */
    public int at(int i) {
        return attributes instanceof Values v ? v.ats[i] : attributes.get(i).at();
    }

    /** Returns the value of the {@code i}-th attribute (without making an {@link Attribute}). */
    public AttrValue value(int i) {
        return attributes instanceof Values v ? v.values[i] : attributes.get(i).value();
    }

    /** Returns the form attribute {@code at} was encoded with, or 0. */
    public int formOf(int at) {
        if (attributes instanceof Values v) {
            int i = v.position(at);
            return i < 0 ? 0 : v.forms[i];
        }
        for (Attribute a : attributes) {
            if (a.at() == at) {
                return a.form();
            }
        }
        return 0;
    }

    /** The attribute list of a reader's DIE: shared codes and forms, the DIE's own values. */
    private static final class Values extends AbstractList<Attribute> implements RandomAccess {
        private final int[] ats;
        private final int[] forms;
        private final AttrValue[] values;

        Values(int[] ats, int[] forms, AttrValue[] values) {
            this.ats = ats;
            this.forms = forms;
            this.values = values;
        }

        int position(int at) {
            for (int i = 0; i < ats.length; i++) {
                if (ats[i] == at) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Attribute get(int index) {
            return new Attribute(ats[index], forms[index], values[index]);
        }

        @Override
        public int size() {
            return ats.length;
        }
    }
}
