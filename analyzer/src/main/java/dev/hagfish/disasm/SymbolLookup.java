package dev.hagfish.disasm;

import java.io.IOException;
import java.util.Optional;

/**
 * A {@code SymbolLookup} names the symbol that holds an address, for {@code <symbol+off>}
 * annotations. Addresses are in the same address space as the instructions (slid when they are),
 * so an implementation over an unslid symbol table subtracts the slide. Implementations say
 * whether they are thread-safe.
 */
@FunctionalInterface
public interface SymbolLookup {
    /** A lookup that knows no symbol. */
    SymbolLookup NONE = address -> Optional.empty();

    /**
     * Returns the symbol holding {@code address} and the offset into it, or empty.
     *
     * @throws IOException if the symbol source (e.g. the index) cannot be read
     */
    Optional<Label> find(long address) throws IOException;
}
