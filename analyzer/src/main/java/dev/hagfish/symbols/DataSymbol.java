package dev.hagfish.symbols;

/**
 * A {@code DataSymbol} is the object holding a data address, as {@code llvm-symbolizer} reports it
 * in its JSON {@code "Data"} answer.
 *
 * @param name the demangled name
 * @param start the object's unslid start address
 * @param size the object's size in bytes (0 when unknown)
 */
public record DataSymbol(String name, long start, long size) {}
