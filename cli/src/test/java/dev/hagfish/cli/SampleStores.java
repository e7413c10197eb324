package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code SampleStores} indexes the sample kernels once per test JVM, for the report and diff tests:
 * the five distinct thin kernels (x86_64 DWARF 2, 4 and 5, arm64 DWARF 5, and the second x86_64
 * DWARF 4 build) in one store, whose directory is deleted when the JVM exits.
 */
final class SampleStores {
    /** The thin sample kernels, by variant directory. */
    static final List<String> VARIANTS = List.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5",
            "x86_64-dwarf4-v2");
    private static Path store;

    private SampleStores() {}

    /** Returns the store holding every thin sample kernel, indexing them on first use. */
    static synchronized String all() {
        if (store == null) {
            try {
                Path dir = Files.createTempDirectory("hagfish-report-store");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                for (String v : VARIANTS) {
                    CliRun r = CliRun.of("index", kernel(v).toString(), "--index", dir.toString());
                    assertEquals(0, r.exitCode(), v + ": " + r.err());
                }
                store = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return store.toString();
    }

    /** Returns a sample kernel's path. */
    static Path kernel(String variant) {
        return Golden.SAMPLES.resolve("kernels/" + variant + "/kernel");
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
