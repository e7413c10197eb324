package dev.hagfish.values;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code Globals} is what expressions need from a kernel's symbols: a global by name, and the
 * symbol holding an address. Addresses are unslid; the {@link Scope} applies the slide.
 * Implementations (the index) say whether they are thread-safe.
 */
public interface Globals {
    /**
     * Finds a variable or function by its C name ({@code allproc}, {@code kernproc}), or by a
     * C++ qualified name.
     */
    Optional<Global> find(String name) throws IOException;

    /** Returns the data object or function that holds an unslid address, if any. */
    Optional<SymbolRef> symbolize(long unslidAddress) throws IOException;
}
