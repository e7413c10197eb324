import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.CoreWriter;
import dev.hagfish.macho.CpuType;
import dev.hagfish.macho.ThreadCommand;
import dev.hagfish.memory.CoreFile;
import dev.hagfish.memory.Mapping;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * BigCore writes a kernel core of several GiB for bench/snapshot.sh: the kernel segments of a
 * sample core without LC_NOTEs (its lowGlo page left out, so that slide detection must search
 * memory for the version banner), plus one segment of SIZE GiB above the kernel (where most of a
 * real kernel's memory is: zones, kexts, the physical map), whose pages are
 * half zeros and half base64 text of a seeded random source (about what gzip -1 makes of real
 * kernel memory: a few times smaller). Everything streams through files; nothing GiB-sized is in
 * the heap.
 *
 *   java -cp hagfish.jar bench/BigCore.java SAMPLE_CORE OUT_CORE SIZE_GIB FILL_FILE
 */
public final class BigCore {
    static final long BIG_BASE = 0xffffff8100000000L;
    static final long LOWGLO = 0xffffff8000002000L;

    public static void main(String[] args) throws IOException {
        Path sample = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long size = Long.parseLong(args[2]) << 30;
        Path fill = Path.of(args[3]);
        writeFill(fill, size);
        CoreFile core = CoreFile.open(ByteSource.open(sample));
        CoreWriter w = new CoreWriter(CpuType.X86_64, 3);
        w.segment(BIG_BASE, size, ByteSource.open(fill), 3);
        for (Mapping m : core.mappings()) {
            if (m.start() == LOWGLO) {
                continue;
            }
            w.segment(m.start(), m.vmsize(), m.source().slice(m.fileoff(), m.filesize(), m.name()), 3);
        }
        for (ThreadCommand t : core.threads()) {
            w.thread(t.states());
        }
        w.write(out);
    }

    private static void writeFill(Path fill, long size) throws IOException {
        Random r = new Random(6);
        byte[] text = new byte[1 << 20];
        byte[] raw = new byte[text.length * 3 / 4];
        r.nextBytes(raw);
        byte[] b64 = java.util.Base64.getEncoder().encode(raw);
        System.arraycopy(b64, 0, text, 0, Math.min(b64.length, text.length));
        byte[] zero = new byte[4096];
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(fill), 1 << 20)) {
            for (long page = 0; page < size / 4096; page++) {
                if (((page * 0x9e3779b97f4a7c15L) >>> 63) == 0) {
                    os.write(zero);
                } else {
                    os.write(text, (int) ((page * 4096 * 7) % (text.length - 4096)), 4096);
                }
            }
        }
    }
}
