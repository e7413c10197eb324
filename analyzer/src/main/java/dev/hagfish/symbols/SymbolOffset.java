package dev.hagfish.symbols;

/**
 * A {@code SymbolOffset} is the answer to "which symbol holds this address": the symbol and the
 * offset into it, printed {@code name+0x12} as gdb and lldb do.
 *
 * @param symbol the containing symbol
 * @param offset the address minus the symbol's address
 */
public record SymbolOffset(Symbol symbol, long offset) {
    /** Returns {@code name} or {@code name+0xN}. */
    public String text() {
        return offset == 0 ? symbol.name() : symbol.name() + "+0x" + Long.toHexString(offset);
    }
}
