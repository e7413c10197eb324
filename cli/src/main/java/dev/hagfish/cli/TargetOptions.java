package dev.hagfish.cli;

import dev.hagfish.image.UuidMismatchException;
import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.UuidCommand;
import dev.hagfish.memory.AddressSpace;
import dev.hagfish.memory.CompressedInput;
import dev.hagfish.memory.CoreFile;
import dev.hagfish.memory.CoreNotes;
import dev.hagfish.memory.ImageSpace;
import dev.hagfish.memory.InflateCache;
import dev.hagfish.memory.KernelFacts;
import dev.hagfish.memory.KernelMatcher;
import dev.hagfish.memory.LayeredSpace;
import dev.hagfish.memory.RawDump;
import dev.hagfish.memory.SlideCheck;
import dev.hagfish.memory.SlideDetector;
import dev.hagfish.memory.SlideMethod;
import dev.hagfish.memory.SlideReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code TargetOptions} is the mixin of every command that reads kernel memory ({@code version},
 * {@code print}, {@code x}, {@code dis}, …). Its options:
 * <ul>
 *   <li>{@code --core FILE}: a Mach-O core (gzip or xz compressed is fine);
 *   <li>{@code --raw FILE@BASE[,FILE@BASE...]}: flat dumps, each at its (slid) base address;
 *   <li>{@code --slide S}: the KASLR slide, instead of detecting it;
 *   <li>{@code --force}: use {@code --kernel} even when the snapshot names another kernel's UUID;
 *   <li>{@code --index DIR} and {@code --kernel UUID|PATH} ({@link StoreOptions}).
 * </ul>
 * A command declares {@code @Mixin TargetOptions target;} and calls {@link #open()} in a
 * try-with-resources, which returns a {@link Target}: the address space, the kernel's record, the
 * slide and how it was found.
 *
 * <p>{@code open()} opens the snapshot (inflating a compressed one once, into {@code cache/} beside
 * the store), chooses the kernel ({@code --kernel}, else the one the snapshot's UUID note or banner
 * names among the indexed kernels: {@link KernelMatcher}), finds the slide ({@link SlideDetector}),
 * refuses a snapshot that names another kernel than {@code --kernel} (exit 3, unless
 * {@code --force}), and prints warnings (methods that disagree on the slide) on stderr.
 */
final class TargetOptions {
    @Mixin
    StoreOptions store;

    @Option(names = "--core", paramLabel = "FILE", description = "A Mach-O core of the kernel (gzip or xz compressed is fine).")
    Path core;

    @Option(names = "--raw", paramLabel = "FILE@BASE[,FILE@BASE...]",
            description = "Flat memory dumps, each at the (slid) address of its first byte.")
    String raw;

    @Option(names = "--slide", paramLabel = "S", description = "The KASLR slide (0x… or decimal), instead of detecting it.")
    String slide;

    @Option(names = "--force", description = "Use --kernel even if the snapshot names another kernel's UUID.")
    boolean force;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /**
     * Opens the target: see the class comment.
     *
     * @throws CommandLine.ParameterException for bad option values (exit 2)
     * @throws IOException for unreadable or malformed files (exit 3), no matching kernel or no
     *     slide found (exit 5)
     */
    Target open() throws IOException {
        CommandLine cl = mixee.commandLine();
        if (core != null && raw != null) {
            throw new CommandLine.ParameterException(cl, "--core and --raw cannot be combined");
        }
        Long given = slide == null ? null : Addresses.parse(cl, slide);
        List<RawDump.Part> parts = parseRaw(cl);
        KernelStore st = store.open();
        try {
            return open(cl, st, given, parts);
        } catch (IOException | RuntimeException e) {
            st.close();
            throw e;
        }
    }

    private List<RawDump.Part> parseRaw(CommandLine cl) {
        if (raw == null) {
            return List.of();
        }
        try {
            return RawDump.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--raw: " + e.getMessage());
        }
    }

    private Target open(CommandLine cl, KernelStore st, Long given, List<RawDump.Part> parts) throws IOException {
        List<String> warnings = new ArrayList<>();
        InflateCache cache;
        try {
            cache = InflateCache.of(st.dir().toAbsolutePath().getParent().resolve("cache"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        AddressSpace snapshot = null;
        CoreFile coreFile = null;
        CoreNotes notes = CoreNotes.NONE;
        ProgressBar bar = ProgressBar.forStderr();
        if (core != null) {
            coreFile = CoreFile.open(CompressedInput.open(core, cache, bar));
            bar.done();
            snapshot = coreFile;
            notes = coreFile.notes();
            warnings.addAll(notes.warnings());
        } else if (!parts.isEmpty()) {
            List<ByteSource> files = new ArrayList<>();
            for (RawDump.Part p : parts) {
                files.add(CompressedInput.open(p.file(), cache, bar));
            }
            bar.done();
            snapshot = RawDump.open(files, parts);
        }

        // Which kernel.
        KernelRecord record;
        String matchedBy;
        Map<String, KernelFacts> facts = new LinkedHashMap<>();
        if (store.kernel != null || snapshot == null) {
            record = store.select(st);
            matchedBy = store.kernel != null ? "--kernel" : "the store's only kernel";
        } else {
            List<KernelRecord> all = st.kernels();
            if (all.isEmpty()) {
                st.kernel(null);
            }
            for (KernelRecord k : all) {
                // Warnings about kernels that are not chosen would be noise.
                facts.put(k.uuid(), KernelFactsFromIndex.of(st, k, kernelImage(k, new ArrayList<>())));
            }
            KernelMatcher.Match m = new KernelMatcher(snapshot, notes).identify(List.copyOf(facts.values()));
            record = all.stream().filter(k -> k.uuid().equals(m.kernel().uuid())).findFirst().orElseThrow();
            matchedBy = m.evidence();
        }
        MachOFile image = kernelImage(record, warnings);
        if (snapshot != null && notes.uuid().isPresent()) {
            checkUuid(snapshot, record, notes.uuid().get(), "its LC_NOTE", warnings);
        }

        // Where.
        SlideReport report;
        if (snapshot == null) {
            long s = given != null ? given : 0;
            report = new SlideReport(s, given != null ? SlideMethod.GIVEN : SlideMethod.NONE,
                    given != null ? "given on the command line" : "the kernel file as linked", List.of(),
                    Optional.empty());
        } else {
            // Slide detection needs the kernel's facts; without a snapshot nothing reads them.
            KernelFacts k = facts.containsKey(record.uuid()) ? facts.get(record.uuid())
                    : KernelFactsFromIndex.of(st, record, image);
            SlideDetector d = new SlideDetector(snapshot, notes);
            report = given != null ? d.check(k, given) : d.detect(k);
            if (report.memoryUuid().isPresent()) {
                checkUuid(snapshot, record, report.memoryUuid().get(), "the Mach-O header at "
                        + Unsigned.hex(k.textBase() + report.slide()), warnings);
            }
            for (SlideCheck c : report.disagreements()) {
                warnings.add("slide " + Unsigned.shortHex(report.slide()) + " (" + report.method().label() + ") but "
                        + c.method().label() + " disagrees: " + c.detail());
            }
        }

        // What to read.
        AddressSpace space;
        if (snapshot == null) {
            if (image == null) {
                throw new HagfishException(ExitCodes.NOT_FOUND, "no --core or --raw, and the kernel file "
                        + record.kernelPath() + " is gone: there is no memory to read");
            }
            space = ImageSpace.of(image, report.slide(), "kernel " + record.kernelPath());
        } else if (image != null) {
            space = new LayeredSpace(snapshot, ImageSpace.readOnly(image, report.slide(), "kernel " + record.kernelPath()));
        } else {
            space = snapshot;
        }
        PrintWriter err = cl.getErr();
        for (String w : warnings) {
            err.println("hagfish: warning: " + w);
        }
        err.flush();
        return new Target(st, record, matchedBy, space, Optional.ofNullable(snapshot), Optional.ofNullable(coreFile),
                Optional.ofNullable(image), report, warnings);
    }

    /** Refuses (unless --force) a snapshot whose evidence names another kernel than the chosen one. */
    private void checkUuid(AddressSpace snapshot, KernelRecord record, String seen, String where, List<String> warnings)
            throws UuidMismatchException {
        if (seen.equals(record.uuid())) {
            return;
        }
        String message = snapshot.describe() + " is of kernel " + seen + " (" + where + "), not " + record.uuid()
                + " (" + record.kernelPath() + ")";
        if (!force) {
            throw new UuidMismatchException(message + ": use --force to read it with that kernel anyway");
        }
        warnings.add(message + "; read with it anyway (--force)");
    }

    /** Opens the indexed kernel file, or returns null (with a warning) if it is gone or has changed. */
    private static MachOFile kernelImage(KernelRecord k, List<String> warnings) throws IOException {
        Path p = Path.of(k.kernelPath());
        if (!Files.isRegularFile(p)) {
            warnings.add("the kernel file " + p + " is gone: memory the snapshot lacks cannot be read from it");
            return null;
        }
        MachOFile m;
        try {
            m = MachOFile.open(ByteSource.open(p), k.arch());
        } catch (FormatException e) {
            warnings.add(e.getMessage() + ": the kernel file is not used");
            return null;
        }
        String uuid = m.uuid().map(UuidCommand::text).orElse("(none)");
        if (!uuid.equals(k.uuid())) {
            warnings.add("the kernel file " + p + " now has UUID " + uuid + ", not the indexed " + k.uuid()
                    + ": it is not used");
            return null;
        }
        return m;
    }
}
