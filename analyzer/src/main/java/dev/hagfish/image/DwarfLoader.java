package dev.hagfish.image;

import dev.hagfish.dwarf.DwarfSections;
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
 * object file, each as a slice of the file. Zero-fill and empty sections are skipped.
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
}
