package dev.hagfish.symbols;

import dev.hagfish.dwarf.AttrValue;
import dev.hagfish.dwarf.Die;
import dev.hagfish.dwarf.DieReader;
import dev.hagfish.dwarf.DwAt;
import dev.hagfish.dwarf.DwarfFuzzInput;
import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.dwarf.LineProgram;
import dev.hagfish.dwarf.LineRow;
import dev.hagfish.dwarf.UnitHeader;
import dev.hagfish.dwarf.UnitMutants;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.FuzzHarness;
import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of the sections the {@link Symbolizer} reads ({@code .debug_info},
 * {@code .debug_abbrev}, the range and address tables, {@code .debug_aranges},
 * {@code .debug_line}), for every sample with DWARF and the small real files
 * ({@link DwarfFuzzInput}), go through building a symbolizer (with and without the image's symbol
 * table where there is one) and through code and data queries: only {@link FormatException} may
 * escape, and nothing hangs ({@link FuzzHarness}). Each trial mutates the bytes one unit reads in
 * one section ({@link UnitMutants}) and queries addresses of that unit: rows of its line table
 * and the golden addresses among them.
 */
class SymbolizerFuzzTest {
    private static final int MUTATIONS = 10_000;
    private static final int QUERIES = 16;
    private static final List<String> MUTATED = List.of("debug_info", "debug_abbrev", "debug_ranges",
            "debug_rnglists", "debug_aranges", "debug_addr", "debug_line", "debug_str_offsets");

    @Test
    void mutantsOfEverySampleFailOnlyWithFormatException() throws IOException {
        FuzzHarness h = FuzzHarness.of("SymbolizerFuzzTest", MUTATIONS);
        for (DwarfFuzzInput in : DwarfFuzzInput.samples()) {
            String[] v = in.name().split(" ");
            boolean image = !v[0].equals("i386");
            SymbolRanges symbols = image ? SymbolizerTest.symbols(v[0], v.length > 1 ? v[1] : null) : null;
            fuzz(h, in, symbols, image ? golden(v[0], v.length > 1 ? v[1] : null) : new long[0]);
        }
    }

    @Test
    void mutantsOfTheRealFilesFailOnlyWithFormatException() throws IOException {
        FuzzHarness h = FuzzHarness.of("SymbolizerFuzzTest", MUTATIONS);
        for (DwarfFuzzInput in : DwarfFuzzInput.realFiles()) {
            fuzz(h, in, null, new long[0]);
        }
    }

    private static void fuzz(FuzzHarness h, DwarfFuzzInput in, SymbolRanges symbols, long[] golden)
            throws IOException {
        long[][] queries = queries(in, golden);
        h.run(in.name(), DwarfFuzzInput.SECTION_NAMES, UnitMutants.trial(in, MUTATED, 1 << 20, (s, unit, m) -> {
            boolean withSymbols = symbols != null && m != null && (m.index() & 1) == 0;
            Symbolizer z = withSymbols ? Symbolizer.of(s, symbols) : Symbolizer.of(s);
            for (long a : queries[unit]) {
                z.symbolizeData(a);
                z.symbolize(a);
            }
        }));
    }

    /**
     * Returns, per unit, up to {@value #QUERIES} addresses of its line table's rows and as many
     * golden addresses within the span of those rows.
     */
    private static long[][] queries(DwarfFuzzInput in, long[] golden) throws FormatException {
        DwarfSections s = in.sections();
        DieReader r = new DieReader(s);
        List<UnitHeader> headers = r.unitHeaders();
        long[][] out = new long[headers.size()][];
        for (int i = 0; i < headers.size(); i++) {
            Die top = r.cursor(r.unit(headers.get(i))).next();
            AttrValue stmt = top == null ? null : top.get(DwAt.STMT_LIST);
            long off = stmt instanceof AttrValue.SecOffset so ? so.offset()
                    : stmt instanceof AttrValue.Constant c ? c.value() : -1;
            long[] rows = off < 0 || s.get("debug_line").isEmpty() ? new long[0]
                    : LineProgram.read(s, off).rows().stream().mapToLong(LineRow::address).distinct().sorted().toArray();
            long[] mine = rows.length == 0 ? rows : Arrays.stream(golden)
                    .filter(a -> a >= rows[0] && a <= rows[rows.length - 1]).toArray();
            out[i] = LongStream.concat(Arrays.stream(spread(rows)), Arrays.stream(spread(mine))).toArray();
        }
        return out;
    }

    /** Returns up to {@value #QUERIES} of the values, evenly spaced. */
    private static long[] spread(long[] values) {
        int n = Math.min(QUERIES, values.length);
        long[] out = new long[n];
        for (int k = 0; k < n; k++) {
            out[k] = values[(int) ((long) k * values.length / n)];
        }
        return out;
    }

    /** Returns the addresses of a sample's golden queries (of one fat slice: {@code arch}). */
    private static long[] golden(String variant, String arch) throws IOException {
        List<Long> out = new ArrayList<>();
        for (String line : Files.readAllLines(SymbolizerTest.SAMPLES.resolve("expected/" + variant
                + "/symbolizer.jsonl"))) {
            if (arch != null && !line.contains("\"ModuleName\":\"kernels/fat/kernel:" + arch + "\"")) {
                continue;
            }
            int at = line.indexOf("\"Address\":\"") + 11;
            out.add(Unsigned.parseAddress(line.substring(at, line.indexOf('"', at))));
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
