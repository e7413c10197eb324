package dev.hagfish.index;

/**
 * One symbol found by {@link SymbolSearch}.
 *
 * @param name the symbol table name, e.g. {@code _kext_alloc}
 * @param demangled the demangled name (the name itself for C)
 * @param address the unslid address
 * @param size the size in bytes (0 when unknown)
 * @param kind {@code func}, {@code data}, {@code absolute}, …
 * @param section the section, e.g. {@code __TEXT,__text}, or null
 * @param external whether the symbol is external
 * @param declFile the declaring file from DWARF, or null
 * @param declLine the declaring line, or 0
 * @param type a variable's C type from DWARF, e.g. {@code struct proclist}, or null
 * @param signature a function's C declaration from DWARF, or null
 * @param match how it matched: {@code exact}, {@code prefix} or {@code other}
 * @param score Lucene's score
 */
public record SymbolHit(String name, String demangled, long address, long size, String kind, String section,
        boolean external, String declFile, long declLine, String type, String signature, String match, float score) {}
