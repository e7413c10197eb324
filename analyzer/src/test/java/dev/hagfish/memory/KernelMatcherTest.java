package dev.hagfish.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link KernelMatcher} among the three x86_64 builds of the sample kernel, which share their banner
 * and their addresses and differ in UUID.
 */
class KernelMatcherTest {
    private static List<KernelFacts> all() throws IOException {
        return List.of(SampleKernels.facts("x86_64-dwarf2"), SampleKernels.facts("x86_64-dwarf5"),
                SampleKernels.facts("x86_64-dwarf4"));
    }

    @Test
    void theCoreWithNotesIsMatchedByItsUuid() throws IOException {
        CoreFile core = CoreFileTest.open(CoreFileTest.CORE);
        KernelMatcher.Match m = new KernelMatcher(core, core.notes()).identify(all());
        assertEquals(CoreFileTest.uuid(), m.kernel().uuid());
        assertEquals("LC_NOTE main bin spec UUID", m.evidence());
        IdentityException e = assertThrows(IdentityException.class,
                () -> new KernelMatcher(core, core.notes()).identify(List.of(all().get(0))));
        assertTrue(e.getMessage().endsWith("is of kernel " + CoreFileTest.uuid()
                + " (LC_NOTE main bin spec UUID), which is not indexed: index that kernel first (hagfish index KERNEL)"),
                e.getMessage());
    }

    @Test
    void theCoreWithoutNotesIsMatchedByBannerThenByTheHeadersUuid() throws IOException {
        CoreFile core = CoreFileTest.open(CoreFileTest.NONOTE);
        KernelMatcher.Match m = new KernelMatcher(core, core.notes()).identify(all());
        assertEquals(CoreFileTest.uuid(), m.kernel().uuid());
        assertEquals("version banner via lowGlo lgVersion, and the Mach-O header's UUID at "
                + Unsigned.hex(SampleLayout.segment("__TEXT")[0] + LldbMemoryRows.NONOTE_SLIDE), m.evidence());
        KernelMatcher.Match alone = new KernelMatcher(core, core.notes()).identify(List.of(SampleKernels.facts("x86_64-dwarf4")));
        assertEquals("version banner via lowGlo lgVersion", alone.evidence());
    }

    @Test
    void theRawDumpIsMatchedByTheBannerInMemory() throws IOException {
        SegmentSpace raw = RawDumpTest.open(RawDump.parse(RawDumpTest.RAW + "@" + Unsigned.hex(RawDumpTest.base())));
        KernelMatcher.Match m = new KernelMatcher(raw, CoreNotes.NONE).identify(all());
        assertEquals(CoreFileTest.uuid(), m.kernel().uuid());
        assertEquals("version banner in memory, and the Mach-O header's UUID at "
                + Unsigned.hex(SampleLayout.segment("__TEXT")[0] + LldbMemoryRows.NONOTE_SLIDE), m.evidence());
    }

    @Test
    void noMatchingKernelIsReported() throws IOException {
        CoreFile core = CoreFileTest.open(CoreFileTest.NONOTE);
        KernelFacts k = SampleKernels.facts("x86_64-dwarf4");
        KernelFacts other = new KernelFacts("00000000-0000-0000-0000-000000000000", k.arch(), k.textBase(),
                k.versionAddress(), Optional.of("Darwin Kernel Version 99"), k.lowGlo(), k.lowGloStext());
        IdentityException e = assertThrows(IdentityException.class,
                () -> new KernelMatcher(core, core.notes()).identify(List.of(other)));
        assertEquals("no indexed kernel matches core " + CoreFileTest.open(CoreFileTest.NONOTE).describe().substring(5)
                + " (lgVersion at 0xffffff8000002030 points to \"" + CoreFileTest.BANNER
                + "\", which no indexed kernel has): index its kernel, or name it with --kernel", e.getMessage());
    }
}
