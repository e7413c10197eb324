package dev.hagfish.symbols;

/**
 * A {@code Symbol} is one non-debugging entry of an image's symbol table with its derived facts:
 * kind, section, size and the type letter {@code llvm-nm} prints.
 *
 * @param name the symbol name as stored (with Darwin's leading underscore)
 * @param address the unslid address (0 for undefined symbols)
 * @param size the derived size in bytes (0 when unknown)
 * @param kind what the symbol names
 * @param section the {@code segment,section} name, or empty
 * @param external whether {@code N_EXT} is set
 * @param privateExternal whether {@code N_PEXT} is set
 * @param nmType the {@code llvm-nm} type letter (T, t, D, d, B, b, S, s, U, C, A, a, I, i, ?)
 * @param index the index in the symbol table
 */
public record Symbol(String name, long address, long size, SymbolKind kind, String section, boolean external,
        boolean privateExternal, char nmType, int index) {

    /** Tells whether the symbol is defined in this image. */
    public boolean isDefined() {
        return kind != SymbolKind.UNDEFINED && kind != SymbolKind.COMMON;
    }

    /** Returns the demangled name, or the name itself when it is not a mangled C++ name. */
    public String demangled() {
        return Demangler.demangle(name);
    }
}
