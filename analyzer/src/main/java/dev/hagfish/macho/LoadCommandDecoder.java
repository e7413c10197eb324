package dev.hagfish.macho;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LoadCommandDecoder} turns the bytes of one load command into its {@link LoadCommand}
 * variant. It checks every count against {@code cmdsize} before it loops or allocates.
 */
final class LoadCommandDecoder {
    private final ByteSource src;
    private final boolean is64;

    LoadCommandDecoder(ByteSource src, boolean is64) {
        this.src = src;
        this.is64 = is64;
    }

    /** Decodes the command at {@code off}, whose header says {@code cmd} and {@code cmdsize}. */
    LoadCommand decode(int index, long off, int cmd, long cmdsize) throws FormatException {
        BinaryCursor c = new BinaryCursor(src, off + 8, off + cmdsize);
        return switch (cmd) {
            case LoadCommandType.LC_SEGMENT, LoadCommandType.LC_SEGMENT_64 -> segment(index, c, off, cmd, cmdsize);
            case LoadCommandType.LC_SYMTAB ->
                    new SymtabCommand(cmd, cmdsize, off, c.u32(), c.u32(), c.u32(), c.u32());
            case LoadCommandType.LC_UUID -> new UuidCommand(cmd, cmdsize, off, c.bytes(16));
            case LoadCommandType.LC_DYLD_INFO, LoadCommandType.LC_DYLD_INFO_ONLY ->
                    new DyldInfoCommand(cmd, cmdsize, off, c.u32(), c.u32(), c.u32(), c.u32(), c.u32(),
                            c.u32(), c.u32(), c.u32(), c.u32(), c.u32());
            case LoadCommandType.LC_MAIN -> new EntryPointCommand(cmd, cmdsize, off, c.u64(), c.u64());
            case LoadCommandType.LC_THREAD, LoadCommandType.LC_UNIXTHREAD -> thread(index, c, off, cmd, cmdsize);
            case LoadCommandType.LC_NOTE -> note(c, off, cmd, cmdsize);
            default -> new UnknownCommand(cmd, cmdsize, off, src.bytes(off, Math.toIntExact(cmdsize)));
        };
    }

    private SegmentCommand segment(int index, BinaryCursor c, long off, int cmd, long cmdsize)
            throws FormatException {
        boolean wide = cmd == LoadCommandType.LC_SEGMENT_64;
        String name = fixedString(c.bytes(16));
        long vmaddr = wide ? c.u64() : c.u32();
        long vmsize = wide ? c.u64() : c.u32();
        long fileoff = wide ? c.u64() : c.u32();
        long filesize = wide ? c.u64() : c.u32();
        int maxprot = c.s32();
        int initprot = c.s32();
        long nsects = c.u32();
        long flags = c.u32();
        int sectSize = wide ? 80 : 68;
        if (nsects > c.remaining() / sectSize) {
            throw new FormatException(src.describe(), off, "load command " + index + " "
                    + LoadCommandType.name(cmd) + " " + name + ": " + nsects
                    + " sections do not fit in cmdsize " + cmdsize);
        }
        List<Section> sections = new ArrayList<>((int) nsects);
        for (long i = 0; i < nsects; i++) {
            String sect = fixedString(c.bytes(16));
            String seg = fixedString(c.bytes(16));
            long addr = wide ? c.u64() : c.u32();
            long size = wide ? c.u64() : c.u32();
            long offset = c.u32();
            int align = c.s32();
            long reloff = c.u32();
            long nreloc = c.u32();
            long sflags = c.u32();
            c.skip(wide ? 12 : 8); // reserved1..3
            sections.add(new Section(sect, seg, addr, size, offset, align, reloff, nreloc, sflags));
        }
        return new SegmentCommand(cmd, cmdsize, off, name, vmaddr, vmsize, fileoff, filesize, maxprot,
                initprot, flags, sections);
    }

    private ThreadCommand thread(int index, BinaryCursor c, long off, int cmd, long cmdsize)
            throws FormatException {
        List<ThreadState> states = new ArrayList<>();
        while (c.remaining() >= 8) {
            int flavor = c.s32();
            long count = c.u32();
            if (count > c.remaining() / 4) {
                throw new FormatException(src.describe(), c.position() - 4, "load command " + index + " "
                        + LoadCommandType.name(cmd) + ": flavor " + flavor + " count " + count
                        + " runs past cmdsize " + cmdsize);
            }
            states.add(new ThreadState(flavor, c.bytes((int) count * 4)));
        }
        return new ThreadCommand(cmd, cmdsize, off, states);
    }

    private NoteCommand note(BinaryCursor c, long off, int cmd, long cmdsize) throws FormatException {
        String owner = fixedString(c.bytes(16));
        return new NoteCommand(cmd, cmdsize, off, owner, c.u64(), c.u64());
    }

    /** Decodes a fixed-width, NUL-padded name such as {@code segname[16]}. */
    static String fixedString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }
}
