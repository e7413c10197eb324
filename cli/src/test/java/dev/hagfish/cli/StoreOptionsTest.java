package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hagfish.index.KernelStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link StoreOptions#named} finds the store a command line names as picocli would read it. */
class StoreOptionsTest {
    @Test
    void theIndexOptionNamesTheStoreInEitherSpelling() {
        assertEquals(Path.of("/s"), StoreOptions.named(new String[] {"struct", "proc", "--index", "/s"}));
        assertEquals(Path.of("/s"), StoreOptions.named(new String[] {"sym", "--index=/s", "kext_alloc"}));
        assertEquals(Path.of("/a"), StoreOptions.named(new String[] {"sym", "--index=/a", "--index", "/b"}));
    }

    @Test
    void withoutItTheDefaultStore() {
        assertEquals(KernelStore.defaultDir(), StoreOptions.named(new String[] {"struct", "proc"}));
        assertEquals(KernelStore.defaultDir(), StoreOptions.named(new String[] {"struct", "proc", "--index"}));
        assertEquals(KernelStore.defaultDir(), StoreOptions.named(new String[] {"print", "--", "--index", "/s"}));
    }
}
