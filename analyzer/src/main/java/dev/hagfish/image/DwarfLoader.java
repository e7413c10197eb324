package dev.hagfish.image;

import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.elf.ElfFile;
import dev.hagfish.elf.ElfSection;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.Section;
import dev.hagfish.macho.SegmentCommand;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code DwarfLoader} hands a Mach-O image's DWARF sections to {@code dwarf}: the
 * {@code __debug_*} and {@code __apple_*} sections of a dSYM's {@code __DWARF} segment or of an
 * object file, each as a slice of the file. Zero-fill and empty sections are skipped. It does the
 * same for an ELF file's {@code .debug_*} sections ({@link #fromElf}).
 */
public final class DwarfLoader {
    private DwarfLoader() {}

    /**
     * Returns the DWARF sections of an image.
     *
     * @throws FormatException if a section lies outside the file
     */
    public static DwarfSections fromMachO(MachOFile file) throws FormatException {
        Map<String, ByteSource> out = new LinkedHashMap<>();
        ByteSource src = file.source();
        for (SegmentCommand seg : file.segments()) {
            for (Section s : seg.sections()) {
                String n = s.sectName();
                if (!(n.startsWith("__debug_") || n.startsWith("__apple_")) || s.size() == 0 || s.isZeroFill()) {
                    continue;
                }
                out.putIfAbsent(n, src.slice(s.offset(), s.size(),
                        src.describe() + " (" + DwarfSections.canonical(n) + ")"));
            }
        }
        return DwarfSections.of(out);
    }

    /**
     * Returns the DWARF sections of an ELF file: every {@code .debug_*} section, and every legacy
     * {@code .zdebug_*} section under its {@code .debug_*} name, inflated when compressed
     * ({@link ElfFile#sectionBytes}). {@code SHT_NOBITS} and empty sections are skipped; when a
     * name repeats, the first section wins.
     *
     * <p>Relocations are <em>not</em> applied. That is right for linked files (ET_EXEC, ET_DYN) and
     * for separate debug files such as Debian's {@code /usr/lib/debug/.build-id/NN/HASH.debug},
     * whose DWARF is final. In a relocatable object (ET_REL) a reference from one debug section
     * into another is whatever the assembler stored in place: right for REL targets (i386, ARM,
     * MIPS32), which store the addend there, but typically 0 for RELA targets (x86-64, AArch64),
     * so such objects read with wrong string and section offsets.
     *
     * @throws FormatException if a debug section cannot be inflated
     */
    public static DwarfSections fromElf(ElfFile file) throws FormatException {
        Map<String, ByteSource> out = new LinkedHashMap<>();
        for (ElfSection s : file.sections()) {
            String n = s.name();
            if (n.startsWith(".zdebug_")) {
                n = ".debug_" + n.substring(".zdebug_".length());
            } else if (!n.startsWith(".debug_")) {
                continue;
            }
            if (s.isNoBits() || s.size() == 0 || out.containsKey(n)) {
                continue;
            }
            out.put(n, file.sectionBytes(s));
        }
        return DwarfSections.of(out);
    }
}
