package dev.hagfish.memory;

import java.util.Optional;

/**
 * {@code KernelFacts} are what slide detection needs to know about one kernel, as plain values:
 * the command line fills them from the index (which the analyzer cannot read), tests from the
 * kernel file. Addresses are unslid.
 *
 * @param uuid the LC_UUID, upper-case {@code 8-4-4-4-12}
 * @param arch the architecture, e.g. {@code x86_64}
 * @param textBase the address of {@code __TEXT}, where the Mach-O header is loaded
 * @param versionAddress the address of the {@code version} string, if the kernel has the symbol
 * @param version the version banner, if known
 * @param lowGlo where the low globals are and the offsets of their fields, if the architecture has them
 * @param lowGloStext the value {@code lgStext} takes before sliding ({@link LowGloLayout#unslidStext})
 */
public record KernelFacts(String uuid, String arch, long textBase, Optional<Long> versionAddress,
        Optional<String> version, Optional<LowGloLayout> lowGlo, long lowGloStext) {}
