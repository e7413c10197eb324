package dev.hagfish.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RawDump}: the flat dump holds what lldb read from the core of the same memory; sparse dumps; parsing. */
class RawDumpTest {
    static final Path RAW = LldbMemoryRows.SAMPLES.resolve("snapshots/x86_64-dwarf4-slide4600000.raw");

    @TempDir
    Path tmp;

    static long base() throws IOException {
        return Unsigned.parseAddress(Files.readString(LldbMemoryRows.SAMPLES.resolve("snapshots/raw-base.txt")).strip());
    }

    static SegmentSpace open(List<RawDump.Part> parts) throws IOException {
        List<ByteSource> files = new java.util.ArrayList<>();
        for (RawDump.Part p : parts) {
            files.add(ByteSource.open(p.file()));
        }
        return RawDump.open(files, parts);
    }

    @Test
    void everyRowLldbReadInTheDumpsRangeEqualsTheDump() throws IOException {
        SegmentSpace raw = open(RawDump.parse(RAW + "@" + Unsigned.hex(base())));
        int rows = 0;
        for (LldbMemoryRows.Row r : LldbMemoryRows.of(CoreFileTest.NONOTE)) {
            if (Unsigned.inRange(r.address(), base(), Files.size(RAW))) {
                assertArrayEquals(r.bytes(), raw.read(r.address(), r.bytes().length), r.line());
                rows++;
            } else {
                assertThrows(MemoryFaultException.class, () -> raw.read(r.address(), 1), r.line());
            }
        }
        assertTrue(rows >= 16, rows + " rows");
        assertTrue(raw.describe().startsWith("raw " + RAW + "@" + Unsigned.shortHex(base())), raw.describe());
    }

    @Test
    void aSparseDumpReadsAcrossAdjacentPartsAndFaultsInItsGaps() throws IOException {
        byte[] all = Files.readAllBytes(RAW);
        Path a = tmp.resolve("a.bin");
        Path b = tmp.resolve("b.bin");
        Path c = tmp.resolve("c.bin");
        Files.write(a, Arrays.copyOfRange(all, 0, 0x1000));
        Files.write(b, Arrays.copyOfRange(all, 0x1000, 0x2000));
        Files.write(c, Arrays.copyOfRange(all, 0x5000, 0x6000));
        long base = base();
        SegmentSpace s = open(RawDump.parse(a + "@" + Unsigned.hex(base) + "," + b + "@" + Long.toHexString(base + 0x1000)
                + "," + c + "@0x" + Long.toHexString(base + 0x5000)));
        assertArrayEquals(Arrays.copyOfRange(all, 0xff0, 0x1010), s.read(base + 0xff0, 0x20));
        assertArrayEquals(Arrays.copyOfRange(all, 0x5000, 0x5010), s.read(base + 0x5000, 0x10));
        MemoryFaultException e = assertThrows(MemoryFaultException.class, () -> s.read(base + 0x1ff8, 0x10));
        assertEquals(base + 0x2000, e.address());
        assertEquals(8, e.readable());
        assertEquals("b.bin", e.nearest().name());
        assertEquals("c.bin", assertThrows(MemoryFaultException.class, () -> s.read(base + 0x4fff, 1)).nearest().name());
    }

    @Test
    void overlappingPartsAreRejected() throws IOException {
        Path a = tmp.resolve("a.bin");
        Files.write(a, new byte[0x100]);
        FormatException e = assertThrows(FormatException.class, () -> open(RawDump.parse(a + "@1000," + a + "@10ff")));
        assertTrue(e.getMessage().endsWith("[0x00000000000010ff-0x00000000000011ff) a.bin overlaps "
                + "[0x0000000000001000-0x0000000000001100) a.bin"), e.getMessage());
        FormatException top = assertThrows(FormatException.class, () -> open(RawDump.parse(a + "@ffffffffffffff80")));
        assertTrue(top.getMessage().endsWith("run past the top of the address space"), top.getMessage());
    }

    @Test
    void specsParse() {
        assertEquals(List.of(new RawDump.Part(Path.of("x@y.bin"), 0xffffff8000000000L)),
                RawDump.parse("x@y.bin@0xffffff8000000000"));
        assertEquals(2, RawDump.parse("a@1,b@2").size());
        for (String bad : List.of("a.bin", "@0x1000", "a.bin@", "a.bin@0xzz", "a.bin@0x1,", "a.bin@0x11112222333344445")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RawDump.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("'"), e.getMessage());
        }
    }
}
