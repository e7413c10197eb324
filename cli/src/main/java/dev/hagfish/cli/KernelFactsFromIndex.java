package dev.hagfish.cli;

import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.index.SymbolHit;
import dev.hagfish.index.SymbolSearch;
import dev.hagfish.index.TypeHit;
import dev.hagfish.index.TypeSearch;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.memory.ImageSpace;
import dev.hagfish.memory.KernelFacts;
import dev.hagfish.memory.LowGloLayout;
import dev.hagfish.types.Layout;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code KernelFactsFromIndex} fills the {@link KernelFacts} that slide detection needs from the
 * index (the {@code version} and {@code lowGlo} symbols, the {@code lowglo} type's field offsets)
 * and from the kernel file, when it is still where it was indexed from (the text base, and the
 * value {@code lgStext} holds before sliding).
 */
final class KernelFactsFromIndex {
    private KernelFactsFromIndex() {}

    /**
     * Returns the facts of one indexed kernel.
     *
     * @param kernel the kernel file's image, or null when the file is gone
     */
    static KernelFacts of(KernelStore store, KernelRecord record, MachOFile kernel) throws IOException {
        long textBase = kernel != null && kernel.segment("__TEXT").isPresent()
                ? kernel.segment("__TEXT").get().vmaddr() : record.base();
        Optional<Long> version = symbol(store, record, "version");
        Optional<LowGloLayout> lowGlo = LowGloLayout.forArch(record.arch()).map(l -> offsets(store, record, l));
        long stext = textBase;
        if (kernel != null && lowGlo.isPresent()) {
            stext = lowGlo.get().unslidStext(ImageSpace.of(kernel, 0, kernel.source().describe()),
                    symbol(store, record, "lowGlo"), textBase);
        }
        return new KernelFacts(record.uuid(), record.arch(), textBase, version, Optional.ofNullable(record.version()),
                lowGlo, stext);
    }

    /** Returns the unslid address of a C symbol ({@code version} is {@code _version} in Mach-O). */
    static Optional<Long> symbol(KernelStore store, KernelRecord record, String name) throws IOException {
        for (SymbolHit h : new SymbolSearch(store, record.uuid()).search(name, null, 10)) {
            if (h.match().equals("exact") && (h.name().equals("_" + name) || h.name().equals(name))) {
                return Optional.of(h.address());
            }
        }
        return Optional.empty();
    }

    /** Returns the layout with the offsets of the kernel's own {@code lowglo} type, when the DWARF has it. */
    private static LowGloLayout offsets(KernelStore store, KernelRecord record, LowGloLayout defaults) {
        try {
            for (TypeHit t : new TypeSearch(store, record.uuid()).named("lowglo")) {
                Optional<Layout> layout = t.layout();
                if (layout.isEmpty()) {
                    continue;
                }
                Long stext = null;
                Long version = null;
                for (Layout.Slot s : layout.get().slots()) {
                    if ("lgStext".equals(s.name())) {
                        stext = s.bitOffset() / 8;
                    } else if ("lgVersion".equals(s.name())) {
                        version = s.bitOffset() / 8;
                    }
                }
                if (stext != null && version != null) {
                    return defaults.withOffsets(stext, version);
                }
            }
        } catch (IOException e) {
            // An unreadable stored layout: keep the defaults.
        }
        return defaults;
    }
}
