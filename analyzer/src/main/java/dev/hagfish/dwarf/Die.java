package dev.hagfish.dwarf;

import java.util.List;

/**
 * A {@code Die} is one debugging information entry with its decoded attributes, as a
 * {@link DieReader} returns it in depth-first order.
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

    /** Returns the value of attribute {@code at}, or null. */
    public AttrValue get(int at) {
        for (Attribute a : attributes) {
            if (a.at() == at) {
                return a.value();
            }
        }
        return null;
    }

    /** Returns the form attribute {@code at} was encoded with, or 0. */
    public int formOf(int at) {
        for (Attribute a : attributes) {
            if (a.at() == at) {
                return a.form();
            }
        }
        return 0;
    }
}
