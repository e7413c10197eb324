package dev.hagfish.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.MachOFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ImageSpace}: the kernel file's segments, slid, agree with what lldb read from the booted core. */
class ImageSpaceTest {
    @Test
    void theReadOnlySegmentsAtTheSlideHoldWhatTheCoreHolds() throws IOException {
        MachOFile k = SampleKernels.open("x86_64-dwarf4");
        SegmentSpace ro = ImageSpace.readOnly(k, LldbMemoryRows.SLIDE, "kernel");
        assertEquals(List.of("__TEXT", "__LINKEDIT"), ro.ranges().stream().map(MappedRange::name).toList());
        int rows = 0;
        for (LldbMemoryRows.Row r : LldbMemoryRows.of(CoreFileTest.CORE)) {
            if (ro.isMapped(r.address(), r.bytes().length)) {
                assertArrayEquals(r.bytes(), ro.read(r.address(), r.bytes().length), r.line());
                rows++;
            }
        }
        assertTrue(rows >= 8, rows + " rows in __TEXT");
    }

    @Test
    void allSegmentsUnslidAreTheFile() throws IOException {
        MachOFile k = SampleKernels.open("x86_64-dwarf4");
        SegmentSpace all = ImageSpace.of(k, 0, "kernel");
        assertEquals(List.of("__TEXT", "__DATA", "__LINKEDIT"), all.ranges().stream().map(MappedRange::name).toList());
        // The Mach-O header is the first bytes of __TEXT.
        assertEquals(0xfeedfacfL, all.u32(0xffffff8000200000L));
        assertEquals(CoreFileTest.BANNER, all.cstring(SampleLayout.symbol("_version"), 200));
        MemoryFaultException e = assertThrows(MemoryFaultException.class, () -> all.read(0xffffff8000100000L, 1));
        assertEquals("__TEXT", e.nearest().name());
    }

    @Test
    void segmentsPastTheFileOrOverlappingAreFormatErrors() throws IOException {
        byte[] k = Files.readAllBytes(SampleKernels.kernel("x86_64-dwarf4"));
        ByteBuffer b = ByteBuffer.wrap(k).order(ByteOrder.LITTLE_ENDIAN);
        // The first load command is __TEXT's LC_SEGMENT_64 at 32: vmaddr +24, vmsize +32, fileoff +40, filesize +48.
        byte[] big = k.clone();
        ByteBuffer.wrap(big).order(ByteOrder.LITTLE_ENDIAN).putLong(32 + 48, k.length + 1L).putLong(32 + 32, k.length + 1L);
        FormatException past = assertThrows(FormatException.class,
                () -> ImageSpace.of(MachOFile.parse(ByteSource.of(big, "big")), 0, "kernel"));
        assertTrue(past.getMessage().startsWith("big: at offset 0x20: load command 0 LC_SEGMENT_64 __TEXT: file bytes"),
                past.getMessage());
        byte[] wide = k.clone();
        long vmsize = b.getLong(32 + 32);
        ByteBuffer.wrap(wide).order(ByteOrder.LITTLE_ENDIAN).putLong(32 + 32, vmsize + 0x1000);
        FormatException overlap = assertThrows(FormatException.class,
                () -> ImageSpace.of(MachOFile.parse(ByteSource.of(wide, "wide")), 0, "kernel"));
        long[] text = SampleLayout.segment("__TEXT");
        assertTrue(overlap.getMessage().contains("LC_SEGMENT_64 __DATA [" + Unsigned.hex(SampleLayout.segment("__DATA")[0])
                + "-"), overlap.getMessage());
        assertTrue(overlap.getMessage().contains(" overlaps [" + Unsigned.hex(text[0]) + "-"
                + Unsigned.hex(text[0] + text[1] + 0x1000) + ") __TEXT"), overlap.getMessage());
    }
}
