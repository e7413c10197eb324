package dev.hagfish.report;

/**
 * Which kernel a report or a diff speaks of.
 *
 * @param uuid its LC_UUID (or an ELF file's build ID)
 * @param version its version banner, or null
 * @param arch its architecture
 * @param path the file it was indexed from
 */
public record KernelIdentity(String uuid, String version, String arch, String path) {
    /** Returns {@code UUID (arch) version}, as headers print it. */
    public String describe() {
        return uuid + " (" + arch + ")" + (version == null ? "" : " " + version);
    }
}
