package dev.hagfish.index;

import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.image.ElfImage;
import dev.hagfish.image.KernelImage;
import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.symbols.ElfSymbolTable;
import dev.hagfish.symbols.Symbol;
import dev.hagfish.symbols.SymbolRanges;
import dev.hagfish.symbols.SymbolTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An {@code IndexInput} is what {@link KernelStore#index} stores, whatever the container: the
 * image's identity, its symbols (and the ranges {@code addr} attributes addresses to), and its
 * DWARF when there is one.
 *
 * @param uuid the LC_UUID, or an ELF build ID in the same upper-case form
 * @param version the version banner, or null
 * @param arch the architecture name, e.g. {@code x86_64}
 * @param base the unslid address of the image's first segment
 * @param path the indexed image
 * @param dwarfPath the file the DWARF came from, or null
 * @param symbols the defined and undefined symbols, as the symbol table lists them
 * @param ranges the symbol ranges addresses are attributed to
 * @param dwarf the DWARF sections, or null
 */
public record IndexInput(String uuid, String version, String arch, long base, Path path, Path dwarfPath,
        List<Symbol> symbols, SymbolRanges ranges, DwarfSections dwarf) {
    /** Creates the record; the list is copied. */
    public IndexInput {
        symbols = List.copyOf(symbols);
    }

    /** The input of a Mach-O kernel paired with its dSYM (opened here when it has one). */
    public static IndexInput of(KernelImage image) throws IOException {
        DwarfSections dwarf = null;
        if (image.dsymPath().isPresent()) {
            dwarf = DwarfLoader.fromMachO(MachOFile.open(ByteSource.open(image.dsymPath().get()),
                    image.kernel().archName()));
        }
        return new IndexInput(image.uuid(), image.version().orElse(null), image.kernel().archName(), image.base(),
                image.path(), image.dsymPath().orElse(null), SymbolTable.of(image.kernel()).symbols(),
                SymbolRanges.of(image.kernel()), dwarf);
    }

    /**
     * The input of an ELF file with DWARF (a {@code vmlinux}, a separate {@code .debug} file):
     * identified by its GNU build ID, with the symbols of {@code .symtab} (else {@code .dynsym})
     * and the DWARF of its own {@code .debug_*} sections; a file without {@code .debug_info} is
     * indexed by its symbols alone. See {@link ElfImage} for the base and the version.
     *
     * @throws dev.hagfish.io.FormatException if the file is malformed or has no build ID
     * @throws IOException if it cannot be read
     */
    public static IndexInput fromElf(Path path) throws IOException {
        ElfImage image = ElfImage.open(path);
        ElfSymbolTable table = ElfSymbolTable.of(image.file(), image.symbols());
        DwarfSections dwarf = DwarfLoader.fromElf(image.file());
        boolean hasDwarf = dwarf.get("debug_info").isPresent();
        return new IndexInput(image.buildId(), image.version().orElse(null), image.arch(), image.base(), path,
                hasDwarf ? path : null, table.symbols(), table.ranges(), hasDwarf ? dwarf : null);
    }
}
