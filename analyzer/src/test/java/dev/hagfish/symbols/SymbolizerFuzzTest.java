package dev.hagfish.symbols;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.Mutator;
import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of the sections the {@link Symbolizer} reads ({@code .debug_info},
 * {@code .debug_abbrev}, the range and address tables, {@code .debug_aranges},
 * {@code .debug_line}) go through building a symbolizer, with and without a symbol table, and
 * through code and data queries at the golden addresses: only {@link FormatException} may
 * escape, and nothing hangs. One section is mutated at a time.
 */
class SymbolizerFuzzTest {
    private static final int MUTATIONS_PER_DSYM = 2_500;
    private static final List<String> MUTATED = List.of("debug_info", "debug_abbrev", "debug_ranges",
            "debug_rnglists", "debug_aranges", "debug_addr", "debug_line", "debug_str_offsets");

    @Test
    void mutantsFailOnlyWithFormatException() throws IOException {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("SymbolizerFuzzTest seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        for (String v : List.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5")) {
            DwarfSections original = SymbolizerTest.dwarf(v, null);
            SymbolRanges symbols = SymbolizerTest.symbols(v, null);
            Map<String, byte[]> bytes = new HashMap<>();
            for (String name : original.sizes().keySet()) {
                ByteSource b = original.get(name).orElseThrow();
                bytes.put(name, b.bytes(0, (int) b.size()));
            }
            long[] addresses = addresses(v);
            List<String> present = MUTATED.stream().filter(bytes::containsKey).toList();
            Mutator m = new Mutator(seed ^ v.hashCode(), 1 << 20);
            Random pick = new Random(seed + v.hashCode());
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 0; i < MUTATIONS_PER_DSYM; i++) {
                    String target = present.get(pick.nextInt(present.size()));
                    Map<String, ByteSource> mutated = new HashMap<>();
                    bytes.forEach((k, b) -> mutated.put(k, ByteSource.of(k.equals(target) ? m.mutate(b) : b, k)));
                    try {
                        DwarfSections s = DwarfSections.of(mutated);
                        Symbolizer z = (i & 1) == 0 ? Symbolizer.of(s, symbols) : Symbolizer.of(s);
                        for (int k = 0; k < 8; k++) {
                            long a = addresses[pick.nextInt(addresses.length)];
                            z.symbolizeData(a);
                            z.symbolize(a);
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

    private static long[] addresses(String variant) throws IOException {
        List<Long> out = new ArrayList<>();
        for (String line : Files.readAllLines(SymbolizerTest.SAMPLES.resolve("expected/" + variant
                + "/symbolizer.jsonl"))) {
            int at = line.indexOf("\"Address\":\"") + 11;
            out.add(Unsigned.parseAddress(line.substring(at, line.indexOf('"', at))));
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
