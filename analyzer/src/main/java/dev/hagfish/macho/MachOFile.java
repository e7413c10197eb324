package dev.hagfish.macho;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code MachOFile} is one thin Mach-O image: its header and its decoded load commands. Section
 * and symbol bytes stay in the {@link ByteSource} and are read on demand.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class MachOFile {
    private final ByteSource source;
    private final long headerOffset;
    private final MachHeader header;
    private final List<LoadCommand> commands;

    private MachOFile(ByteSource source, long headerOffset, MachHeader header, List<LoadCommand> commands) {
        this.source = source;
        this.headerOffset = headerOffset;
        this.header = header;
        this.commands = List.copyOf(commands);
    }

    /**
     * Opens a thin image, or one slice of a universal file.
     *
     * @param src the file
     * @param arch the slice to take from a universal file ({@code x86_64}, {@code arm64}, …), or
     *     null to take the only one; for a thin file it must name the file's architecture or be null
     * @throws FormatException if the file is malformed, or the architecture is missing or ambiguous
     */
    public static MachOFile open(ByteSource src, String arch) throws FormatException {
        if (FatFile.isFat(src)) {
            List<FatSlice> slices = FatFile.slices(src);
            FatSlice s = FatFile.select(src, slices, arch);
            return parse(src.slice(s.offset(), s.size(), src.describe() + " (" + s.archName() + ")"));
        }
        MachOFile f = parse(src);
        if (arch != null && !arch.equals(f.archName())) {
            throw new FormatException(src.describe(), 4, "thin " + f.archName() + " file has no --arch " + arch);
        }
        return f;
    }

    /**
     * Parses the image whose Mach-O header is at {@code headerOffset} of {@code src}: an entry of
     * an {@code MH_FILESET} collection, whose file offsets are relative to the whole file.
     */
    public static MachOFile parse(ByteSource src, long headerOffset) throws FormatException {
        return parseAt(src, headerOffset);
    }

    /** Returns the image of a file-set entry of this {@code MH_FILESET} collection. */
    public MachOFile filesetEntry(FilesetEntryCommand entry) throws FormatException {
        return parseAt(source, entry.fileoff());
    }

    /** Returns the architecture name, counting arm64e and x86_64h apart. */
    public String archName() {
        return new FatSlice(header.cpuType(), header.cpuSubtype(), 0, 0, 0).archName();
    }

    /** Returns the file offset of this image's Mach-O header (non-zero for file-set entries). */
    public long headerOffset() {
        return headerOffset;
    }

    /**
     * Parses the header and the load commands of a thin little-endian Mach-O image.
     *
     * @throws FormatException if the magic is wrong or a load command is malformed
     */
    public static MachOFile parse(ByteSource src) throws FormatException {
        return parseAt(src, 0);
    }

    private static MachOFile parseAt(ByteSource src, long base) throws FormatException {
        ByteSource le = src.withOrder(ByteOrder.LITTLE_ENDIAN);
        long magic = le.u32(base);
        if (magic == 0xcefaedfeL || magic == 0xcffaedfeL) {
            throw new FormatException(src.describe(), base,
                    "big-endian Mach-O (PowerPC era) is not supported");
        }
        if (magic != MachHeader.MH_MAGIC && magic != MachHeader.MH_MAGIC_64) {
            throw new FormatException(src.describe(), base,
                    "not a Mach-O file (magic 0x" + Long.toHexString(magic) + ")");
        }
        boolean is64 = magic == MachHeader.MH_MAGIC_64;
        int headerSize = is64 ? 32 : 28;
        le.checkRange(base, headerSize);
        MachHeader h = new MachHeader(magic, new CpuType((int) le.u32(base + 4)), (int) le.u32(base + 8),
                (int) le.u32(base + 12), le.u32(base + 16), le.u32(base + 20), le.u32(base + 24), headerSize);
        if (h.sizeofcmds() > le.size() - base - headerSize) {
            throw new FormatException(src.describe(), base + 20, "sizeofcmds 0x"
                    + Long.toHexString(h.sizeofcmds()) + " runs past the end of the file");
        }
        LoadCommandDecoder decoder = new LoadCommandDecoder(le, is64);
        List<LoadCommand> cmds = new ArrayList<>();
        long off = base + headerSize;
        long end = base + headerSize + h.sizeofcmds();
        for (int i = 0; i < h.ncmds(); i++) {
            if (end - off < 8) {
                throw new FormatException(src.describe(), off, "load command " + i
                        + " starts past sizeofcmds (ncmds " + h.ncmds() + ")");
            }
            int cmd = (int) le.u32(off);
            long cmdsize = le.u32(off + 4);
            if (cmdsize < 8) {
                throw new FormatException(src.describe(), off, "load command " + i + " "
                        + LoadCommandType.name(cmd) + ": cmdsize " + cmdsize + " is less than 8");
            }
            if (cmdsize > end - off) {
                throw new FormatException(src.describe(), off, "load command " + i + " "
                        + LoadCommandType.name(cmd) + ": cmdsize " + cmdsize + " runs past sizeofcmds");
            }
            cmds.add(decoder.decode(i, off, cmd, cmdsize));
            off += cmdsize;
        }
        return new MachOFile(le, base, h, cmds);
    }

    /** Returns the bytes of the image. */
    public ByteSource source() {
        return source;
    }

    /** Returns the header. */
    public MachHeader header() {
        return header;
    }

    /** Returns all load commands in file order. */
    public List<LoadCommand> commands() {
        return commands;
    }

    /** Returns the commands of one variant, in file order. */
    public <T extends LoadCommand> List<T> commands(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (LoadCommand c : commands) {
            if (type.isInstance(c)) {
                out.add(type.cast(c));
            }
        }
        return out;
    }

    /** Returns the segments in file order. */
    public List<SegmentCommand> segments() {
        return commands(SegmentCommand.class);
    }

    /** Returns the segment with this name, if any. */
    public Optional<SegmentCommand> segment(String name) {
        return segments().stream().filter(s -> s.segName().equals(name)).findFirst();
    }

    /** Returns the LC_UUID, if any. */
    public Optional<UuidCommand> uuid() {
        return commands(UuidCommand.class).stream().findFirst();
    }

    /** Returns the LC_SYMTAB, if any. */
    public Optional<SymtabCommand> symtab() {
        return commands(SymtabCommand.class).stream().findFirst();
    }

    /** Returns the pointer size of the image: 8 for 64-bit headers, else 4. */
    public int pointerSize() {
        return header.is64() ? 8 : 4;
    }
}
