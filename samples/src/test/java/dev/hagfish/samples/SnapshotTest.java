package dev.hagfish.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.MainBinSpec;
import dev.hagfish.macho.NoteCommand;
import dev.hagfish.macho.RebaseInfo;
import dev.hagfish.macho.SegmentCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The snapshots are the kernel as booted: every byte equals the kernel file's, except the pointers
 * that the rebase opcodes name, which carry the slide.
 */
class SnapshotTest {
    static final Path SAMPLES = SampleCorpusTest.SAMPLES;
    static final long LOWGLO = 0xffffff8000002000L;

    static MachOFile open(String rel) throws IOException {
        return MachOFile.parse(ByteSource.open(SAMPLES.resolve(rel)));
    }

    private static void assertBootedImage(MachOFile kernel, MachOFile core, long slide) throws IOException {
        Set<Long> pointers = new HashSet<>(RebaseInfo.pointers(kernel));
        assertTrue(pointers.size() > 100, "only " + pointers.size() + " rebased pointers");
        int checkedSegments = 0;
        for (SegmentCommand seg : kernel.segments()) {
            if (seg.segName().equals("__LINKEDIT")) {
                continue;
            }
            SegmentCommand coreSeg = core.segments().stream()
                    .filter(s -> s.vmaddr() == seg.vmaddr() + slide).findFirst()
                    .orElseThrow(() -> new AssertionError("no core segment at " + Unsigned.hex(seg.vmaddr() + slide)));
            assertEquals(seg.vmsize(), coreSeg.vmsize(), seg.segName());
            assertEquals(seg.filesize(), coreSeg.filesize(), seg.segName());
            byte[] file = kernel.source().bytes(seg.fileoff(), (int) seg.filesize());
            byte[] mem = core.source().bytes(coreSeg.fileoff(), (int) coreSeg.filesize());
            for (int i = 0; i < file.length; i++) {
                long addr = seg.vmaddr() + i;
                if (pointers.contains(addr)) {
                    long f = kernel.source().u64(seg.fileoff() + i);
                    long m = core.source().u64(coreSeg.fileoff() + i);
                    assertEquals(f + slide, m, "pointer at " + Unsigned.hex(addr));
                    i += 7;
                } else {
                    assertEquals(file[i], mem[i], "byte at " + Unsigned.hex(addr));
                }
            }
            checkedSegments++;
        }
        assertTrue(checkedSegments >= 2);
        // The low-memory alias of lowGlo starts with the x86_64 signature.
        SegmentCommand low = core.segments().stream().filter(s -> s.vmaddr() == LOWGLO).findFirst().orElseThrow();
        assertEquals("Catfish ", core.source().cstring(low.fileoff(), 8));
    }

    @Test
    void theFirstCoreIsTheKernelAtSlide1c00000WithItsNotes() throws IOException {
        MachOFile kernel = open("kernels/x86_64-dwarf4/kernel");
        MachOFile core = open("snapshots/x86_64-dwarf4.core");
        assertBootedImage(kernel, core, 0x1c00000L);
        List<NoteCommand> notes = core.commands(NoteCommand.class);
        assertEquals(List.of("main bin spec", "kern ver str", "addrable bits"),
                notes.stream().map(NoteCommand::dataOwner).toList());
        MainBinSpec spec = MainBinSpec.decode(core.source(), notes.get(0).offset(), notes.get(0).size());
        assertArrayEquals(kernel.uuid().orElseThrow().uuid(), spec.uuid());
        assertEquals(0x1c00000L, spec.slide());
        assertEquals(0xffffff8000200000L + 0x1c00000L, spec.address());
        assertTrue(core.source().cstring(notes.get(1).offset() + 4, 200).startsWith("Darwin Kernel Version 11.3.0"));
    }

    @Test
    void theSecondCoreHasNoNotesAndAnotherSlide() throws IOException {
        MachOFile kernel = open("kernels/x86_64-dwarf4/kernel");
        MachOFile core = open("snapshots/x86_64-dwarf4-nonote.core");
        assertBootedImage(kernel, core, 0x4600000L);
        assertEquals(List.of(), core.commands(NoteCommand.class));
    }

    @Test
    void theRawDumpIsTheSecondCoresMemory() throws IOException {
        long base = Unsigned.parseAddress(Files.readString(SAMPLES.resolve("snapshots/raw-base.txt")).strip());
        assertEquals(0xffffff8004800000L, base);
        ByteSource raw = ByteSource.open(SAMPLES.resolve("snapshots/x86_64-dwarf4-slide4600000.raw"));
        MachOFile core = open("snapshots/x86_64-dwarf4-nonote.core");
        int compared = 0;
        for (SegmentCommand seg : core.segments()) {
            if (seg.vmaddr() == LOWGLO) {
                continue;
            }
            long rawOff = seg.vmaddr() - base;
            assertArrayEquals(core.source().bytes(seg.fileoff(), (int) seg.filesize()),
                    raw.bytes(rawOff, (int) seg.filesize()), Unsigned.hex(seg.vmaddr()));
            compared++;
        }
        assertTrue(compared >= 2);
    }

    @Test
    void theGzipCopyInflatesToTheFirstCore() throws IOException {
        byte[] core = Files.readAllBytes(SAMPLES.resolve("snapshots/x86_64-dwarf4.core"));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SAMPLES.resolve("snapshots/x86_64-dwarf4.core.gz")))) {
            assertArrayEquals(core, in.readAllBytes());
        }
    }
}
