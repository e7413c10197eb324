package dev.hagfish.values;

import java.util.OptionalLong;

/**
 * A {@code Global} is a kernel symbol an expression names: a variable or a function, at its
 * unslid address, with its type when the debug information gives one.
 *
 * @param name the name as written in the expression's answer (the C name)
 * @param address the unslid address
 * @param type the id of its type in the scope's type graph; empty when the kernel was indexed
 *     without DWARF or DWARF does not describe the symbol
 * @param function whether the symbol is a function
 */
public record Global(String name, long address, OptionalLong type, boolean function) {}
