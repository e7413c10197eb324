package dev.hagfish.cli;

import dev.hagfish.index.KernelStore;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A {@code StoreWarmUp} opens the store that a query's command line names on a second thread
 * ({@link KernelStore#warmUp}) while the main thread builds and parses the command line: a cold
 * process spends about as long initialising Lucene as picocli does reflecting over the command,
 * and the two are independent, so on a machine with a free core the command starts with Lucene
 * ready. {@link #await} waits for it before the command runs, so that no class is initialised by
 * both threads at once. Its failures are dropped: the command opens the same store itself and
 * reports them. Used by {@link Main#main} only; one thread per process.
 */
final class StoreWarmUp {
    /** The subcommands that open the store (with {@link StoreOptions}). */
    private static final Set<String> QUERIES = Set.of("kernels", "sym", "addr", "struct", "types", "list", "print",
            "p", "x", "dis", "version", "report");

    /** How long {@link #await} waits at most, in milliseconds; a slower store is then opened by both threads. */
    private static final long MAX_WAIT_MS = 5_000;

    private final Thread thread;

    private StoreWarmUp(Thread thread) {
        this.thread = thread;
    }

    /**
     * Starts warming up the store these arguments name ({@code --index DIR}, else the default store)
     * when the subcommand is a query; returns null otherwise.
     */
    static StoreWarmUp start(String[] args) {
        if (args.length == 0 || !QUERIES.contains(args[0])) {
            return null;
        }
        Path dir;
        try {
            dir = StoreOptions.named(args);
        } catch (InvalidPathException e) {
            return null; // picocli reports the option's value
        }
        Thread t = new Thread(() -> warmUp(dir), "hagfish-store-warm-up");
        t.setDaemon(true);
        t.start();
        return new StoreWarmUp(t);
    }

    private static void warmUp(Path dir) {
        try {
            KernelStore.warmUp(dir);
        } catch (IOException | RuntimeException e) {
            // Dropped on purpose: the command opens the same store and reports what fails.
        }
    }

    /** Waits until the warm-up has finished (or {@link #MAX_WAIT_MS} has passed). */
    void await() {
        try {
            thread.join(MAX_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
