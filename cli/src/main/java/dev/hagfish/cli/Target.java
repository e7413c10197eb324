package dev.hagfish.cli;

import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.ThreadCommand;
import dev.hagfish.memory.AddressSpace;
import dev.hagfish.memory.CoreFile;
import dev.hagfish.memory.SlideMethod;
import dev.hagfish.memory.SlideReport;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A {@code Target} is the kernel memory a command reads, opened by {@link TargetOptions#open()}:
 * <ul>
 *   <li>{@link #space()}: the address space to read, in slid (runtime) addresses. With a snapshot
 *       ({@code --core}, {@code --raw}) it is the snapshot layered over the read-only segments of
 *       the indexed kernel file moved by the slide, so text and constants the snapshot left out
 *       still read; with none it is the kernel file's segments alone, at slide 0 or
 *       {@code --slide};
 *   <li>{@link #kernel()}: the indexed kernel it is of, and {@link #store()} (open) for its symbols
 *       and types;
 *   <li>{@link #slide()}: the KASLR slide, and {@link #report()}: how it was found and what the
 *       other methods said.
 * </ul>
 * Symbols and types in the index carry unslid addresses: read memory at {@link #slid(long)} of them,
 * and print a memory address's symbol with {@link #unslid(long)} of it.
 *
 * <p>Close the target when done: it closes the store. A target is used by one thread.
 *
 * @param store the open store
 * @param kernel the indexed kernel the memory is of
 * @param matchedBy how the kernel was chosen: {@code --kernel}, the store's only kernel, or the
 *     snapshot's evidence ({@code LC_NOTE main bin spec UUID}, {@code version banner in memory}, …)
 * @param space the memory to read (see above)
 * @param snapshot the snapshot alone, when there is one
 * @param core the core file, when the snapshot is one
 * @param kernelImage the kernel file's image, when the file is still where it was indexed from
 * @param report the slide, its method and the cross-checks
 * @param warnings the warnings printed when the target was opened
 */
record Target(KernelStore store, KernelRecord kernel, String matchedBy, AddressSpace space,
        Optional<AddressSpace> snapshot, Optional<CoreFile> core, Optional<MachOFile> kernelImage, SlideReport report,
        List<String> warnings) implements Closeable {

    /** Returns the KASLR slide. */
    long slide() {
        return report.slide();
    }

    /** Returns how the slide was found. */
    SlideMethod method() {
        return report.method();
    }

    /** Returns the runtime address of an unslid (index, kernel file) address. */
    long slid(long unslid) {
        return unslid + report.slide();
    }

    /** Returns the unslid (index, kernel file) address of a runtime address. */
    long unslid(long slid) {
        return slid - report.slide();
    }

    /** Returns the core's threads (the first is the one that stopped), or none for other targets. */
    List<ThreadCommand> threads() {
        return core.map(CoreFile::threads).orElse(List.of());
    }

    /** Returns a short name of what is read: the snapshot's, else the kernel file's. */
    String describe() {
        return snapshot.map(AddressSpace::describe).orElse(space.describe());
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
