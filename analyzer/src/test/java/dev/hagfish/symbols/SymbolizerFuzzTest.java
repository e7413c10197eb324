package dev.hagfish.symbols;

import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.FuzzHarness;
import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.nio.file.Files;
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
 * escape, and nothing hangs ({@link FuzzHarness}). One section is mutated at a time.
 */
class SymbolizerFuzzTest {
    private static final int MUTATIONS_PER_DSYM = 2_500;
    private static final List<String> MUTATED = List.of("debug_info", "debug_abbrev", "debug_ranges",
            "debug_rnglists", "debug_aranges", "debug_addr", "debug_line", "debug_str_offsets");

    @Test
    void mutantsFailOnlyWithFormatException() throws IOException {
        FuzzHarness h = FuzzHarness.of("SymbolizerFuzzTest", MUTATIONS_PER_DSYM);
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
            h.run(v, bytes.keySet(), m -> {
                Random pick = m.random();
                String target = present.get(pick.nextInt(present.size()));
                m.note(target);
                Map<String, ByteSource> mutated = new HashMap<>();
                bytes.forEach((k, b) -> mutated.put(k, ByteSource.of(k.equals(target) ? m.mutate(b, 1 << 20) : b, k)));
                DwarfSections s = DwarfSections.of(mutated);
                Symbolizer z = (m.index() & 1) == 0 ? Symbolizer.of(s, symbols) : Symbolizer.of(s);
                for (int k = 0; k < 8; k++) {
                    long a = addresses[pick.nextInt(addresses.length)];
                    z.symbolizeData(a);
                    z.symbolize(a);
                }
            });
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
