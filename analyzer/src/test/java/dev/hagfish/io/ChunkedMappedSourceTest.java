package dev.hagfish.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the chunked mapping against the array reference with chunk sizes 2^2 to 2^11. */
class ChunkedMappedSourceTest {
    @TempDir
    Path dir;

    @Test
    void agreesWithTheArraySourceForEveryChunkSize() throws IOException {
        long seed = System.nanoTime();
        System.out.println("ChunkedMappedSourceTest seed " + seed);
        Random rnd = new Random(seed);
        byte[] data = new byte[5000 + rnd.nextInt(3000)];
        rnd.nextBytes(data);
        Path file = dir.resolve("data.bin");
        Files.write(file, data);
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            ByteSource ref = new ByteArraySource(data, 0, data.length, "ref", order);
            for (int power = 2; power <= 11; power++) {
                ByteSource m = ChunkedMappedSource.open(file, power).withOrder(order);
                assertEquals(data.length, m.size());
                for (int i = 0; i < 2000; i++) {
                    long off = rnd.nextInt(data.length - 8);
                    String ctx = "seed " + seed + " power " + power + " off " + off + " " + order;
                    assertEquals(ref.u8(off), m.u8(off), ctx);
                    assertEquals(ref.u16(off), m.u16(off), ctx);
                    assertEquals(ref.u32(off), m.u32(off), ctx);
                    assertEquals(ref.u64(off), m.u64(off), ctx);
                    int len = rnd.nextInt(40);
                    if (off + len <= data.length) {
                        assertArrayEquals(ref.bytes(off, len), m.bytes(off, len), ctx);
                    }
                }
                long sliceOff = rnd.nextInt(data.length / 2);
                ByteSource s = m.slice(sliceOff, 100, "slice");
                ByteSource rs = ref.slice(sliceOff, 100, "slice");
                for (int j = 0; j + 8 <= 100; j++) {
                    assertEquals(rs.u64(j), s.u64(j), "slice seed " + seed);
                }
                assertThrows(FormatException.class, () -> s.u8(100));
            }
        }
    }

    @Test
    void readsPastTheEndNameTheSourceAndOffset() throws IOException {
        Path file = dir.resolve("small.bin");
        Files.write(file, new byte[10]);
        ByteSource m = ChunkedMappedSource.open(file, 2);
        FormatException e = assertThrows(FormatException.class, () -> m.u64(4));
        assertEquals(4, e.offset());
        assertTrue(e.getMessage().startsWith(file.toString() + ": at offset 0x4: "), e.getMessage());
        assertThrows(FormatException.class, () -> m.bytes(-1, 2));
        assertThrows(FormatException.class, () -> m.slice(8, 3, "s"));
    }

    @Test
    void anEmptyFileMapsToAnEmptySource() throws IOException {
        Path file = dir.resolve("empty.bin");
        Files.write(file, new byte[0]);
        ByteSource m = ChunkedMappedSource.open(file, 4);
        assertEquals(0, m.size());
        assertThrows(FormatException.class, () -> m.u8(0));
    }
}
