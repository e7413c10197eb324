package dev.hagfish.memory;

import dev.hagfish.image.KernelImage;
import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.UuidCommand;
import dev.hagfish.symbols.Symbol;
import dev.hagfish.symbols.SymbolTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The sample kernels and their {@link KernelFacts}, built from the kernel file as the CLI builds them from the index. */
final class SampleKernels {
    private SampleKernels() {}

    static Path kernel(String variant) {
        return LldbMemoryRows.SAMPLES.resolve("kernels/" + variant + "/kernel");
    }

    static MachOFile open(String variant) throws IOException {
        return MachOFile.open(ByteSource.open(kernel(variant)), "x86_64");
    }

    static Optional<Long> symbol(SymbolTable t, String name) {
        return t.byName(name).stream().filter(Symbol::isDefined).map(Symbol::address).findFirst();
    }

    static KernelFacts facts(String variant) throws IOException {
        MachOFile k = open(variant);
        SymbolTable t = SymbolTable.of(k);
        long text = k.segment("__TEXT").orElseThrow().vmaddr();
        LowGloLayout lowGlo = LowGloLayout.forArch(k.archName()).orElseThrow();
        long stext = lowGlo.unslidStext(ImageSpace.of(k, 0, "kernel"), symbol(t, "_lowGlo"), text);
        return new KernelFacts(k.uuid().map(UuidCommand::text).orElseThrow(), k.archName(), text,
                symbol(t, "_version"), KernelImage.open(kernel(variant), null, "x86_64", false).version(),
                Optional.of(lowGlo), stext);
    }
}
