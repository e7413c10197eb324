package dev.hagfish.index;

/**
 * A {@code KernelRecord} is what the store knows of one indexed kernel. Every query reads it, so
 * it stays small: the kernel's source paths (thousands of them) are kept apart and read by
 * {@link KernelStore#sourcePaths}.
 *
 * @param uuid the LC_UUID (or ELF build ID)
 * @param version the version banner, or null when the image has none
 * @param arch the architecture, e.g. {@code x86_64}
 * @param base the unslid address of the kernel's first segment
 * @param kernelPath the kernel file that was indexed
 * @param dsymPath the DWARF file that was indexed, or null
 * @param indexedAt when, as an ISO-8601 instant
 * @param symbols the number of symbols
 * @param types the number of distinct named types
 * @param intervals the number of address intervals of the line and inline table
 */
public record KernelRecord(String uuid, String version, String arch, long base, String kernelPath, String dsymPath,
        String indexedAt, long symbols, long types, long intervals) {}
