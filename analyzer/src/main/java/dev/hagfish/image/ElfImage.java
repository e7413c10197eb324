package dev.hagfish.image;

import dev.hagfish.elf.ElfFile;
import dev.hagfish.elf.ElfNotes;
import dev.hagfish.elf.ElfProgramHeader;
import dev.hagfish.elf.ElfSection;
import dev.hagfish.elf.ElfSymbol;
import dev.hagfish.elf.ElfSymbols;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An {@code ElfImage} is the identity of an ELF file with DWARF (a Linux {@code vmlinux}, a
 * separate {@code .debug} file, any linked program): its GNU build ID, architecture, base and
 * version banner, with its raw symbols.
 * <ul>
 *   <li>the build ID ({@code NT_GNU_BUILD_ID}, in any note section) is the image's UUID, in
 *       upper-case hex; a debug file has the same one as the file it was split from;
 *   <li>the base is the {@code p_vaddr} of the first {@code PT_LOAD} program header; without
 *       program headers, the lowest address of a non-empty {@code SHF_ALLOC} section (a vmlinux's
 *       {@code .data..percpu} is allocated at 0, so the sections alone would give 0);
 *   <li>the version is the bytes of the {@code linux_banner} symbol ("Linux version 6.1…") when
 *       its section has them in this file, without the trailing newline.
 * </ul>
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param file the parsed file
 * @param path where it was read from
 * @param buildId the build ID as upper-case hex
 * @param arch the architecture name ({@link dev.hagfish.elf.ElfHeader#archName()})
 * @param base the unslid base address
 * @param version the Linux version banner, if present
 * @param symbols the symbols of {@code .symtab}, else {@code .dynsym}
 */
public record ElfImage(ElfFile file, Path path, String buildId, String arch, long base, Optional<String> version,
        List<ElfSymbol> symbols) {
    private static final String BANNER = "linux_banner";
    private static final int MAX_BANNER = 4096;

    /** Creates the record; the list is copied. */
    public ElfImage {
        symbols = List.copyOf(symbols);
    }

    /**
     * Opens an ELF file.
     *
     * @throws FormatException if the file is malformed, or it has no GNU build ID to identify it
     * @throws IOException if it cannot be read
     */
    public static ElfImage open(Path path) throws IOException {
        ElfFile f = ElfFile.parse(ByteSource.open(path));
        String id = ElfNotes.buildId(f).map(b -> HexFormat.of().formatHex(b).toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new FormatException(path.toString(), 0, "no GNU build ID (NT_GNU_BUILD_ID note,"
                        + " e.g. .note.gnu.build-id): hagfish identifies an ELF file by it; link with --build-id"));
        List<ElfSymbol> symbols = ElfSymbols.read(f);
        return new ElfImage(f, path, id, f.header().archName(), base(f), banner(f, symbols), symbols);
    }

    private static long base(ElfFile f) throws FormatException {
        for (ElfProgramHeader p : ElfProgramHeader.readAll(f)) {
            if (p.type() == ElfProgramHeader.PT_LOAD) {
                return p.vaddr();
            }
        }
        long low = -1;
        boolean any = false;
        for (ElfSection s : f.sections()) {
            if ((s.flags() & ElfSection.SHF_ALLOC) != 0 && s.size() != 0
                    && (!any || Long.compareUnsigned(s.addr(), low) < 0)) {
                low = s.addr();
                any = true;
            }
        }
        return any ? low : 0;
    }

    /** Reads {@code linux_banner}'s bytes when its section has them in this file. */
    private static Optional<String> banner(ElfFile f, List<ElfSymbol> symbols) throws FormatException {
        for (ElfSymbol s : symbols) {
            if (!s.name().equals(BANNER) || !s.inSection() || s.size() == 0) {
                continue;
            }
            ElfSection sect = f.sections().get((int) s.shndx());
            long rel = s.value() - sect.addr();
            if (sect.isNoBits() || sect.isCompressed() || Long.compareUnsigned(rel, sect.size()) >= 0) {
                return Optional.empty();
            }
            int len = (int) Math.min(Math.min(s.size(), sect.size() - rel), MAX_BANNER);
            String text = f.source().cstring(sect.offset() + rel, len);
            return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
        }
        return Optional.empty();
    }
}
