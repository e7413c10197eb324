package dev.hagfish.samples;

import dev.hagfish.image.KernelImage;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.CpuType;
import dev.hagfish.macho.EntryPointCommand;
import dev.hagfish.macho.LoadCommand;
import dev.hagfish.macho.LoadCommandType;
import dev.hagfish.macho.MachHeader;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.Nlist;
import dev.hagfish.macho.NlistReader;
import dev.hagfish.macho.RebaseInfo;
import dev.hagfish.macho.SegmentCommand;
import dev.hagfish.macho.SymtabCommand;
import dev.hagfish.macho.ThreadState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code KernelRelocator} moves an image linked by {@code ld64.lld} (which links near address 0
 * and cannot place an image at a kernel address) to the kernel's base, so that it looks like
 * {@code mach_kernel}:
 * <ul>
 *   <li>segment and section addresses, {@code N_SECT} symbols and address-carrying stabs are
 *       shifted (not {@code N_SO}/{@code N_OSO}, whose values are not addresses);</li>
 *   <li>every pointer named by the rebase opcodes is shifted;</li>
 *   <li>{@code LC_MAIN} and {@code LC_LOAD_DYLINKER} are replaced by an {@code LC_UNIXTHREAD}
 *       whose pc is the entry point, and the dyld-related header flags are cleared.</li>
 * </ul>
 * The UUID is kept, so {@code dsymutil} run afterwards gives a dSYM with the same UUID.
 *
 * <p>Usage: {@code KernelRelocator IN OUT BASE}, e.g. {@code 0xffffff8000200000}.
 */
public final class KernelRelocator {
    private KernelRelocator() {}

    /** Command-line entry point. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: KernelRelocator IN OUT BASE");
            System.exit(2);
        }
        byte[] out = relocate(Files.readAllBytes(Path.of(args[0])), Unsigned.parseAddress(args[2]), args[0]);
        Files.write(Path.of(args[1]), out);
    }

    /** Returns a copy of the 64-bit image {@code in} moved so that __TEXT starts at {@code base}. */
    public static byte[] relocate(byte[] in, long base, String name) throws IOException {
        byte[] img = in.clone();
        MachOFile mf = MachOFile.parse(ByteSource.of(in, name));
        if (!mf.header().is64()) {
            throw new IOException(name + ": only 64-bit images are relocated");
        }
        ByteBuffer b = ByteBuffer.wrap(img).order(ByteOrder.LITTLE_ENDIAN);
        SegmentCommand text = mf.segment("__TEXT").orElseThrow(() -> new IOException(name + ": no __TEXT"));
        long delta = base - text.vmaddr();

        for (long addr : RebaseInfo.pointers(mf)) {
            int fo = fileOffset(mf, addr);
            b.putLong(fo, b.getLong(fo) + delta);
        }
        for (SegmentCommand seg : mf.segments()) {
            int at = (int) seg.fileOffset();
            b.putLong(at + 24, seg.vmaddr() + delta);
            for (int i = 0; i < seg.sections().size(); i++) {
                int sect = at + 72 + i * 80;
                b.putLong(sect + 32, seg.sections().get(i).addr() + delta);
            }
        }
        SymtabCommand st = mf.symtab().orElseThrow(() -> new IOException(name + ": no LC_SYMTAB"));
        for (Nlist n : NlistReader.read(mf)) {
            if (isAddress(n)) {
                int at = (int) (st.symoff() + 16L * n.index() + 8);
                b.putLong(at, n.value() + delta);
            }
        }
        replaceEntryCommands(mf, img, b, text.vmaddr() + delta);
        return img;
    }

    /** Tells whether an nlist value is an address that moves with the image. */
    static boolean isAddress(Nlist n) {
        if (!n.isStab()) {
            return (n.type() & Nlist.N_TYPE) == Nlist.N_SECT;
        }
        // Address stabs carry a section ordinal (lld gives N_GSYM one too). N_SO and N_OSO carry
        // other numbers there, and N_ENSYM holds a size, as does N_FUN's closing entry (sect 0).
        return n.sect() != 0 && n.type() != Nlist.N_SO && n.type() != Nlist.N_OSO
                && n.type() != Nlist.N_ENSYM;
    }

    private static int fileOffset(MachOFile mf, long addr) throws IOException {
        long off = KernelImage.fileOffset(mf, addr).orElseThrow(() -> new IOException(
                "rebased pointer at " + Unsigned.hex(addr) + " is outside every segment's file data"));
        return Math.toIntExact(off);
    }

    private static void replaceEntryCommands(MachOFile mf, byte[] img, ByteBuffer b, long textBase)
            throws IOException {
        long entry = -1;
        ByteArrayOutputStream cmds = new ByteArrayOutputStream();
        int ncmds = 0;
        for (LoadCommand c : mf.commands()) {
            if (c instanceof EntryPointCommand main) {
                entry = textBase + main.entryOff();
                continue;
            }
            if (c.cmd() == LoadCommandType.LC_LOAD_DYLINKER) {
                continue;
            }
            cmds.write(img, (int) c.fileOffset(), (int) c.cmdsize());
            ncmds++;
        }
        if (entry == -1) {
            throw new IOException("no LC_MAIN to turn into LC_UNIXTHREAD");
        }
        ThreadState state = mf.header().cpuType().equals(CpuType.ARM64)
                ? ThreadState.arm64(Map.of("pc", entry))
                : ThreadState.x86_64(Map.of("rip", entry));
        ByteBuffer t = ByteBuffer.allocate(16 + state.raw().length).order(ByteOrder.LITTLE_ENDIAN);
        t.putInt(LoadCommandType.LC_UNIXTHREAD).putInt(t.capacity()).putInt(state.flavor())
                .putInt(state.count()).put(state.raw());
        cmds.write(t.array(), 0, t.capacity());
        ncmds++;

        byte[] area = cmds.toByteArray();
        MachHeader h = mf.header();
        long room = firstSectionOffset(mf.segments()) - h.headerSize();
        if (area.length > room) {
            throw new IOException("no room for LC_UNIXTHREAD: " + area.length + " > " + room + " bytes; link with a larger -headerpad");
        }
        int start = h.headerSize();
        java.util.Arrays.fill(img, start, (int) (start + Math.max(h.sizeofcmds(), area.length)), (byte) 0);
        System.arraycopy(area, 0, img, start, area.length);
        b.putInt(16, ncmds);
        b.putInt(20, area.length);
        long flags = h.flags() & ~(MachHeader.MH_PIE | MachHeader.MH_DYLDLINK | MachHeader.MH_TWOLEVEL);
        b.putInt(24, (int) flags);
    }

    private static long firstSectionOffset(List<SegmentCommand> segs) {
        long min = Long.MAX_VALUE;
        for (SegmentCommand s : segs) {
            for (var sect : s.sections()) {
                if (!sect.isZeroFill() && sect.offset() != 0) {
                    min = Math.min(min, sect.offset());
                }
            }
        }
        return min;
    }
}
