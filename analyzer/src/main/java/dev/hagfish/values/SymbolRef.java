package dev.hagfish.values;

/**
 * A {@code SymbolRef} is the symbol that holds an address and the offset into it, printed as gdb
 * prints it after a pointer: {@code proc_kernel_task} or {@code proc_kernel_task+165} (decimal).
 *
 * @param name the symbol's name
 * @param offset the address minus the symbol's start, in bytes
 */
public record SymbolRef(String name, long offset) {
    /** Returns {@code name} or {@code name+offset}. */
    public String text() {
        return offset == 0 ? name : name + "+" + Long.toUnsignedString(offset);
    }
}
