package dev.hagfish.samples;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.CoreWriter;
import dev.hagfish.macho.CpuType;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.MainBinSpec;
import dev.hagfish.macho.Nlist;
import dev.hagfish.macho.NlistReader;
import dev.hagfish.macho.RebaseInfo;
import dev.hagfish.macho.Section;
import dev.hagfish.macho.SegmentCommand;
import dev.hagfish.macho.ThreadState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code SnapshotMaker} writes snapshots of the sample kernel "as booted" at a KASLR slide: the
 * kernel's segments (not __LINKEDIT) moved by the slide, with the slide added to every pointer the
 * rebase opcodes name, exactly as the booter slides a real kernel. It writes a Mach-O core through
 * {@link CoreWriter} (one LC_SEGMENT_64 per range, an LC_THREAD, and unless told otherwise the
 * LC_NOTEs "main bin spec", "kern ver str" and "addrable bits") and, optionally, a raw flat dump
 * of the contiguous kernel range.
 *
 * <p>Options:
 * <pre>
 *   --kernel FILE          the relocated kernel
 *   --slide HEX            the KASLR slide
 *   --core FILE            write a Mach-O core here
 *   --no-notes             leave out the LC_NOTEs (slide detection must then use memory)
 *   --raw FILE             write a flat dump of [slid __TEXT start, end of the last segment)
 *   --lowglo SECT@ADDR     also map the bytes of section SECT (e.g. __DATA,__lowGlo) at ADDR,
 *                          where the machine's low-memory globals live (0xffffff8000002000)
 *   --reg NAME=SYM[+OFF]   a register of the LC_THREAD: the slid address SYM+OFF
 *   --reg NAME=@SYM[+OFF]  a register loaded from the slid 64-bit value stored at SYM+OFF
 * </pre>
 */
public final class SnapshotMaker {
    private static final int PAGE = 4096;

    private final MachOFile kernel;
    private final long slide;
    private final Map<String, Long> symbols = new HashMap<>();
    private final List<SegmentCommand> mapped = new ArrayList<>();
    private final Map<SegmentCommand, byte[]> memory = new LinkedHashMap<>();

    private SnapshotMaker(MachOFile kernel, long slide) throws IOException {
        this.kernel = kernel;
        this.slide = slide;
        for (Nlist n : NlistReader.read(kernel)) {
            if (n.isSectionSymbol()) {
                symbols.putIfAbsent(n.name(), n.value());
            }
        }
        for (SegmentCommand seg : kernel.segments()) {
            if (!seg.segName().equals("__LINKEDIT") && seg.vmsize() != 0) {
                mapped.add(seg);
                byte[] data = kernel.source().bytes(seg.fileoff(), Math.toIntExact(seg.filesize()));
                memory.put(seg, data);
            }
        }
        for (long ptr : RebaseInfo.pointers(kernel)) {
            SegmentCommand seg = segmentOf(ptr);
            ByteBuffer b = ByteBuffer.wrap(memory.get(seg)).order(ByteOrder.LITTLE_ENDIAN);
            int at = Math.toIntExact(ptr - seg.vmaddr());
            b.putLong(at, b.getLong(at) + slide);
        }
    }

    /** Command-line entry point. */
    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new LinkedHashMap<>();
        List<String> regs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-notes")) {
                opts.put(a, "");
            } else if (a.equals("--reg")) {
                regs.add(args[++i]);
            } else {
                opts.put(a, args[++i]);
            }
        }
        MachOFile k = MachOFile.parse(ByteSource.open(Path.of(opts.get("--kernel"))));
        SnapshotMaker m = new SnapshotMaker(k, Unsigned.parseAddress(opts.get("--slide")));
        if (opts.containsKey("--core")) {
            m.writeCore(Path.of(opts.get("--core")), !opts.containsKey("--no-notes"), opts.get("--lowglo"), regs);
        }
        if (opts.containsKey("--raw")) {
            long base = m.writeRaw(Path.of(opts.get("--raw")));
            System.out.println(Unsigned.hex(base));
        }
    }

    private void writeCore(Path out, boolean notes, String lowglo, List<String> regs) throws IOException {
        CpuType cpu = kernel.header().cpuType();
        CoreWriter w = new CoreWriter(cpu, kernel.header().cpuSubtype() & 0x00ffffff);
        for (SegmentCommand seg : mapped) {
            byte[] data = memory.get(seg);
            w.segment(seg.vmaddr() + slide, seg.vmsize(), ByteSource.of(data, seg.segName()), seg.initprot());
        }
        if (lowglo != null) {
            String[] parts = lowglo.split("@");
            Section s = section(parts[0]);
            byte[] bytes = read(s.addr(), Math.toIntExact(s.size()));
            long size = (s.size() + PAGE - 1) & -(long) PAGE;
            w.segment(Unsigned.parseAddress(parts[1]), size, ByteSource.of(bytes, "lowGlo"), 3);
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (String r : regs) {
            String[] kv = r.split("=", 2);
            values.put(kv[0], register(kv[1]));
        }
        w.thread(List.of(cpu.equals(CpuType.ARM64) ? ThreadState.arm64(values) : ThreadState.x86_64(values)));
        if (notes) {
            long textBase = kernel.segment("__TEXT").orElseThrow().vmaddr();
            byte[] uuid = kernel.uuid().orElseThrow().uuid();
            w.note(MainBinSpec.OWNER, new MainBinSpec(2, MainBinSpec.TYPE_KERNEL, textBase + slide, slide,
                    uuid, 12, 0).encodeV2());
            w.kernelVersionNote(cstring(symbol("_version")));
            w.addressableBitsNote(64);
        }
        w.write(out);
    }

    /** Writes the flat dump and returns its base address (the slid start of __TEXT). */
    private long writeRaw(Path out) throws IOException {
        long start = mapped.get(0).vmaddr();
        SegmentCommand last = mapped.get(mapped.size() - 1);
        long end = last.vmaddr() + last.vmsize();
        byte[] flat = new byte[Math.toIntExact(end - start)];
        for (SegmentCommand seg : mapped) {
            byte[] data = memory.get(seg);
            System.arraycopy(data, 0, flat, Math.toIntExact(seg.vmaddr() - start), data.length);
        }
        Files.write(out, flat);
        return start + slide;
    }

    /** Evaluates {@code SYM[+OFF]} (an address) or {@code @SYM[+OFF]} (the value stored there). */
    private long register(String expr) throws IOException {
        boolean load = expr.startsWith("@");
        String e = load ? expr.substring(1) : expr;
        long off = 0;
        int plus = e.indexOf('+');
        if (plus >= 0) {
            off = Unsigned.parseAddress(e.substring(plus + 1));
            e = e.substring(0, plus);
        }
        long unslid = symbol(e) + off;
        if (!load) {
            return unslid + slide;
        }
        return ByteBuffer.wrap(read(unslid, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private long symbol(String name) throws IOException {
        Long v = symbols.get(name);
        if (v == null) {
            throw new IOException("no symbol " + name + " in the kernel");
        }
        return v;
    }

    private Section section(String segSect) throws IOException {
        String[] p = segSect.split(",");
        for (SegmentCommand seg : kernel.segments()) {
            for (Section s : seg.sections()) {
                if (s.segName().equals(p[0]) && s.sectName().equals(p[1])) {
                    return s;
                }
            }
        }
        throw new IOException("no section " + segSect);
    }

    private SegmentCommand segmentOf(long unslid) throws IOException {
        for (SegmentCommand seg : mapped) {
            if (Unsigned.inRange(unslid, seg.vmaddr(), seg.filesize())) {
                return seg;
            }
        }
        throw new IOException("address " + Unsigned.hex(unslid) + " is not in the kernel's file data");
    }

    /** Reads slid memory at an unslid address. */
    private byte[] read(long unslid, int len) throws IOException {
        SegmentCommand seg = segmentOf(unslid);
        byte[] out = new byte[len];
        System.arraycopy(memory.get(seg), Math.toIntExact(unslid - seg.vmaddr()), out, 0, len);
        return out;
    }

    private String cstring(long unslid) throws IOException {
        SegmentCommand seg = segmentOf(unslid);
        byte[] data = memory.get(seg);
        int start = Math.toIntExact(unslid - seg.vmaddr());
        int end = start;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, start, end - start, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
