package dev.hagfish.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.MachOFile;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LayeredSpace}: a snapshot that lacks the kernel's text reads it from the kernel file, reads
 * that span both work, a true gap still faults, and the snapshot wins where both map an address.
 */
class LayeredSpaceTest {
    @TempDir
    Path tmp;

    @Test
    void aDumpOfDataAloneReadsTextFromTheKernelFile() throws IOException {
        // Keep only the dump's __DATA (past __TEXT): __TEXT must come from the kernel file.
        byte[] raw = Files.readAllBytes(RawDumpTest.RAW);
        long base = RawDumpTest.base();
        int textSize = (int) SampleLayout.segment("__TEXT")[1];
        Path data = tmp.resolve("data.bin");
        Files.write(data, Arrays.copyOfRange(raw, textSize, raw.length));
        SegmentSpace dump = RawDump.open(List.of(ByteSource.open(data)), List.of(new RawDump.Part(data, base + textSize)));
        MachOFile k = SampleKernels.open("x86_64-dwarf4");
        LayeredSpace s = new LayeredSpace(dump, ImageSpace.readOnly(k, LldbMemoryRows.NONOTE_SLIDE, "kernel"));
        int rows = 0;
        for (LldbMemoryRows.Row r : LldbMemoryRows.of(CoreFileTest.NONOTE)) {
            if (Unsigned.inRange(r.address(), base, raw.length)) {
                assertArrayEquals(r.bytes(), s.read(r.address(), r.bytes().length), r.line());
                rows++;
            }
        }
        assertTrue(rows >= 16, rows + " rows");
        // A read across the end of __TEXT (from the file) into __DATA (from the dump).
        assertArrayEquals(Arrays.copyOfRange(raw, textSize - 0x10, textSize + 0x10), s.read(base + textSize - 0x10, 0x20));
        // The ranges: __TEXT from the file, the dump, __LINKEDIT from the file past it.
        assertEquals(List.of("__TEXT", "data.bin", "__LINKEDIT"), s.ranges().stream().map(MappedRange::name).toList());
        // Below __TEXT nothing is mapped.
        MemoryFaultException e = assertThrows(MemoryFaultException.class, () -> s.read(base - 8, 16));
        assertEquals(base, e.nearest().start());
        assertEquals(0, e.readable());
        assertTrue(e.getMessage().startsWith("raw " + data + "@" + Unsigned.shortHex(base + textSize) + " over kernel: address "
                + Unsigned.hex(base - 8)), e.getMessage());
    }

    private static SegmentSpace space(String name, long start, byte[] b) {
        return new SegmentSpace(name, ByteOrder.LITTLE_ENDIAN,
                List.of(new Mapping(start, b.length, ByteSource.of(b, name), 0, b.length, name)));
    }

    @Test
    void theTopWinsAndGapsBetweenBothFaultWithTheCountSoFar() throws IOException {
        byte[] ones = new byte[0x100];
        Arrays.fill(ones, (byte) 1);
        byte[] twos = new byte[0x300];
        Arrays.fill(twos, (byte) 2);
        SegmentSpace top = space("top", 0x1100, ones);
        SegmentSpace bottom = space("bottom", 0x1000, twos);
        LayeredSpace s = new LayeredSpace(top, bottom);
        byte[] all = s.read(0x1000, 0x300);
        for (int i = 0; i < 0x300; i++) {
            assertEquals(i >= 0x100 && i < 0x200 ? 1 : 2, all[i], "byte " + i);
        }
        assertEquals(List.of("bottom", "top", "bottom"), s.ranges().stream().map(MappedRange::name).toList());
        assertEquals(0x1200, s.ranges().get(2).start());
        MemoryFaultException e = assertThrows(MemoryFaultException.class, () -> s.read(0x1280, 0x100));
        assertEquals(0x1300, e.address());
        assertEquals(0x80, e.readable());
        assertEquals(0x100, e.requested());
        assertTrue(s.isMapped(0x1000, 0x300));
    }
}
