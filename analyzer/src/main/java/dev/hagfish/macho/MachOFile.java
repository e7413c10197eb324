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
    private final MachHeader header;
    private final List<LoadCommand> commands;

    private MachOFile(ByteSource source, MachHeader header, List<LoadCommand> commands) {
        this.source = source;
        this.header = header;
        this.commands = List.copyOf(commands);
    }

    /**
     * Parses the header and the load commands of a thin little-endian Mach-O image.
     *
     * @throws FormatException if the magic is wrong or a load command is malformed
     */
    public static MachOFile parse(ByteSource src) throws FormatException {
        ByteSource le = src.withOrder(ByteOrder.LITTLE_ENDIAN);
        long magic = le.u32(0);
        if (magic == 0xcefaedfeL || magic == 0xcffaedfeL) {
            throw new FormatException(src.describe(), 0,
                    "big-endian Mach-O (PowerPC era) is not supported");
        }
        if (magic != MachHeader.MH_MAGIC && magic != MachHeader.MH_MAGIC_64) {
            throw new FormatException(src.describe(), 0,
                    "not a Mach-O file (magic 0x" + Long.toHexString(magic) + ")");
        }
        boolean is64 = magic == MachHeader.MH_MAGIC_64;
        int headerSize = is64 ? 32 : 28;
        le.checkRange(0, headerSize);
        MachHeader h = new MachHeader(magic, new CpuType((int) le.u32(4)), (int) le.u32(8),
                (int) le.u32(12), le.u32(16), le.u32(20), le.u32(24), headerSize);
        if (h.sizeofcmds() > le.size() - headerSize) {
            throw new FormatException(src.describe(), 20, "sizeofcmds 0x"
                    + Long.toHexString(h.sizeofcmds()) + " runs past the end of the file");
        }
        LoadCommandDecoder decoder = new LoadCommandDecoder(le, is64);
        List<LoadCommand> cmds = new ArrayList<>();
        long off = headerSize;
        long end = headerSize + h.sizeofcmds();
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
        return new MachOFile(le, h, cmds);
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
