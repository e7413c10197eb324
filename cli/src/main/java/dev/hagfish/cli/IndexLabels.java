package dev.hagfish.cli;

import dev.hagfish.disasm.Label;
import dev.hagfish.disasm.SymbolLookup;
import dev.hagfish.index.AddressAnswer;
import dev.hagfish.index.AddressLookup;
import dev.hagfish.symbols.DataSymbol;
import dev.hagfish.symbols.Frame;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code IndexLabels} names slid addresses from the index, for {@code <symbol+off>}: the function
 * that holds the address (its outermost frame, the demangled name gdb shows, such as
 * {@code OSKext::start(bool)}), else the data symbol that holds it. The slide is subtracted
 * before asking the index, which knows unslid addresses. Thread-safe as {@link AddressLookup} is.
 */
final class IndexLabels implements SymbolLookup {
    private final AddressLookup lookup;
    private final long slide;

    IndexLabels(AddressLookup lookup, long slide) {
        this.lookup = lookup;
        this.slide = slide;
    }

    @Override
    public Optional<Label> find(long address) throws IOException {
        long unslid = address - slide;
        AddressAnswer a = lookup.find(unslid);
        Frame outer = a.frames().get(a.frames().size() - 1);
        if (!outer.functionName().isEmpty() && outer.startAddress().isPresent()) {
            return Optional.of(new Label(outer.functionName(), unslid - outer.startAddress().getAsLong()));
        }
        if (a.data().isPresent()) {
            DataSymbol d = a.data().get();
            return Optional.of(new Label(d.name(), unslid - d.start()));
        }
        return Optional.empty();
    }

    /** Returns the innermost frame at a slid address: its file and line come from the line table. */
    Frame line(long address) throws IOException {
        return lookup.find(address - slide).frames().get(0);
    }
}
