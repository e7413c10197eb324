package dev.hagfish.cli;

import dev.hagfish.dwarf.UnitWalker;
import dev.hagfish.elf.ElfFile;
import dev.hagfish.image.KernelImage;
import dev.hagfish.index.IndexInput;
import dev.hagfish.index.IndexSummary;
import dev.hagfish.index.KernelStore;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hagfish index KERNEL [--dsym D]}: pairs a kernel with its dSYM (UUID check), and stores
 * its symbols, types, layouts and address table, replacing the kernel of the same UUID in one
 * commit. KERNEL may also be an ELF file with DWARF (a vmlinux, a {@code .debug} file), which
 * carries its own DWARF and is identified by its GNU build ID. A progress bar goes to stderr when
 * stderr is a terminal.
 */
@Command(name = "index", description = "Index a kernel and its dSYM into the store (replaces the same UUID atomically).")
final class IndexCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "KERNEL", description = "The kernel: a thin or universal Mach-O, or an ELF file with DWARF (vmlinux, .debug).")
    Path kernel;

    @Option(names = "--dsym", paramLabel = "PATH",
            description = "The dSYM bundle or its DWARF file (default: KERNEL.dSYM beside KERNEL).")
    Path dsym;

    @Option(names = "--arch", paramLabel = "ARCH", description = "The slice of a universal kernel.")
    String arch;

    @Option(names = "--force", description = "Index with the dSYM even if the UUIDs differ.")
    boolean force;

    @Option(names = "--index", paramLabel = "DIR", description = "The store (default: $HAGFISH_HOME/index or ~/.hagfish/index).")
    Path index;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that parse the DWARF (default: the cores).")
    int threads = UnitWalker.defaultThreads();

    /** The JSON summary. */
    record Summary(String uuid, String version, String arch, String base, String kernel, String dsym, String store,
            boolean replaced, long symbols, long types, long members, long enumerators, long intervals, long chunks,
            double seconds) {}

    @Override
    public Integer call() throws IOException {
        IndexInput input;
        boolean elf = isElf(kernel);
        if (elf) {
            if (dsym != null || arch != null) {
                throw new HagfishException(ExitCodes.USAGE, kernel + " is an ELF file, which carries its own DWARF:"
                        + " --dsym and --arch are for Mach-O kernels");
            }
            input = IndexInput.fromElf(kernel);
        } else {
            input = IndexInput.of(KernelImage.open(kernel, dsym, arch, force));
        }
        ProgressBar bar = ProgressBar.forStderr();
        IndexSummary s;
        try (KernelStore store = KernelStore.open(index != null ? index : KernelStore.defaultDir())) {
            s = store.index(input, bar, Math.max(1, threads));
            bar.done();
            PrintWriter out = spec.commandLine().getOut();
            var k = s.kernel();
            if (common.json) {
                Json.write(out, new Summary(k.uuid(), k.version(), k.arch(), Unsigned.hex(k.base()), k.kernelPath(),
                        k.dsymPath(), store.dir().toString(), s.replaced(), k.symbols(), k.types(), s.members(),
                        s.enumerators(), k.intervals(), s.chunks(), s.seconds()));
            } else {
                out.printf("%s %s (%s) into %s: %d symbols, %d types, %d members, %d address intervals in %.1f s%n",
                        s.replaced() ? "re-indexed" : "indexed", k.uuid(), k.arch(), store.dir(), k.symbols(),
                        k.types(), s.members(), k.intervals(), s.seconds());
                if (input.dwarf() == null) {
                    out.println((elf ? "no DWARF" : "no dSYM") + ": symbols only (no types, no source lines)");
                }
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static boolean isElf(Path file) throws IOException {
        return ElfFile.hasMagic(ByteSource.open(file));
    }
}
