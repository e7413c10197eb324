package dev.hagfish.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code SampleCorpus} locates the bundled sample kernel corpus ({@code samples/} in the source
 * tree). The launcher passes the tree's root as the {@code hagfish.root} system property;
 * otherwise the current directory and its parents are searched.
 */
final class SampleCorpus {
    /** The kernel the demo runs on: x86_64, DWARF 4. */
    static final String DEMO_KERNEL = "kernels/x86_64-dwarf4/kernel";
    /** The core of that kernel with an LC_NOTE. */
    static final String DEMO_CORE = "snapshots/x86_64-dwarf4.core";

    private SampleCorpus() {}

    /** Returns the {@code samples} directory, or fails with a clear message. */
    static Path root() {
        String prop = System.getProperty("hagfish.root");
        if (prop != null && Files.isDirectory(Path.of(prop, "samples", "kernels"))) {
            return Path.of(prop, "samples");
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples").resolve("kernels"))) {
                return p.resolve("samples");
            }
        }
        throw new HagfishException(ExitCodes.NOT_FOUND,
                "the sample corpus (samples/kernels) was not found; run ./hagfish from a hagfish checkout");
    }
}
