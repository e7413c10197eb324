package dev.hagfish.dwarf;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code DwarfSections} holds the DWARF sections of one object, by canonical name
 * ({@code debug_info}, {@code debug_abbrev}, {@code debug_str_offsets}, {@code apple_names}, …),
 * whatever container they came from: a dSYM's {@code __DWARF} segment, a Mach-O object's
 * {@code __debug_*} sections, or an ELF file's {@code .debug_*} sections. It never knows the
 * container (as Go's {@code dwarf.New} and LLVM's {@code DWARFObject}).
 *
 * <p>Immutable and safe to share between threads.
 */
public final class DwarfSections {
    private final Map<String, ByteSource> sections;

    private DwarfSections(Map<String, ByteSource> sections) {
        this.sections = Map.copyOf(sections);
    }

    /**
     * Creates the set from section bytes keyed by container names; {@code __debug_info},
     * {@code .debug_info} and {@code debug_info} all become {@code debug_info}, and Mach-O's
     * 16-character truncations ({@code __debug_str_offs}, {@code __apple_namespac}) are undone.
     */
    public static DwarfSections of(Map<String, ByteSource> byContainerName) {
        Map<String, ByteSource> out = new TreeMap<>();
        byContainerName.forEach((name, bytes) -> out.put(canonical(name), bytes));
        return new DwarfSections(out);
    }

    /** Returns the canonical name of a container's section name. */
    public static String canonical(String name) {
        String n = name;
        while (n.startsWith("_") || n.startsWith(".")) {
            n = n.substring(1);
        }
        return switch (n) {
            case "debug_str_offs" -> "debug_str_offsets";
            case "apple_namespac" -> "apple_namespaces";
            default -> n;
        };
    }

    /** Returns a section, if present. */
    public Optional<ByteSource> get(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    /** Returns a section or fails with a message naming it. */
    public ByteSource require(String name) throws FormatException {
        ByteSource s = sections.get(name);
        if (s == null) {
            throw new FormatException(name, 0, "no " + name + " section");
        }
        return s;
    }

    /** Returns the names and sizes of all sections, sorted by name. */
    public Map<String, Long> sizes() {
        Map<String, Long> out = new TreeMap<>();
        sections.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }
}
