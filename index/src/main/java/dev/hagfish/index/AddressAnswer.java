package dev.hagfish.index;

import dev.hagfish.symbols.DataSymbol;
import dev.hagfish.symbols.Frame;
import java.util.List;
import java.util.Optional;

/**
 * An {@code AddressAnswer} is everything hagfish says about an unslid address: the inline chain
 * (innermost first, as {@code llvm-symbolizer} prints it) and the data symbol that holds it.
 *
 * @param frames the chain; a single frame of empty fields means "unknown"
 * @param data the data symbol holding the address, if any
 */
public record AddressAnswer(List<Frame> frames, Optional<DataSymbol> data) {
    /** Creates the record; the list is copied. */
    public AddressAnswer {
        frames = List.copyOf(frames);
    }
}
