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
            case LoadCommandType.LC_DYSYMTAB -> dysymtab(c, off, cmd, cmdsize);
            case LoadCommandType.LC_FUNCTION_STARTS, LoadCommandType.LC_DATA_IN_CODE,
                    LoadCommandType.LC_SEGMENT_SPLIT_INFO, LoadCommandType.LC_CODE_SIGNATURE,
                    LoadCommandType.LC_DYLD_CHAINED_FIXUPS, LoadCommandType.LC_DYLD_EXPORTS_TRIE,
                    LoadCommandType.LC_LINKER_OPTIMIZATION_HINT ->
                    new LinkeditDataCommand(cmd, cmdsize, off, c.u32(), c.u32());
            case LoadCommandType.LC_VERSION_MIN_MACOSX, LoadCommandType.LC_VERSION_MIN_IPHONEOS,
                    LoadCommandType.LC_VERSION_MIN_TVOS, LoadCommandType.LC_VERSION_MIN_WATCHOS ->
                    new VersionMinCommand(cmd, cmdsize, off, c.u32(), c.u32());
            case LoadCommandType.LC_BUILD_VERSION -> buildVersion(index, c, off, cmd, cmdsize);
            case LoadCommandType.LC_SOURCE_VERSION -> new SourceVersionCommand(cmd, cmdsize, off, c.u64());
            case LoadCommandType.LC_ID_DYLIB, LoadCommandType.LC_LOAD_DYLIB, LoadCommandType.LC_LOAD_WEAK_DYLIB,
                    LoadCommandType.LC_REEXPORT_DYLIB, LoadCommandType.LC_LAZY_LOAD_DYLIB,
                    LoadCommandType.LC_LOAD_UPWARD_DYLIB -> {
                long nameOff = c.u32();
                yield new DylibCommand(cmd, cmdsize, off, lcString(index, off, cmd, cmdsize, nameOff), c.u32(),
                        c.u32(), c.u32());
            }
            case LoadCommandType.LC_LOAD_DYLINKER, LoadCommandType.LC_ID_DYLINKER,
                    LoadCommandType.LC_DYLD_ENVIRONMENT, LoadCommandType.LC_RPATH ->
                    new PathCommand(cmd, cmdsize, off, lcString(index, off, cmd, cmdsize, c.u32()));
            case LoadCommandType.LC_FILESET_ENTRY -> {
                long vmaddr = c.u64();
                long fileoff = c.u64();
                long idOff = c.u32();
                yield new FilesetEntryCommand(cmd, cmdsize, off, vmaddr, fileoff,
                        lcString(index, off, cmd, cmdsize, idOff));
            }
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

    private BuildVersionCommand buildVersion(int index, BinaryCursor c, long off, int cmd, long cmdsize)
            throws FormatException {
        long platform = c.u32();
        long minos = c.u32();
        long sdk = c.u32();
        long ntools = c.u32();
        if (ntools > c.remaining() / 8) {
            throw new FormatException(src.describe(), off, "load command " + index + " LC_BUILD_VERSION: "
                    + ntools + " tools do not fit in cmdsize " + cmdsize);
        }
        List<BuildVersionCommand.BuildTool> tools = new ArrayList<>();
        for (long i = 0; i < ntools; i++) {
            tools.add(new BuildVersionCommand.BuildTool(c.u32(), c.u32()));
        }
        return new BuildVersionCommand(cmd, cmdsize, off, platform, minos, sdk, tools);
    }

    /** Reads an {@code lc_str}: a NUL-terminated string at an offset from the command's start. */
    private String lcString(int index, long off, int cmd, long cmdsize, long strOff) throws FormatException {
        if (strOff < 8 || strOff >= cmdsize) {
            throw new FormatException(src.describe(), off, "load command " + index + " "
                    + LoadCommandType.name(cmd) + ": string offset " + strOff + " outside cmdsize " + cmdsize);
        }
        return src.cstring(off + strOff, (int) (cmdsize - strOff));
    }

    private static DysymtabCommand dysymtab(BinaryCursor c, long off, int cmd, long cmdsize) throws FormatException {
        long[] v = new long[18];
        for (int i = 0; i < v.length; i++) {
            v[i] = c.u32();
        }
        // v[6..11] are tocoff, ntoc, modtaboff, nmodtab, extrefsymoff, nextrefsyms: unused on modern images.
        return new DysymtabCommand(cmd, cmdsize, off, v[0], v[1], v[2], v[3], v[4], v[5], v[12], v[13], v[14],
                v[15], v[16], v[17]);
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
