package dev.hagfish.disasm;

/**
 * A {@code Label} names an address as a symbol and an offset into it, for the {@code <symbol+off>}
 * annotations of a disassembly.
 *
 * @param name the symbol as users read it (gdb shows C names and demangled C++ names)
 * @param offset the address minus the symbol's start, in bytes
 */
public record Label(String name, long offset) {
    /** Returns {@code name}, or {@code name+offset} with the offset in decimal, as gdb prints it. */
    public String text() {
        return offset == 0 ? name : name + "+" + Long.toUnsignedString(offset);
    }
}
