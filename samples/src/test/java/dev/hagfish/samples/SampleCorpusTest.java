package dev.hagfish.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every corpus file exists with the sha256 that MANIFEST.md records, and every listed file is listed. */
class SampleCorpusTest {
    static final Path SAMPLES = Path.of(System.getProperty("samples.dir", ".")).toAbsolutePath().normalize();
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| (\\d+) \\| ([0-9a-f]{64}) \\| (.+) \\|$");

    static Map<String, String[]> manifest() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("MANIFEST.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(m.group(1), new String[] {m.group(2), m.group(3), m.group(4)});
            }
        }
        return rows;
    }

    @Test
    void everyManifestRowMatchesItsFile() throws IOException, NoSuchAlgorithmException {
        Map<String, String[]> rows = manifest();
        assertTrue(rows.size() > 50, "manifest has only " + rows.size() + " rows");
        List<String> bad = new ArrayList<>();
        for (var e : rows.entrySet()) {
            Path f = SAMPLES.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                bad.add(e.getKey() + ": missing");
                continue;
            }
            byte[] data = Files.readAllBytes(f);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
            if (data.length != Long.parseLong(e.getValue()[0]) || !sha.equals(e.getValue()[1])) {
                bad.add(e.getKey() + ": size/sha256 differ from MANIFEST.md (rebuild with samples/build.sh)");
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void everyCorpusFileIsInTheManifest() throws IOException {
        Map<String, String[]> rows = manifest();
        List<String> unlisted = new ArrayList<>();
        for (String dir : List.of("kernel", "kernels", "snapshots", "expected")) {
            try (Stream<Path> s = Files.walk(SAMPLES.resolve(dir))) {
                s.filter(Files::isRegularFile).map(p -> SAMPLES.relativize(p).toString())
                        .filter(p -> !rows.containsKey(p)).forEach(unlisted::add);
            }
        }
        assertEquals(List.of(), unlisted);
    }

    @Test
    void theCorpusHasEveryRequiredVariant() {
        List<String> required = new ArrayList<>();
        for (String v : List.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5", "fat")) {
            required.add("kernels/" + v + "/kernel");
            required.add("kernels/" + v + "/kernel.dSYM/Contents/Info.plist");
            required.add("kernels/" + v + "/kernel.dSYM/Contents/Resources/DWARF/kernel");
        }
        required.addAll(List.of("kernels/i386/kern_proc.o", "snapshots/x86_64-dwarf4.core",
                "snapshots/x86_64-dwarf4-nonote.core", "snapshots/x86_64-dwarf4-slide4600000.raw",
                "snapshots/x86_64-dwarf4.core.gz", "kernel/osfmk/kern/kext_alloc.c"));
        for (String r : required) {
            assertTrue(Files.isRegularFile(SAMPLES.resolve(r)), r + " is missing");
        }
    }

    @Test
    void theCorpusStaysSmall() throws IOException {
        long total = 0;
        for (String dir : List.of("kernels", "snapshots", "expected")) {
            try (Stream<Path> s = Files.walk(SAMPLES.resolve(dir))) {
                for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                    total += Files.size(p);
                }
            }
        }
        assertTrue(total < 10L << 20, "corpus is " + total + " bytes, over 10 MB");
        assertFalse(total == 0);
    }

    static void require(boolean ok, String what) {
        if (!ok) {
            fail(what);
        }
    }
}
