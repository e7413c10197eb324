package dev.hagfish.dwarf;

import java.util.List;

/**
 * An {@code Abbreviation} is one entry of {@code .debug_abbrev} (DWARF 5 §7.5.3): the tag, whether
 * DIEs using it have children, and the attribute specifications in order.
 *
 * @param code the abbreviation code DIEs refer to
 * @param tag the DIE tag
 * @param hasChildren whether DIEs with this abbreviation own children
 * @param specs the attributes
 */
public record Abbreviation(long code, int tag, boolean hasChildren, List<Spec> specs) {
    /** Creates the record; the list is copied. */
    public Abbreviation {
        specs = List.copyOf(specs);
    }

    /**
     * A {@code Spec} is one attribute specification.
     *
     * @param at the attribute code
     * @param form the form code
     * @param implicitConst the value of a {@code DW_FORM_implicit_const}, else 0
     */
    public record Spec(int at, int form, long implicitConst) {}
}
