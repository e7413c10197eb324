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

    /** Opens the store. */
    KernelStore open() throws IOException {
        return KernelStore.open(index != null ? index : KernelStore.defaultDir());
    }

    /** Returns the selected kernel of an open store. */
    KernelRecord select(KernelStore store) throws IOException {
        return store.kernel(kernel);
    }
}
