package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ValuesStore} is the x86_64-dwarf4 sample kernel indexed once per test JVM for the print and x tests. */
final class ValuesStore {
    private static String path;

    private ValuesStore() {}

    /** Returns the store's directory, indexing the kernel on first use. */
    static synchronized String path() {
        if (path == null) {
            try {
                Path d = Files.createTempDirectory("hagfish-values");
                String store = d.resolve("store").toString();
                CliRun r = CliRun.of("index", Golden.SAMPLES.resolve("kernels/x86_64-dwarf4/kernel").toString(),
                        "--index", store);
                assertEquals(0, r.exitCode(), r.err());
                path = store;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return path;
    }
}
