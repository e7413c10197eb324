package dev.hagfish.macho;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code ThirdPartyFiles} extracts the real Mach-O files that Maven jars ship (TOOLCHAIN.md) for
 * tests: the jars are copied to {@code target/thirdparty} by the maven-dependency-plugin, and the
 * list of files is {@code samples/expected/thirdparty/SOURCES.txt}, written by
 * {@code make-expected-thirdparty.sh} beside the golden outputs.
 */
public final class ThirdPartyFiles {
    /**
     * One extracted file.
     *
     * @param id the stable id of the golden files ({@code <id>.nm-n.txt}, {@code <id>.otool-l.txt})
     * @param path the extracted file
     * @param slice {@code thin}, or the architecture of a universal file's slice
     */
    public record Entry(String id, Path path, String slice) {
        /** Returns the {@code --arch} to pass, or null for a thin file. */
        public String arch() {
            return slice.equals("thin") ? null : slice;
        }
    }

    private ThirdPartyFiles() {}

    /**
     * Extracts every file of SOURCES.txt.
     *
     * @param samples the samples directory
     * @param moduleTarget the module's {@code target} directory
     */
    public static List<Entry> extract(Path samples, Path moduleTarget) throws IOException {
        Path jars = moduleTarget.resolve("thirdparty");
        Path out = jars.resolve("extracted");
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(samples.resolve("expected/thirdparty/SOURCES.txt"))) {
            String[] f = line.split("\t");
            if (line.startsWith("#") || f.length < 5) {
                continue;
            }
            String[] gav = f[1].split(":");
            Path jar = jars.resolve(gav[1] + "-" + gav[2] + ".jar");
            Path target = out.resolve(f[2]);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    ZipEntry e = zip.getEntry(f[2]);
                    if (e == null) {
                        throw new IOException(jar + " has no " + f[2]);
                    }
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            entries.add(new Entry(f[0], target, f[3]));
        }
        return entries;
    }
}
