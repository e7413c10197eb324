package dev.hagfish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.dwarf.RealInputs;
import dev.hagfish.dwarf.TypeReader;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.types.Layout;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report's facts equal pahole's: for every struct and union of the ELF inputs, the size, the
 * member count, each member's offset (a bit-field's storage unit and bit) and size, the byte and
 * bit holes in order, the padding and the bit padding of {@link StructReports} equal what pahole
 * 1.24 printed into the goldens: the sample DWARF in ELF copies (samples/expected/pahole, every
 * named struct and union, made by make-expected-pahole.sh) and every struct and union of
 * libc6-dbg's libc (samples/expected/report/libc-pahole.txt.gz, {@code pahole FILE}, and for the
 * eleven that are defined only inside functions, which that leaves out, libc-pahole-local.txt,
 * {@code pahole -C NAME FILE}; made by make-expected-report.sh). Layouts go through their JSON
 * round trip, as the index keeps them.
 *
 * <p>Where pahole is wrong (its nested anonymous type blocks, see {@link PaholeFormatTest}), the
 * blocks are removed from its text first and those structs are also checked against
 * llvm-dwarfdump's facts, as PaholeFormatTest does.
 */
class PaholeAgreementTest {
    private static final Pattern CACHELINE = Pattern.compile("-cacheline(\\d+)$");

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.hagfish.report.PaholeFormatTest#goldens")
    void everySampleStructAgreesWithPahole(String name) throws IOException {
        Matcher c = CACHELINE.matcher(name);
        String variant = c.find() ? name.substring(0, c.start()) : name;
        int cacheline = c.find(0) ? Integer.parseInt(c.group(1)) : Layout.DEFAULT_CACHELINE;
        TypeGraph g = TypeReader.read(DwarfLoader.fromMachO(GdbPtypeTest.dwarfFileOf(variant)));
        ReportOptions o = new ReportOptions(cacheline, false, false, 20);
        List<String> bad = new ArrayList<>();
        int structs = 0;
        for (var e : PaholeFormatTest.golden(PaholeFormatTest.GOLDENS.resolve(name + ".txt")).entrySet()) {
            if (e.getKey().startsWith("enum ") || e.getKey().startsWith("typedef ")) {
                continue;
            }
            structs++;
            Type.Struct s = PaholeFormatTest.find(g, e.getKey());
            if (s == null) {
                bad.add(e.getKey() + ": not found\n");
                continue;
            }
            PaholeFormatTest.Phantoms p = PaholeFormatTest.Phantoms.strip(e.getValue());
            Layout l = GdbPtypeTest.roundTrip(Layout.of(g, s));
            StructReport r = StructReports.of(new ReportedType(e.getKey(), l, null, 0), o).report();
            String theirs = PaholeFacts.of(p.text()).text();
            String ours = PaholeFacts.of(r).text();
            if (!theirs.equals(ours)) {
                bad.add("- pahole\n" + theirs + "+ hagfish\n" + ours);
            }
            if (p.removed() > 0) {
                PaholeFormatTest.Facts.check(variant, e.getKey(), l, bad);
            }
        }
        assertTrue(structs > 0, name);
        assertTrue(bad.isEmpty(), () -> bad.size() + " of the structs of " + name + " differ:\n" + String.join("", bad));
    }

    @Test
    void everyLibcStructAgreesWithPahole() throws IOException {
        List<PaholeFacts> pahole;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                GdbPtypeTest.SAMPLES.resolve("expected/report/libc-pahole.txt.gz")))) {
            pahole = PaholeFacts.all(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(pahole.size() > 400, pahole.size() + " structs in pahole's output");
        Path report = GdbPtypeTest.SAMPLES.resolve("expected/report");
        List<PaholeFacts> local = new ArrayList<>();
        for (String text : PaholeFormatTest.golden(report.resolve("libc-pahole-local.txt")).values()) {
            local.add(PaholeFacts.of(text.strip()));
        }
        List<String> localNames = Files.readAllLines(report.resolve("libc-local-types.txt"));
        assertEquals(localNames, local.stream().map(PaholeFacts::name).toList());
        TypeGraph g = TypeReader.read(RealInputs.dwarf(RealInputs.byId("libc6-dbg-libc")));
        // Every named struct and union definition the index would keep, by name.
        Map<String, List<String>> ours = new TreeMap<>();
        for (Type t : g.distinct()) {
            if (t instanceof Type.Struct s && !s.declaration() && s.name() != null) {
                Layout l = GdbPtypeTest.roundTrip(Layout.of(g, s));
                String name = (s.kind() == Type.Kind.UNION ? "union " : "struct ") + s.name();
                StructReport r = StructReports.of(new ReportedType(name, l, null, 0), ReportOptions.DEFAULT).report();
                ours.computeIfAbsent(name, k -> new ArrayList<>()).add(PaholeFacts.of(r).text());
            }
        }
        List<String> bad = new ArrayList<>();
        Map<String, List<String>> unmatched = new LinkedHashMap<>();
        ours.forEach((k, v) -> unmatched.put(k, new ArrayList<>(v)));
        List<PaholeFacts> all = new ArrayList<>(pahole);
        all.addAll(local);
        for (PaholeFacts f : all) {
            List<String> candidates = unmatched.get(f.name());
            if (candidates == null) {
                bad.add(f.name() + ": hagfish has no such struct\n");
            } else if (!candidates.remove(f.text())) {
                bad.add("- pahole\n" + f.text() + "+ hagfish (" + ours.get(f.name()).size() + " definitions)\n"
                        + String.join("", ours.get(f.name())));
            }
        }
        assertTrue(bad.isEmpty(), () -> bad.size() + " of pahole's " + pahole.size() + " libc structs differ:\n"
                + String.join("", bad));
        // pahole prints one struct per name and layout, leaving out those defined in functions only;
        // between them the two goldens name every struct hagfish has.
        TreeSet<String> names = new TreeSet<>(localNames);
        pahole.forEach(f -> names.add(f.name()));
        assertEquals(names, ours.keySet());
    }

    @Test
    void readsPaholesFactsOffItsText() {
        PaholeFacts f = PaholeFacts.of("""
                struct s {
                \tunsigned int               a:30;                 /*     0: 0  4 */

                \t/* XXX 2 bits hole, try to pack */

                \tchar                       c;                    /*     4     1 */
                \tunion {
                \t\tint                a;                    /*     8     4 */
                \t};                                               /*     8     4 */

                \t/* XXX 4 bytes hole, try to pack */

                \tlong                       l;                    /*    16     8 */

                \t/* size: 24, cachelines: 1, members: 4 */
                \t/* padding: 0 */
                };""");
        assertEquals("struct s", f.name());
        assertEquals(4, f.members().size());
        assertEquals(List.of(0L, 0L, 4L), List.of(f.members().get(0)[0], f.members().get(0)[1], f.members().get(0)[2]));
        assertEquals(List.of(8L, -1L, 4L), List.of(f.members().get(2)[0], f.members().get(2)[1], f.members().get(2)[2]));
        assertEquals(List.of("bits:2", "bytes:4"), f.holes());
        assertEquals(24, f.size());
        assertEquals(4, f.count());
        assertFalse(f.text().isEmpty());
    }
}
