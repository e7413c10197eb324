package dev.hagfish.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.macho.CoreWriter;
import dev.hagfish.macho.CpuType;
import dev.hagfish.macho.MainBinSpec;
import dev.hagfish.macho.ThreadState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CoreFile} on the sample cores (checked against lldb-22) and on broken copies of them. */
class CoreFileTest {
    /** The banner of the x86_64 sample kernel, as samples/kernel/include/kern/version.h defines it. */
    static final String BANNER = "Darwin Kernel Version 11.3.0: Thu Jan 12 18:47:41 PST 2012; "
            + "root:xnu-1699.24.23~1/RELEASE_X86_64";
    static final String CORE = "snapshots/x86_64-dwarf4.core";
    static final String NONOTE = "snapshots/x86_64-dwarf4-nonote.core";

    @TempDir
    Path tmp;

    static CoreFile open(String rel) throws IOException {
        return CoreFile.open(ByteSource.open(LldbMemoryRows.SAMPLES.resolve(rel)));
    }

    static String uuid() throws IOException {
        return Files.readString(LldbMemoryRows.SAMPLES.resolve("expected/x86_64-dwarf4/uuid.txt")).split("\\s+")[1];
    }

    @Test
    void everyRowLldbReadEqualsTheCoreFile() throws IOException {
        int rows = 0;
        for (String core : List.of(CORE, NONOTE)) {
            CoreFile c = open(core);
            for (LldbMemoryRows.Row r : LldbMemoryRows.of(core)) {
                assertArrayEquals(r.bytes(), c.read(r.address(), r.bytes().length), r.line());
                rows++;
            }
        }
        assertTrue(rows >= 40, rows + " rows");
    }

    @Test
    void theNotesSayWhichKernelAndWhere() throws IOException {
        CoreFile c = open(CORE);
        assertEquals("x86_64", c.arch());
        CoreNotes n = c.notes();
        MainBinSpec spec = n.mainBinSpec().orElseThrow();
        assertEquals(LldbMemoryRows.SLIDE, spec.slide());
        assertEquals(0xffffff8000200000L + LldbMemoryRows.SLIDE, spec.address());
        assertEquals(MainBinSpec.TYPE_KERNEL, spec.type());
        assertEquals(uuid(), n.uuid().orElseThrow());
        assertEquals(BANNER, n.kernelVersion().orElseThrow().banner());
        assertEquals(64, n.addressableBits().orElseThrow());
        assertEquals(List.of(), n.warnings());
        assertEquals(3, n.notes().size());

        CoreNotes none = open(NONOTE).notes();
        assertTrue(none.mainBinSpec().isEmpty() && none.kernelVersion().isEmpty() && none.addressableBits().isEmpty());
        assertTrue(none.uuid().isEmpty());
    }

    @Test
    void theThreadIsThere() throws IOException {
        CoreFile c = open(CORE);
        assertEquals(1, c.threads().size());
        Map<String, Long> regs = c.threads().get(0).states().get(0).registers();
        // The pc is inside the slid kernel text.
        long[] text = SampleLayout.segment("__TEXT");
        long rip = regs.get("rip");
        assertTrue(dev.hagfish.io.Unsigned.inRange(rip, text[0] + LldbMemoryRows.SLIDE, text[1]), Long.toHexString(rip));
    }

    @Test
    void aTruncatedCoreNamesTheSegmentAndTheMissingBytes() throws IOException {
        byte[] whole = Files.readAllBytes(LldbMemoryRows.SAMPLES.resolve(CORE));
        Path cut = tmp.resolve("cut.core");
        int size = whole.length - 0x1234;
        Files.write(cut, Arrays.copyOf(whole, size));
        FormatException e = assertThrows(FormatException.class, () -> CoreFile.open(ByteSource.open(cut)));
        // The expectation from the Mach-O reader's view of the whole core: the first segment (in
        // load command order) whose file bytes end past the cut, and how many more do.
        dev.hagfish.macho.MachOFile m = dev.hagfish.macho.MachOFile.parse(ByteSource.open(LldbMemoryRows.SAMPLES.resolve(CORE)));
        List<dev.hagfish.macho.SegmentCommand> past = m.segments().stream()
                .filter(s -> s.fileoff() + s.filesize() > size).toList();
        dev.hagfish.macho.SegmentCommand first = past.get(0);
        assertTrue(e.getMessage().startsWith(cut + ": at offset 0x" + Long.toHexString(first.fileOffset()) + ": load command "
                + m.commands().indexOf(first) + " LC_SEGMENT_64 [0x" + Long.toHexString(first.vmaddr()) + ", +0x"
                + Long.toHexString(first.vmsize()) + "): file bytes"), e.getMessage());
        long missing = Math.min(first.filesize(), first.fileoff() + first.filesize() - size);
        assertTrue(e.getMessage().contains("0x" + Long.toHexString(missing) + " bytes are missing; the core is truncated"),
                e.getMessage());
        if (past.size() > 1) {
            assertTrue(e.getMessage().endsWith(" (and " + (past.size() - 1) + " more segment" + (past.size() > 2 ? "s" : "")
                    + " past it)"), e.getMessage());
        }
        // Cut inside the load commands: the Mach-O reader says so.
        Files.write(cut, Arrays.copyOf(whole, 200));
        FormatException early = assertThrows(FormatException.class, () -> CoreFile.open(ByteSource.open(cut)));
        assertTrue(early.getMessage().contains("sizeofcmds"), early.getMessage());
    }

    private static byte[] core(CoreWriter w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(out);
        return out.toByteArray();
    }

    @Test
    void overlappingSegmentsAreAnErrorNamingBoth() throws IOException {
        byte[] data = new byte[0x100];
        byte[] c = core(new CoreWriter(CpuType.X86_64, 3)
                .segment(0xffffff8001e00000L, 0x2000, ByteSource.of(data, "a"), 5)
                .segment(0xffffff8001e01000L, 0x1000, ByteSource.of(data, "b"), 3));
        FormatException e = assertThrows(FormatException.class, () -> CoreFile.open(ByteSource.of(c, "overlap.core")));
        assertEquals("overlap.core: at offset 0x68: load command 1 LC_SEGMENT_64 [0xffffff8001e01000-0xffffff8001e02000) "
                + "segment 1 overlaps load command 0 LC_SEGMENT_64 [0xffffff8001e00000-0xffffff8001e02000) segment 0",
                e.getMessage());
    }

    @Test
    void zeroFillSegmentsReadAsZerosAndGapsFault() throws IOException {
        byte[] data = {1, 2, 3, 4};
        byte[] c = core(new CoreWriter(CpuType.X86_64, 3)
                .segment(0xffffff8001e00000L, 0x1000, ByteSource.of(data, "a"), 5)
                .segment(0xffffff8001e01000L, 0x1000, ByteSource.of(new byte[0], "zero"), 3)
                .segment(0xffffff8001e03000L, 0x1000, ByteSource.of(data, "c"), 3)
                .thread(List.of(ThreadState.x86_64(Map.of("rip", 1L)))));
        CoreFile f = CoreFile.open(ByteSource.of(c, "zf.core"));
        byte[] span = f.read(0xffffff8001e00ffeL, 4);
        assertArrayEquals(new byte[4], span);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 0, 0}, f.read(0xffffff8001e00000L, 6));
        MemoryFaultException gap = assertThrows(MemoryFaultException.class, () -> f.read(0xffffff8001e01ff0L, 0x20));
        assertEquals(0xffffff8001e02000L, gap.address());
        assertEquals(0x10, gap.readable());
        assertTrue(gap.getMessage().startsWith("core zf.core: address 0xffffff8001e02000 is not mapped"), gap.getMessage());
    }

    @Test
    void aKernelIsNotACore() throws IOException {
        FormatException e = assertThrows(FormatException.class,
                () -> CoreFile.open(ByteSource.open(SampleKernels.kernel("x86_64-dwarf4"))));
        assertTrue(e.getMessage().endsWith("not a core file: file type is MH_EXECUTE, not MH_CORE"), e.getMessage());
    }

    @Test
    void aNotPastTheEndOrOfAnUnknownVersion() throws IOException {
        byte[] ok = core(new CoreWriter(CpuType.X86_64, 3)
                .segment(0xffffff8001e00000L, 0x1000, ByteSource.of(new byte[4], "a"), 5)
                .note(MainBinSpec.OWNER, new byte[] {9, 0, 0, 0, 0, 0, 0, 0})
                .note("addrable bits", new byte[] {3, 0, 0, 0, 47, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
                .note("kern ver str", "\1\0\0\0Darwin Kernel Version 1; UUID=4c4c44a4-5555-3144-a175-a06b3cc89dad stext=0xffffff8001e00000\0"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        CoreNotes n = CoreFile.open(ByteSource.of(ok, "notes.core")).notes();
        assertTrue(n.mainBinSpec().isEmpty());
        assertEquals(List.of("load command 1 LC_NOTE \"main bin spec\": version 9 is not known; skipped"), n.warnings());
        assertEquals(47, n.addressableBits().orElseThrow());
        KernelVersionNote v = n.kernelVersion().orElseThrow();
        assertEquals("Darwin Kernel Version 1", v.banner());
        assertEquals("4C4C44A4-5555-3144-A175-A06B3CC89DAD", n.uuid().orElseThrow());
        assertEquals(0xffffff8001e00000L, v.stext().orElseThrow());

        // Point the first note's payload past the end of the file: LC_NOTE offset is at cmd + 24.
        int cmd = 32 + 72;
        java.nio.ByteBuffer.wrap(ok).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(cmd + 24, ok.length - 4);
        FormatException e = assertThrows(FormatException.class, () -> CoreFile.open(ByteSource.of(ok, "notes.core")));
        assertTrue(e.getMessage().contains("load command 1 LC_NOTE \"main bin spec\": payload ["), e.getMessage());
        assertTrue(e.getMessage().contains("runs past the end of the file"), e.getMessage());
    }
}
