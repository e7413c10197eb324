package dev.hagfish.dwarf;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hagfish.elf.ElfFile;
import dev.hagfish.elf.ElfSection;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.Mutator;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of a small real ELF debug file (libpcprofile.so's, from libc6-dbg) go through
 * {@link ElfFile}, {@link DwarfLoader#fromElf}, {@link DwarfSummary} and a walk of every DIE: only
 * {@link FormatException} may escape, and nothing hangs. Each mutant changes one region: the ELF
 * header, the section header table (with the name table after it), or the bytes of one
 * compressed debug section (its {@code Elf64_Chdr} and zlib stream). A mutation may also shorten
 * the region, which shifts what follows.
 */
class RealDwarfFuzzTest {
    private static final int MUTATIONS = 12_000;

    /** A byte range of the file. */
    private record Region(String name, int start, int end) {}

    @Test
    void mutantsOfARealDebugFileFailOnlyWithFormatException() throws IOException {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("RealDwarfFuzzTest seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
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
        Random pick = new Random(seed);
        Mutator m = new Mutator(seed, 64);
        int[] failures = new int[1];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < MUTATIONS; i++) {
                Region r = regions.get(pick.nextInt(regions.size()));
                byte[] mutant = splice(original, r, m.mutate(java.util.Arrays.copyOfRange(original, r.start(), r.end())));
                try {
                    ElfFile f = ElfFile.parse(ByteSource.of(mutant, "mutant"));
                    DwarfSections d = DwarfLoader.fromElf(f);
                    if (d.get("debug_info").isPresent() && d.get("debug_abbrev").isPresent()) {
                        DwarfSummary.of(d);
                        DwarfFuzzTest.readAll(d);
                    }
                } catch (FormatException expected) {
                    failures[0]++;
                } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                    fail("mutant " + i + " of " + r.name() + " (seed " + seed + "): " + e, e);
                }
            }
        });
        // Most mutants must be caught; a few land in bytes nothing reads.
        assertTrue(failures[0] > MUTATIONS / 3, "only " + failures[0] + " mutants were rejected");
    }

    private static byte[] splice(byte[] file, Region r, byte[] replacement) {
        byte[] out = new byte[file.length - (r.end() - r.start()) + replacement.length];
        System.arraycopy(file, 0, out, 0, r.start());
        System.arraycopy(replacement, 0, out, r.start(), replacement.length);
        System.arraycopy(file, r.end(), out, r.start() + replacement.length, file.length - r.end());
        return out;
    }
}
