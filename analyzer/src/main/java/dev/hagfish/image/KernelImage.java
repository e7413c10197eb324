package dev.hagfish.image;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.Section;
import dev.hagfish.macho.SegmentCommand;
import dev.hagfish.macho.ThreadCommand;
import dev.hagfish.macho.UuidCommand;
import dev.hagfish.symbols.Symbol;
import dev.hagfish.symbols.SymbolTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@code KernelImage} is a kernel's identity: UUID, architecture, base (lowest __TEXT vmaddr),
 * entry point and version banner, and the dSYM paired with it. The dSYM is {@code <name>.dSYM}
 * beside the kernel or the path given; either the bundle or the DWARF file inside it. Their
 * LC_UUIDs must be equal unless {@code force} is set.
 *
 * @param kernel the kernel's Mach-O image (one slice of a universal file)
 * @param path the kernel file
 * @param uuid the kernel's UUID
 * @param base the unslid base: the lowest __TEXT vmaddr
 * @param entry the entry point from LC_UNIXTHREAD, if any
 * @param version the version banner ("Darwin Kernel Version …"), if found
 * @param dsymPath the DWARF file of the paired dSYM, if any
 */
public record KernelImage(MachOFile kernel, Path path, String uuid, long base, Optional<Long> entry,
        Optional<String> version, Optional<Path> dsymPath) {
    private static final String BANNER = "Darwin Kernel Version";

    /**
     * Opens a kernel and pairs it with its dSYM.
     *
     * @param path the kernel file
     * @param dsym the dSYM bundle or DWARF file, or null to look for {@code <name>.dSYM} beside the kernel
     * @param arch the slice of a universal kernel, or null
     * @param force accept a dSYM whose UUID differs
     * @throws IOException if a file is missing or malformed, or the UUIDs differ
     */
    public static KernelImage open(Path path, Path dsym, String arch, boolean force) throws IOException {
        return pair(MachOFile.open(ByteSource.open(path), arch), path, dsym, force);
    }

    /**
     * Pairs an already opened kernel image with its dSYM; see {@link #open}.
     *
     * @param k the kernel (one slice)
     * @param path the kernel file, for finding {@code <name>.dSYM} and for messages
     * @param dsym the dSYM bundle or DWARF file, or null
     * @param force accept a dSYM whose UUID differs
     * @throws IOException if a file is missing or malformed, or the UUIDs differ
     */
    public static KernelImage pair(MachOFile k, Path path, Path dsym, boolean force) throws IOException {
        String uuid = k.uuid().map(UuidCommand::text).orElseThrow(
                () -> new FormatException(path.toString(), 0, "no LC_UUID: cannot pair a kernel without a UUID"));
        Optional<Path> dwarf = findDsym(path, dsym);
        if (dwarf.isPresent()) {
            MachOFile d = MachOFile.open(ByteSource.open(dwarf.get()), k.archName());
            String dUuid = d.uuid().map(UuidCommand::text).orElse("(none)");
            if (!dUuid.equals(uuid) && !force) {
                throw new UuidMismatchException(path + ": UUID " + uuid + " does not match dSYM " + dwarf.get()
                        + " UUID " + dUuid + " (use --force to pair them anyway)");
            }
        }
        return new KernelImage(k, path, uuid, base(k), entry(k), version(k), dwarf);
    }

    /** Returns the DWARF file of the dSYM: the one given, or {@code <kernel>.dSYM} beside the kernel. */
    static Optional<Path> findDsym(Path kernel, Path given) throws IOException {
        if (given != null) {
            if (Files.isDirectory(given)) {
                return Optional.of(dwarfInBundle(given, given.getFileName().toString().replaceFirst("\\.dSYM/?$", "")));
            }
            if (!Files.exists(given)) {
                throw new NoSuchFileException(given.toString());
            }
            return Optional.of(given);
        }
        Path bundle = kernel.resolveSibling(kernel.getFileName() + ".dSYM");
        return Files.isDirectory(bundle) ? Optional.of(dwarfInBundle(bundle, kernel.getFileName().toString()))
                : Optional.empty();
    }

    private static Path dwarfInBundle(Path bundle, String name) throws IOException {
        Path dir = bundle.resolve("Contents/Resources/DWARF");
        Path f = dir.resolve(name);
        if (Files.isRegularFile(f)) {
            return f;
        }
        try (var s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new NoSuchFileException(dir + ": no DWARF file in the dSYM bundle"));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(bundle + ": not a dSYM bundle (no Contents/Resources/DWARF)");
        }
    }

    /** Returns the lowest __TEXT vmaddr (the first segment's address without __TEXT), unslid. */
    public static long base(MachOFile k) {
        long base = -1;
        for (SegmentCommand s : k.segments()) {
            if (s.segName().equals("__TEXT") && Long.compareUnsigned(s.vmaddr(), base) < 0) {
                base = s.vmaddr();
            }
        }
        return base == -1 && !k.segments().isEmpty() ? k.segments().get(0).vmaddr() : base;
    }

    /** Returns the pc of the first LC_UNIXTHREAD/LC_THREAD, if any. */
    public static Optional<Long> entry(MachOFile k) {
        for (ThreadCommand t : k.commands(ThreadCommand.class)) {
            Optional<Long> pc = t.states().get(0).pc();
            if (pc.isPresent()) {
                return pc;
            }
        }
        return Optional.empty();
    }

    /** Reads the banner from the {@code _version} symbol, else searches the constant sections. */
    public static Optional<String> version(MachOFile k) throws FormatException {
        for (Symbol s : SymbolTable.of(k).byName("_version")) {
            Optional<Long> off = fileOffset(k, s.address());
            if (off.isPresent()) {
                String v = k.source().cstring(off.get(), 1024);
                if (v.startsWith(BANNER)) {
                    return Optional.of(v);
                }
            }
        }
        byte[] needle = BANNER.getBytes(StandardCharsets.US_ASCII);
        for (SegmentCommand seg : k.segments()) {
            for (Section sect : seg.sections()) {
                if (sect.isZeroFill() || !(seg.segName().startsWith("__TEXT") || seg.segName().startsWith("__DATA"))) {
                    continue;
                }
                long start = sect.offset();
                if (sect.size() > Integer.MAX_VALUE || !inFile(k, start, sect.size())) {
                    continue;
                }
                byte[] data = k.source().bytes(start, (int) sect.size());
                int at = indexOf(data, needle);
                if (at >= 0) {
                    return Optional.of(k.source().cstring(start + at, 1024));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean inFile(MachOFile k, long off, long len) {
        return off >= 0 && len >= 0 && off <= k.source().size() && len <= k.source().size() - off;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Maps an unslid address to its file offset through the segment that holds it in file data. */
    public static Optional<Long> fileOffset(MachOFile k, long addr) {
        for (SegmentCommand s : k.segments()) {
            if (Long.compareUnsigned(addr - s.vmaddr(), s.filesize()) < 0) {
                return Optional.of(s.fileoff() + (addr - s.vmaddr()));
            }
        }
        return Optional.empty();
    }
}
