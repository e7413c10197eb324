package dev.hagfish.cli;

import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code StoreOptions}: {@code --index DIR} (the store; default {@code $HAGFISH_HOME/index} or
 * {@code ~/.hagfish/index}) and {@code --kernel UUID|PATH} (which kernel, when the store holds
 * several), shared by the query commands.
 */
final class StoreOptions {
    @Option(names = "--index", paramLabel = "DIR", description = "The store (default: $HAGFISH_HOME/index or ~/.hagfish/index).")
    Path index;

    @Option(names = "--kernel", paramLabel = "UUID|PATH",
            description = "The kernel to query: its UUID (or a unique prefix) or the path it was indexed from.")
    String kernel;

    /**
     * Returns the store a command line names without parsing it: the value of its first
     * {@code --index DIR} or {@code --index=DIR}, else the default store. Only a hint, for
     * {@link StoreWarmUp}; the command itself reads the option as picocli parsed it.
     *
     * @throws java.nio.file.InvalidPathException if the value is not a path
     */
    static Path named(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals("--index") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--index=")) {
                return Path.of(args[i].substring("--index=".length()));
            }
        }
        return KernelStore.defaultDir();
    }

    /** Opens the store. */
    KernelStore open() throws IOException {
        return KernelStore.open(index != null ? index : KernelStore.defaultDir());
    }

    /** Returns the selected kernel of an open store. */
    KernelRecord select(KernelStore store) throws IOException {
        return store.kernel(kernel);
    }
}
