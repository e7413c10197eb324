package dev.hagfish.dwarf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.elf.ElfFile;
import dev.hagfish.elf.ElfSection;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.FuzzHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of a small real ELF debug file (libpcprofile.so's, from libc6-dbg) go through
 * {@link ElfFile}, {@link DwarfLoader#fromElf}, {@link DwarfSummary} and a walk of every DIE: only
 * {@link FormatException} may escape, and nothing hangs ({@link FuzzHarness}). Each mutant changes
 * one region: the ELF header, the section header table (with the name table after it), or the
 * bytes of one compressed debug section (its {@code Elf64_Chdr} and zlib stream). A mutation may
 * also shorten the region, which shifts what follows.
 */
class RealDwarfFuzzTest {
    private static final int MUTATIONS = 12_000;

    /** A byte range of the file. */
    private record Region(String name, int start, int end) {}

    @Test
    void mutantsOfARealDebugFileFailOnlyWithFormatException() throws IOException {
        FuzzHarness h = FuzzHarness.of("RealDwarfFuzzTest", MUTATIONS);
        byte[] original = Files.readAllBytes(RealInputs.locate(RealInputs.byId("libc6-dbg-libpcprofile")));
        ElfFile elf = ElfFile.parse(ByteSource.of(original, "libpcprofile.debug"));
        DwarfFuzzTest.readAll(DwarfLoader.fromElf(elf));
        List<Region> regions = new ArrayList<>();
        regions.add(new Region("ELF header", 0, 64));
        int shoff = Math.toIntExact(elf.header().shoff());
        ElfSection names = elf.sections().get((int) elf.header().shstrndx());
        regions.add(new Region("section headers", Math.min(shoff, (int) names.offset()), original.length));
        for (ElfSection s : elf.sections()) {
            if (s.isCompressed() && !s.isNoBits()) {
                regions.add(new Region(s.name(), (int) s.offset(), (int) (s.offset() + s.size())));
            }
        }
        assertTrue(regions.size() >= 7, "only " + regions.size() + " regions");
        FuzzHarness.Result r = h.run("libpcprofile.debug", List.of("mutant", "debug_"), m -> {
            Region region = regions.get(m.random().nextInt(regions.size()));
            m.note(region.name());
            byte[] mutant = m.mutate(original, region.start(), region.end(), 64);
            ElfFile f = ElfFile.parse(ByteSource.of(mutant, "mutant"));
            DwarfSections d = DwarfLoader.fromElf(f);
            if (d.get("debug_info").isPresent() && d.get("debug_abbrev").isPresent()) {
                DwarfSummary.of(d);
                DwarfFuzzTest.readAll(d);
            }
        });
        // Most mutants must be caught; a few land in bytes nothing reads.
        assertTrue(r.mutations() < 2 || r.rejected() > r.mutations() / 3, "only " + r.rejected() + " mutants were rejected");
    }
}
