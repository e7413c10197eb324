package dev.hagfish.index;

import java.util.List;

/**
 * A {@code KernelRecord} is what the store knows of one indexed kernel.
 *
 * @param uuid the LC_UUID (or ELF build ID)
 * @param version the version banner, or null when the image has none
 * @param arch the architecture, e.g. {@code x86_64}
 * @param base the unslid address of the kernel's first segment
 * @param kernelPath the kernel file that was indexed
 * @param dsymPath the DWARF file that was indexed, or null
 * @param indexedAt when, as an ISO-8601 instant
 * @param sourcePaths the compilation directories and unit names the DWARF names, sorted
 * @param symbols the number of symbols
 * @param types the number of distinct named types
 * @param intervals the number of address intervals of the line and inline table
 */
public record KernelRecord(String uuid, String version, String arch, long base, String kernelPath, String dsymPath,
        String indexedAt, List<String> sourcePaths, long symbols, long types, long intervals) {
    /** Creates the record; the list is copied. */
    public KernelRecord {
        sourcePaths = List.copyOf(sourcePaths);
    }
}
