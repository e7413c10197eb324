package dev.hagfish.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SlideDetector} on the sample snapshots, whose slides build.sh chose (0x1c00000 with
 * LC_NOTEs, 0x4600000 without): each resolves by the method its contents allow, and the others
 * check it.
 */
class SlideDetectorTest {
    @TempDir
    Path tmp;

    private static Map<SlideMethod, SlideCheck.Outcome> outcomes(SlideReport r) {
        return r.checks().stream().collect(Collectors.toMap(SlideCheck::method, SlideCheck::outcome));
    }

    @Test
    void theCoreWithNotesResolvesByTheLcNoteAndEveryOtherMethodAgrees() throws IOException {
        CoreFile core = CoreFileTest.open(CoreFileTest.CORE);
        KernelFacts k = SampleKernels.facts("x86_64-dwarf4");
        SlideReport r = new SlideDetector(core, core.notes()).detect(k);
        assertEquals(LldbMemoryRows.SLIDE, r.slide());
        assertEquals(SlideMethod.LC_NOTE, r.method());
        assertEquals(Map.of(SlideMethod.LOWGLO, SlideCheck.Outcome.AGREES, SlideMethod.VERSION, SlideCheck.Outcome.AGREES,
                SlideMethod.MACHO_HEADER, SlideCheck.Outcome.AGREES), outcomes(r));
        assertEquals(Optional.of(k.uuid()), r.memoryUuid());
        assertEquals(List.of(), r.disagreements());
    }

    @Test
    void theCoreWithoutNotesResolvesByLowGlo() throws IOException {
        CoreFile core = CoreFileTest.open(CoreFileTest.NONOTE);
        SlideReport r = new SlideDetector(core, core.notes()).detect(SampleKernels.facts("x86_64-dwarf4"));
        assertEquals(LldbMemoryRows.NONOTE_SLIDE, r.slide());
        assertEquals(SlideMethod.LOWGLO, r.method());
        assertTrue(r.detail().startsWith("lgStext " + Unsigned.hex(SampleLayout.symbol("__start") + LldbMemoryRows.NONOTE_SLIDE)
                + " at 0xffffff8000002010"), r.detail());
        assertEquals(Map.of(SlideMethod.LC_NOTE, SlideCheck.Outcome.UNAVAILABLE, SlideMethod.VERSION,
                SlideCheck.Outcome.AGREES, SlideMethod.MACHO_HEADER, SlideCheck.Outcome.AGREES), outcomes(r));
    }

    @Test
    void theRawDumpResolvesByTheVersionBanner() throws IOException {
        SegmentSpace raw = RawDumpTest.open(RawDump.parse(RawDumpTest.RAW + "@" + Unsigned.hex(RawDumpTest.base())));
        SlideReport r = new SlideDetector(raw, CoreNotes.NONE).detect(SampleKernels.facts("x86_64-dwarf4"));
        assertEquals(LldbMemoryRows.NONOTE_SLIDE, r.slide());
        assertEquals(SlideMethod.VERSION, r.method());
        assertEquals(Map.of(SlideMethod.LC_NOTE, SlideCheck.Outcome.UNAVAILABLE, SlideMethod.LOWGLO,
                SlideCheck.Outcome.UNAVAILABLE, SlideMethod.MACHO_HEADER, SlideCheck.Outcome.AGREES), outcomes(r));
    }

    @Test
    void theGzippedCoreResolvesLikeTheCore() throws IOException {
        CoreFile core = CoreFile.open(CompressedInput.open(CompressedInputTest.GZ, CompressedInputTest.unbounded(tmp), Progress.NONE));
        SlideReport r = new SlideDetector(core, core.notes()).detect(SampleKernels.facts("x86_64-dwarf4"));
        assertEquals(LldbMemoryRows.SLIDE, r.slide());
        assertEquals(SlideMethod.LC_NOTE, r.method());
    }

    @Test
    void withoutLowGloOrVersionTheMachOHeaderScanFindsIt() throws IOException {
        KernelFacts k = SampleKernels.facts("x86_64-dwarf4");
        KernelFacts bare = new KernelFacts(k.uuid(), k.arch(), k.textBase(), Optional.empty(), Optional.empty(),
                Optional.empty(), k.textBase());
        CoreFile core = CoreFileTest.open(CoreFileTest.NONOTE);
        SlideReport r = new SlideDetector(core, core.notes()).detect(bare);
        assertEquals(LldbMemoryRows.NONOTE_SLIDE, r.slide());
        assertEquals(SlideMethod.MACHO_HEADER, r.method());
        assertEquals("Mach-O header with UUID " + k.uuid() + " at " + Unsigned.hex(k.textBase() + LldbMemoryRows.NONOTE_SLIDE)
                + ", minus __TEXT " + Unsigned.hex(k.textBase()), r.detail());
    }

    @Test
    void aWrongSlideIsContradictedAndAnotherKernelIsNotFound() throws IOException {
        CoreFile core = CoreFileTest.open(CoreFileTest.CORE);
        KernelFacts k = SampleKernels.facts("x86_64-dwarf4");
        SlideReport r = new SlideDetector(core, core.notes()).check(k, LldbMemoryRows.SLIDE + 0x1000);
        assertEquals(SlideMethod.GIVEN, r.method());
        assertEquals(4, r.checks().size());
        assertEquals(4, r.disagreements().size(), r.checks().toString());
        assertEquals(LldbMemoryRows.SLIDE, r.checks().get(0).slide().orElseThrow());
        assertEquals(LldbMemoryRows.SLIDE, r.checks().get(1).slide().orElseThrow());
        assertEquals("no Mach-O header with a UUID at " + Unsigned.hex(k.textBase() + LldbMemoryRows.SLIDE + 0x1000),
                r.checks().get(3).detail());
        // A slide that puts the kernel outside the core: the banner and header cannot tell.
        SlideReport far = new SlideDetector(core, core.notes()).check(k, 0x200000);
        assertEquals(SlideCheck.Outcome.UNAVAILABLE, far.checks().get(3).outcome());
        assertEquals("__TEXT + slide, " + Unsigned.hex(k.textBase() + 0x200000) + ", is not mapped", far.checks().get(3).detail());

        // The DWARF 2 build has another UUID and other addresses: the note is not for it, and its
        // header and banner are not where its addresses put them.
        KernelFacts other = SampleKernels.facts("x86_64-dwarf2");
        IdentityException e = assertThrows(IdentityException.class,
                () -> new SlideDetector(core, core.notes()).detect(new KernelFacts(other.uuid(), other.arch(),
                        other.textBase(), other.versionAddress(), Optional.of("Darwin Kernel Version 0"), Optional.empty(),
                        other.textBase())));
        assertTrue(e.getMessage().startsWith("no method found the slide of kernel " + other.uuid() + " in core "), e.getMessage());
        assertTrue(e.getMessage().contains("LC_NOTE main bin spec: main bin spec names kernel " + k.uuid() + ", not "
                + other.uuid()), e.getMessage());
        assertTrue(e.getMessage().endsWith("give it with --slide"), e.getMessage());
    }

    @Test
    void aNoteWithTheLoadAddressOnlyGivesTheSlideToo() throws IOException {
        byte[] uuid = java.util.HexFormat.of().parseHex(SampleKernels.facts("x86_64-dwarf4").uuid().replace("-", ""));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new dev.hagfish.macho.CoreWriter(dev.hagfish.macho.CpuType.X86_64, 3)
                .segment(0xffffff8001e00000L, 0x1000, ByteSource.of(new byte[4], "a"), 5)
                .note(dev.hagfish.macho.MainBinSpec.OWNER, java.util.Arrays.copyOf(
                        new dev.hagfish.macho.MainBinSpec(2, 1, 0xffffff8001e00000L, -1L, uuid, 12, 0).encodeV2(), 48))
                .write(out);
        CoreFile core = CoreFile.open(ByteSource.of(out.toByteArray(), "v.core"));
        SlideReport r = new SlideDetector(core, core.notes()).detect(SampleKernels.facts("x86_64-dwarf4"));
        assertEquals(LldbMemoryRows.SLIDE, r.slide());
        assertTrue(r.detail().startsWith("main bin spec gives the load address 0xffffff8001e00000"), r.detail());
    }

    /** A banner at several page-aligned slides: the header's confirmation wins, else the nearest non-negative slide. */
    @Test
    void ofSeveralBannersTheConfirmedThenTheNearestWins() throws IOException {
        KernelFacts k = SampleKernels.facts("x86_64-dwarf4");
        long version = k.versionAddress().orElseThrow();
        byte[] banner = (k.version().orElseThrow() + "\0").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        // One mapping from version - 0x3000 to version + 0x10000, with the banner at slides -0x1000,
        // +0x3000 and +0x6000, and nothing else.
        long start = version - 0x3000;
        byte[] mem = new byte[0x13000];
        for (long slide : new long[] {-0x1000, 0x3000, 0x6000}) {
            System.arraycopy(banner, 0, mem, (int) (version + slide - start), banner.length);
        }
        SegmentSpace s = new SegmentSpace("m", java.nio.ByteOrder.LITTLE_ENDIAN, List.of(
                new Mapping(start, mem.length, ByteSource.of(mem, "m"), 0, mem.length, "m")));
        SlideReport r = new SlideDetector(s, CoreNotes.NONE).detect(k);
        assertEquals(0x3000, r.slide());
        assertTrue(r.detail().endsWith("(the nearest of 3 places)"), r.detail());
        // Only a negative slide: found last.
        byte[] low = new byte[0x13000];
        System.arraycopy(banner, 0, low, (int) (version - 0x1000 - start), banner.length);
        SegmentSpace l = new SegmentSpace("l", java.nio.ByteOrder.LITTLE_ENDIAN, List.of(
                new Mapping(start, low.length, ByteSource.of(low, "l"), 0, low.length, "l")));
        assertEquals(-0x1000, new SlideDetector(l, CoreNotes.NONE).detect(k).slide());

        // The kernel's Mach-O header at __TEXT + 0x6000 confirms the third.
        byte[] header = CoreFileTest.open(CoreFileTest.CORE).read(k.textBase() + LldbMemoryRows.SLIDE, 0x600);
        System.arraycopy(header, 0, mem, (int) (k.textBase() + 0x6000 - start), header.length);
        SegmentSpace withHeader = new SegmentSpace("h", java.nio.ByteOrder.LITTLE_ENDIAN, List.of(
                new Mapping(start, mem.length, ByteSource.of(mem, "m"), 0, mem.length, "m")));
        SlideReport c = new SlideDetector(withHeader, CoreNotes.NONE).detect(k);
        assertEquals(0x6000, c.slide());
        assertTrue(c.detail().endsWith("(the Mach-O header confirms this one of 2 places)"), c.detail());
    }

    /** A zero-fill segment of 2^60 bytes (a hang the fuzz test found) costs the scans nothing. */
    @Test
    void hugeZeroFillIsNotScanned() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new dev.hagfish.macho.CoreWriter(dev.hagfish.macho.CpuType.X86_64, 3)
                .segment(0xf000000000000000L, 1L << 60, ByteSource.of(new byte[16], "zero"), 3)
                .write(out);
        CoreFile core = CoreFile.open(ByteSource.of(out.toByteArray(), "huge.core"));
        KernelFacts k = SampleKernels.facts("x86_64-dwarf4");
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            assertThrows(IdentityException.class, () -> new SlideDetector(core, core.notes()).detect(k));
            assertThrows(IdentityException.class, () -> new KernelMatcher(core, core.notes()).identify(List.of(k)));
        });
    }
}
