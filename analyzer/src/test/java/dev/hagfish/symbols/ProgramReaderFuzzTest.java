package dev.hagfish.symbols;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hagfish.dwarf.AddressRange;
import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.Mutator;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of the sections {@link ProgramReader} reads ({@code .debug_info},
 * {@code .debug_abbrev}, the range, address and string-offset tables, {@code .debug_line}) go
 * through reading a program on two threads and through its lookups by name and address: only
 * {@link FormatException} may escape, and nothing hangs. One section is mutated at a time.
 */
class ProgramReaderFuzzTest {
    private static final int MUTATIONS_PER_DSYM = 1_500;
    private static final List<String> MUTATED = List.of("debug_info", "debug_abbrev", "debug_ranges",
            "debug_rnglists", "debug_addr", "debug_line", "debug_str_offsets");

    @Test
    void mutantsFailOnlyWithFormatException() throws IOException {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("ProgramReaderFuzzTest seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        for (String v : List.of("x86_64-dwarf2", "x86_64-dwarf5")) {
            DwarfSections original = SymbolizerTest.dwarf(v, null);
            Map<String, byte[]> bytes = new HashMap<>();
            for (String name : original.sizes().keySet()) {
                ByteSource b = original.get(name).orElseThrow();
                bytes.put(name, b.bytes(0, (int) b.size()));
            }
            List<String> present = MUTATED.stream().filter(bytes::containsKey).toList();
            Mutator m = new Mutator(seed ^ v.hashCode(), 1 << 20);
            Random pick = new Random(seed + v.hashCode());
            assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
                for (int i = 0; i < MUTATIONS_PER_DSYM; i++) {
                    String target = present.get(pick.nextInt(present.size()));
                    Map<String, ByteSource> mutated = new HashMap<>();
                    bytes.forEach((k, b) -> mutated.put(k, ByteSource.of(k.equals(target) ? m.mutate(b) : b, k)));
                    try {
                        Program p = ProgramReader.read(DwarfSections.of(mutated), 2);
                        for (Function f : p.functions()) {
                            for (AddressRange r : f.ranges()) {
                                p.functionAt(r.low());
                                p.inlinedAt(r.low());
                            }
                            if (f.name() != null) {
                                p.functionsNamed(f.name());
                            }
                        }
                        for (Variable x : p.variables()) {
                            x.address().ifPresent(p::variablesAt);
                        }
                    } catch (FormatException expected) {
                        // The one allowed failure.
                    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                        fail(v + " mutant " + i + " of " + target + " (seed " + seed + "): " + e, e);
                    }
                }
            }, v);
        }
    }
}
