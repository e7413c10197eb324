package dev.hagfish.values;

import dev.hagfish.memory.AddressSpace;
import dev.hagfish.types.TypeGraph;
import java.io.IOException;
import java.util.Optional;

/**
 * A {@code Scope} is what expressions are evaluated against: the kernel's types, its globals,
 * the memory they are read from, and the KASLR slide, applied here and nowhere else: a global's
 * unslid address plus the slide is where it is in {@code memory}, and an address of {@code
 * memory} minus the slide is what {@link Globals#symbolize} is asked.
 *
 * <p>Not thread-safe ({@link Types} grows as expressions make types).
 *
 * @param types the types
 * @param globals the symbols
 * @param memory the address space (a snapshot, the kernel image, or both layered)
 * @param slide the KASLR slide of the kernel in {@code memory}
 */
public record Scope(Types types, Globals globals, AddressSpace memory, long slide) {
    /** Creates a scope over a type graph. */
    public static Scope of(TypeGraph graph, Globals globals, AddressSpace memory, long slide) {
        return new Scope(new Types(graph), globals, memory, slide);
    }

    /** Returns the symbol that holds an address of {@code memory} (slid), if any. */
    public Optional<SymbolRef> symbolize(long address) throws IOException {
        return globals.symbolize(address - slide);
    }
}
