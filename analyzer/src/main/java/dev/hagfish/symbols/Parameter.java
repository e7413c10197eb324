package dev.hagfish.symbols;

/**
 * A {@code Parameter} is one {@code DW_TAG_formal_parameter} of a subprogram, with its name and
 * type found along {@code DW_AT_abstract_origin} (a concrete out-of-line instance names neither
 * itself).
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param die the parameter DIE's offset in {@code .debug_info}
 * @param name its name, or null for an unnamed parameter
 * @param type its type: the type DIE's offset in {@code .debug_info}, as
 *     {@link dev.hagfish.dwarf.TypeReader} identifies types, or {@link dev.hagfish.types.Type#VOID}
 * @param artificial whether the compiler made it up ({@code DW_AT_artificial}, e.g. {@code this})
 */
public record Parameter(long die, String name, long type, boolean artificial) {}
