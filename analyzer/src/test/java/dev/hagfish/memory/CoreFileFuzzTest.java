package dev.hagfish.memory;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.FuzzHarness;
import dev.hagfish.macho.ThreadCommand;
import dev.hagfish.macho.ThreadState;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of both sample cores go through {@link CoreFile} (load commands, segments,
 * notes, threads), a read of every mapped range's ends, {@link KernelMatcher} and
 * {@link SlideDetector}: only a {@link FormatException} naming the input may escape (a
 * {@link MemoryFaultException} or {@link IdentityException} is a legitimate answer about a mutant),
 * nothing hangs, nothing allocates from a mutated length ({@link FuzzHarness}).
 */
class CoreFileFuzzTest {
    private static final int MUTATIONS = 5_000;

    static void exercise(byte[] data, List<KernelFacts> kernels) throws FormatException {
        CoreFile core = CoreFile.open(ByteSource.of(data, "mutant"));
        for (ThreadCommand t : core.threads()) {
            t.states().forEach(ThreadState::registers);
        }
        for (MappedRange r : core.ranges()) {
            try {
                core.read(r.start(), (int) Math.min(r.size(), 64));
                core.read(r.end() - 1, 1);
            } catch (FormatException e) {
                throw e;
            } catch (IOException e) {
                throw new AssertionError("a mapped byte faulted: " + e.getMessage(), e);
            }
        }
        try {
            KernelMatcher.Match m = new KernelMatcher(core, core.notes()).identify(kernels);
            new SlideDetector(core, core.notes()).detect(m.kernel());
        } catch (IdentityException e) {
            // The mutant is of no known kernel, or hides its slide: a fair answer.
        }
    }

    @Test
    void mutantsOfTheSampleCoresFailOnlyWithFormatException() throws IOException {
        FuzzHarness h = FuzzHarness.of("CoreFileFuzzTest", MUTATIONS);
        List<KernelFacts> kernels = List.of(SampleKernels.facts("x86_64-dwarf4"), SampleKernels.facts("x86_64-dwarf5"));
        for (String core : List.of(CoreFileTest.CORE, CoreFileTest.NONOTE)) {
            byte[] original = Files.readAllBytes(LldbMemoryRows.SAMPLES.resolve(core));
            exercise(original, kernels);
            h.run(core, List.of("mutant"), m -> exercise(m.mutate(original, 4096), kernels));
        }
    }
}
