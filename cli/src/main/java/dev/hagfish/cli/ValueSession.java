package dev.hagfish.cli;

import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.index.ValueIndex;
import dev.hagfish.values.ExprException;
import dev.hagfish.values.Scope;
import java.io.Closeable;
import java.io.IOException;
import picocli.CommandLine;

/**
 * A {@code ValueSession} is what {@code print} and {@code x} evaluate against: the selected
 * kernel of the store, its types and globals ({@link ValueIndex}) and the target's memory
 * ({@link TargetShim}), as one {@link Scope}. Closing it closes the store.
 */
final class ValueSession implements Closeable {
    private final KernelStore store;
    private final KernelRecord kernel;
    private final Scope scope;

    private ValueSession(KernelStore store, KernelRecord kernel, Scope scope) {
        this.store = store;
        this.kernel = kernel;
        this.scope = scope;
    }

    /** Opens the store, selects the kernel, loads its types and opens the target. */
    static ValueSession open(CommandLine cl, StoreOptions options, TargetShim target) throws IOException {
        KernelStore store = options.open();
        try {
            KernelRecord k = options.select(store);
            ValueIndex index = new ValueIndex(store, k.uuid());
            TargetShim.Target t = target.open(cl, k);
            return new ValueSession(store, k, Scope.of(index.types(), index, t.memory(), t.slide()));
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    KernelRecord kernel() {
        return kernel;
    }

    Scope scope() {
        return scope;
    }

    /** Turns an expression error into the command's one-line error: usage (2), or not found (5). */
    static HagfishException failure(String expression, ExprException e) {
        int code = e.kind() == ExprException.Kind.NOT_FOUND ? ExitCodes.NOT_FOUND : ExitCodes.USAGE;
        return new HagfishException(code, "'" + expression + "': " + e.getMessage());
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
