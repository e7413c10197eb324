package dev.hagfish.macho;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code CoreWriter} writes a Mach-O {@code MH_CORE} file in the shape XNU's kernel core dumper
 * and LLDB agree on ({@code osfmk/kdp/kdp_core.c}, {@code processor_core.c}): a 64-bit header,
 * one {@code LC_SEGMENT_64} per captured range of virtual memory, {@code LC_THREAD}s with register
 * state, and {@code LC_NOTE}s ({@code "main bin spec"}, {@code "kern ver str"},
 * {@code "addrable bits"}), followed by the note payloads and the page-aligned segment bytes.
 *
 * <p>A segment whose data is shorter than its size is zero-fill for the rest
 * ({@code filesize < vmsize}). The writer is single-threaded and is used once.
 */
public final class CoreWriter {
    private static final int PAGE = 4096;
    private static final int SEGMENT_CMD_SIZE = 72;
    private static final int NOTE_CMD_SIZE = 40;

    private final CpuType cpu;
    private final int cpuSubtype;
    private final List<CoreSegment> segments = new ArrayList<>();
    private final List<List<ThreadState>> threads = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    private record CoreSegment(long vmaddr, long vmsize, ByteSource data, int prot) {}

    private record Note(String owner, byte[] payload) {}

    /**
     * Creates a writer for a core of the given CPU.
     *
     * @param cpu the CPU type of the captured machine (must be 64-bit)
     * @param cpuSubtype the CPU subtype
     */
    public CoreWriter(CpuType cpu, int cpuSubtype) {
        if (!cpu.is64()) {
            throw new IllegalArgumentException("only 64-bit cores are written: " + cpu.archName());
        }
        this.cpu = cpu;
        this.cpuSubtype = cpuSubtype;
    }

    /**
     * Adds a range of memory.
     *
     * @param vmaddr the (slid) virtual address of the first byte
     * @param vmsize the size of the range in memory
     * @param data the bytes that are written to the file; the rest up to vmsize reads as zeros
     * @param prot VM protection bits (1 read, 2 write, 4 execute)
     */
    public CoreWriter segment(long vmaddr, long vmsize, ByteSource data, int prot) {
        if (Long.compareUnsigned(data.size(), vmsize) > 0) {
            throw new IllegalArgumentException("segment data larger than vmsize");
        }
        segments.add(new CoreSegment(vmaddr, vmsize, data, prot));
        return this;
    }

    /** Adds a thread with one or more register-state flavors. */
    public CoreWriter thread(List<ThreadState> states) {
        threads.add(List.copyOf(states));
        return this;
    }

    /** Adds an LC_NOTE; {@code owner} has at most 16 bytes. */
    public CoreWriter note(String owner, byte[] payload) {
        if (owner.getBytes(StandardCharsets.UTF_8).length > 16) {
            throw new IllegalArgumentException("note owner longer than 16 bytes: " + owner);
        }
        notes.add(new Note(owner, payload.clone()));
        return this;
    }

    /** Adds a {@code "kern ver str"} note (version 1, NUL-terminated banner). */
    public CoreWriter kernelVersionNote(String banner) {
        byte[] s = banner.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(4 + s.length + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(1).put(s).put((byte) 0);
        return note("kern ver str", b.array());
    }

    /** Adds an {@code "addrable bits"} note (version 3). */
    public CoreWriter addressableBitsNote(int bits) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(3).putInt(bits).putLong(0);
        return note("addrable bits", b.array());
    }

    /** Writes the core to {@code out}, replacing any file there. */
    public void write(Path out) throws IOException {
        try (OutputStream os = Files.newOutputStream(out)) {
            write(os);
        }
    }

    /** Writes the core to a stream. */
    public void write(OutputStream os) throws IOException {
        int ncmds = segments.size() + threads.size() + notes.size();
        long sizeofcmds = (long) segments.size() * SEGMENT_CMD_SIZE + (long) notes.size() * NOTE_CMD_SIZE;
        for (List<ThreadState> t : threads) {
            sizeofcmds += threadCmdSize(t);
        }
        long pos = 32 + sizeofcmds;
        long[] noteOffsets = new long[notes.size()];
        for (int i = 0; i < notes.size(); i++) {
            pos = align(pos, 8);
            noteOffsets[i] = pos;
            pos += notes.get(i).payload().length;
        }
        long[] segOffsets = new long[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            pos = align(pos, PAGE);
            segOffsets[i] = pos;
            pos += segments.get(i).data().size();
        }

        Emitter e = new Emitter(os);
        e.u32(MachHeader.MH_MAGIC_64).u32(cpu.code()).u32(cpuSubtype).u32(MachHeader.MH_CORE)
                .u32(ncmds).u32(sizeofcmds).u32(0).u32(0);
        for (int i = 0; i < segments.size(); i++) {
            CoreSegment s = segments.get(i);
            e.u32(LoadCommandType.LC_SEGMENT_64).u32(SEGMENT_CMD_SIZE).name16("")
                    .u64(s.vmaddr()).u64(s.vmsize()).u64(segOffsets[i]).u64(s.data().size())
                    .u32(s.prot()).u32(s.prot()).u32(0).u32(0);
        }
        for (List<ThreadState> t : threads) {
            e.u32(LoadCommandType.LC_THREAD).u32(threadCmdSize(t));
            for (ThreadState st : t) {
                e.u32(st.flavor()).u32(st.count()).bytes(st.raw());
            }
        }
        for (int i = 0; i < notes.size(); i++) {
            Note n = notes.get(i);
            e.u32(LoadCommandType.LC_NOTE).u32(NOTE_CMD_SIZE).name16(n.owner())
                    .u64(noteOffsets[i]).u64(n.payload().length);
        }
        for (int i = 0; i < notes.size(); i++) {
            e.padTo(noteOffsets[i]).bytes(notes.get(i).payload());
        }
        for (int i = 0; i < segments.size(); i++) {
            e.padTo(segOffsets[i]).copy(segments.get(i).data());
        }
        e.flush();
    }

    private static long threadCmdSize(List<ThreadState> states) {
        long size = 8;
        for (ThreadState st : states) {
            size += 8 + st.raw().length;
        }
        return size;
    }

    private static long align(long v, int a) {
        return (v + a - 1) & -(long) a;
    }

    /** Little-endian output with position tracking. */
    private static final class Emitter {
        private final OutputStream os;
        private final ByteBuffer buf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        private long pos;

        Emitter(OutputStream os) {
            this.os = os;
        }

        Emitter u32(long v) throws IOException {
            buf.clear();
            buf.putInt((int) v);
            return bytes(buf.array(), 4);
        }

        Emitter u64(long v) throws IOException {
            buf.clear();
            buf.putLong(v);
            return bytes(buf.array(), 8);
        }

        Emitter name16(String s) throws IOException {
            byte[] n = new byte[16];
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(b, 0, n, 0, b.length);
            return bytes(n);
        }

        Emitter bytes(byte[] b) throws IOException {
            return bytes(b, b.length);
        }

        Emitter bytes(byte[] b, int n) throws IOException {
            os.write(b, 0, n);
            pos += n;
            return this;
        }

        Emitter padTo(long target) throws IOException {
            while (pos < target) {
                os.write(0);
                pos++;
            }
            return this;
        }

        Emitter copy(ByteSource src) throws IOException {
            byte[] chunk = new byte[1 << 16];
            for (long off = 0; off < src.size(); ) {
                int n = (int) Math.min(chunk.length, src.size() - off);
                try {
                    src.read(off, chunk, 0, n);
                } catch (FormatException ex) {
                    throw new IOException(ex.getMessage(), ex);
                }
                bytes(chunk, n);
                off += n;
            }
            return this;
        }

        void flush() throws IOException {
            os.flush();
        }
    }
}
