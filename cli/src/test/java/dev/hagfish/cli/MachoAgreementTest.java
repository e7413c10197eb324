package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code macho symbols --json} equals {@code llvm-nm-19 -n}, and the segments and sections of
 * {@code macho loadcmds --json} equal {@code llvm-otool-19 -l}, on every sample kernel, dSYM and
 * object (golden files in samples/expected).
 */
class MachoAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VARIANTS = List.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5");

    private static JsonNode run(String... args) throws IOException {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.err());
        return JSON.readTree(r.out());
    }

    /** Formats our JSON rows as llvm-nm prints them. */
    private static List<String> nmLines(JsonNode listing, boolean wide) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : listing.get("symbols")) {
            String addr = s.get("address").isNull() ? " ".repeat(wide ? 16 : 8)
                    : s.get("address").asText().substring(wide ? 2 : 10);
            out.add(addr + " " + s.get("type").asText() + " " + s.get("name").asText());
        }
        return out;
    }

    @Test
    void symbolsEqualLlvmNmOnEveryKernelAndDsym() throws IOException {
        for (String v : VARIANTS) {
            String kernel = Golden.SAMPLES.resolve("kernels/" + v + "/kernel").toString();
            List<String> nm = Golden.nm(Golden.expected(v + "/nm-n.txt")).values().iterator().next();
            assertEquals(nm, nmLines(run("macho", "symbols", "--json", kernel), true), v);
            String dsym = kernel + ".dSYM/Contents/Resources/DWARF/kernel";
            List<String> dsymNm = Golden.nm(Golden.expected(v + "/dsym-nm-n.txt")).values().iterator().next();
            assertEquals(dsymNm, nmLines(run("macho", "symbols", "--json", dsym), true), v + " dSYM");
        }
    }

    /**
     * Sorts each run of lines that share an address: llvm-nm orders by (defined, address, name)
     * and leaves the order of a stab and its symbol of the same name to an unstable sort.
     */
    private static List<String> canonicalTies(List<String> lines) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int j = i;
            String key = lines.get(i).substring(0, 16);
            while (j < lines.size() && lines.get(j).substring(0, 16).equals(key)) {
                j++;
            }
            List<String> group = new ArrayList<>(lines.subList(i, j));
            group.sort(null);
            out.addAll(group);
            i = j;
        }
        return out;
    }

    @Test
    void stabsEqualLlvmNmDashAOnEveryKernel() {
        for (String v : VARIANTS) {
            String kernel = Golden.SAMPLES.resolve("kernels/" + v + "/kernel").toString();
            List<String> nm;
            try {
                nm = Golden.nm(Golden.expected(v + "/nm-na.txt")).values().iterator().next();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            CliRun r = CliRun.of("macho", "symbols", "--stabs", kernel);
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(canonicalTies(nm), canonicalTies(r.out().lines().toList()), v);
        }
    }

    @Test
    void symbolsEqualLlvmNmOnBothSlicesOfTheFatKernel() throws IOException {
        Map<String, List<String>> nm = Golden.nm(Golden.expected("fat/nm-n.txt"));
        String fat = Golden.SAMPLES.resolve("kernels/fat/kernel").toString();
        for (String arch : List.of("x86_64", "arm64")) {
            List<String> expected = nm.get("kernels/fat/kernel (for architecture " + arch + ")");
            assertEquals(expected, nmLines(run("macho", "symbols", "--json", "--arch", arch, fat), true), arch);
        }
    }

    @Test
    void symbolsEqualLlvmNmOnTheI386Objects() throws IOException {
        // nm-na.txt holds -n -a; drop the stabs ("-" type) to get -n.
        Map<String, List<String>> nm = Golden.nm(Golden.expected("i386/nm-na.txt"));
        assertFalse(nm.isEmpty());
        for (var e : nm.entrySet()) {
            List<String> expected = e.getValue().stream().filter(l -> !l.substring(9).startsWith("- ")).toList();
            Path obj = Golden.SAMPLES.resolve(e.getKey());
            assertEquals(expected, nmLines(run("macho", "symbols", "--json", obj.toString()), false), e.getKey());
        }
    }

    @Test
    void segmentsAndSectionsEqualLlvmOtool() throws IOException {
        int compared = 0;
        for (String v : VARIANTS) {
            compared += compareOtool("kernels/" + v + "/kernel", v + "/otool-l.txt", null);
            compared += compareOtool("kernels/" + v + "/kernel.dSYM/Contents/Resources/DWARF/kernel", v + "/dsym-otool-l.txt", null);
        }
        Map<String, List<Golden.Segment>> i386 = Golden.otoolSegments(Golden.expected("i386/otool-l.txt"));
        for (String obj : i386.keySet()) {
            compared += compareOtool(obj, "i386/otool-l.txt", obj);
        }
        assertTrue(compared >= 30, "compared only " + compared + " segments");
    }

    private int compareOtool(String file, String golden, String key) throws IOException {
        Map<String, List<Golden.Segment>> all = Golden.otoolSegments(Golden.expected(golden));
        List<Golden.Segment> expected = key != null ? all.get(key) : all.values().iterator().next();
        JsonNode listing = run("macho", "loadcmds", "--json", Golden.SAMPLES.resolve(file).toString());
        if (key == null) {
            assertCommandsAndNames(Golden.expected(golden), listing, file);
        }
        return assertSegments(expected, listing, file);
    }

    private int assertSegments(List<Golden.Segment> expected, JsonNode listing, String file) {
        List<JsonNode> segs = new ArrayList<>();
        listing.get("commands").forEach(c -> {
            if (c.has("segname")) {
                segs.add(c);
            }
        });
        assertEquals(expected.size(), segs.size(), file);
        for (int i = 0; i < segs.size(); i++) {
            Map<String, String> f = expected.get(i).fields();
            JsonNode s = segs.get(i);
            String ctx = file + " segment " + i;
            assertEquals(f.get("segname"), s.get("segname").asText(), ctx);
            assertEquals(Long.parseUnsignedLong(f.get("vmaddr").substring(2), 16), hex(s.get("vmaddr")), ctx);
            assertEquals(Long.parseUnsignedLong(f.get("vmsize").substring(2), 16), hex(s.get("vmsize")), ctx);
            assertEquals(Long.parseLong(f.get("fileoff")), s.get("fileoff").asLong(), ctx);
            assertEquals(Long.parseLong(f.get("filesize")), s.get("filesize").asLong(), ctx);
            assertEquals(f.get("maxprot"), s.get("maxprot").asText(), ctx);
            assertEquals(f.get("initprot"), s.get("initprot").asText(), ctx);
            assertEquals(Integer.parseInt(f.get("nsects")), s.get("nsects").asInt(), ctx);
            List<Map<String, String>> sects = expected.get(i).sections();
            for (int j = 0; j < sects.size(); j++) {
                Map<String, String> x = sects.get(j);
                JsonNode y = s.get("sections").get(j);
                String sctx = ctx + " section " + x.get("sectname");
                assertEquals(x.get("sectname"), y.get("sectname").asText(), sctx);
                assertEquals(x.get("segname"), y.get("segname").asText(), sctx);
                assertEquals(Long.parseUnsignedLong(x.get("addr").substring(2), 16), hex(y.get("addr")), sctx);
                assertEquals(Long.parseUnsignedLong(x.get("size").substring(2), 16), hex(y.get("size")), sctx);
                assertEquals(Long.parseLong(x.get("offset")), y.get("offset").asLong(), sctx);
                assertEquals(x.get("align"), "2^" + y.get("align").asInt() + " (" + (1 << y.get("align").asInt()) + ")", sctx);
                assertEquals(Long.parseLong(x.get("reloff")), y.get("reloff").asLong(), sctx);
                assertEquals(Long.parseLong(x.get("nreloc")), y.get("nreloc").asLong(), sctx);
                assertEquals(x.get("flags"), y.get("flags").asText(), sctx);
            }
        }
        return segs.size();
    }

    private static long hex(JsonNode n) {
        return Long.parseUnsignedLong(n.asText().substring(2), 16);
    }

    @Test
    void symbolsAndSegmentsEqualTheToolsOnRealThirdPartyFiles() throws IOException {
        var files = dev.hagfish.macho.ThirdPartyFiles.extract(Golden.SAMPLES, Path.of("target"));
        assertEquals(7, files.size());
        for (var f : files) {
            List<String> args = new ArrayList<>(List.of("macho", "symbols", "--json", f.path().toString()));
            if (f.arch() != null) {
                args.addAll(List.of("--arch", f.arch()));
            }
            JsonNode listing = run(args.toArray(String[]::new));
            boolean wide = !f.id().equals("snappy-mac-x86");
            List<String> nm = Golden.nm(Golden.expected("thirdparty/" + f.id() + ".nm-n.txt")).values().iterator().next();
            assertEquals(nm, nmLines(listing, wide), f.id());
            args.set(1, "loadcmds");
            JsonNode cmds = run(args.toArray(String[]::new));
            Map<String, List<Golden.Segment>> otool = Golden.otoolSegments(Golden.expected("thirdparty/" + f.id() + ".otool-l.txt"));
            assertSegments(otool.values().iterator().next(), cmds, f.id());
            assertCommandsAndNames(Golden.expected("thirdparty/" + f.id() + ".otool-l.txt"), cmds, f.id());
        }
    }

    /** Every command's name, size and (for dylib/path commands) name equal otool's, in order. */
    private static void assertCommandsAndNames(Path otool, JsonNode listing, String ctx) throws IOException {
        List<String> expected = new ArrayList<>();
        List<String> lines = Files.readAllLines(otool);
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.startsWith("cmd ")) {
                String entry = t.substring(4) + " " + lines.get(i + 1).strip().substring("cmdsize ".length());
                String next = lines.get(i + 2).strip();
                if (next.startsWith("name ") || next.startsWith("path ")) {
                    entry += " " + next.substring(5).replaceFirst(" \\(offset \\d+\\)$", "");
                }
                expected.add(entry);
            }
        }
        List<String> ours = new ArrayList<>();
        for (JsonNode c : listing.get("commands")) {
            String entry = c.get("cmd").asText() + " " + c.get("cmdsize").asLong();
            if (c.has("name") && !c.get("cmd").asText().startsWith("LC_SEGMENT")) {
                entry += " " + c.get("name").asText();
            } else if (c.has("path")) {
                entry += " " + c.get("path").asText();
            }
            ours.add(entry);
        }
        assertEquals(expected, ours, ctx);
    }

    @Test
    void aFatFileWithoutArchListsItsSlices() {
        CliRun r = CliRun.of("macho", "symbols", Golden.SAMPLES.resolve("kernels/fat/kernel").toString());
        assertEquals(3, r.exitCode());
        assertTrue(r.err().contains("universal file with slices x86_64, arm64; choose one with --arch"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void everySampleFileParses() throws IOException {
        try (Stream<Path> s = Files.walk(Golden.SAMPLES.resolve("kernels"))) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".plist"))::iterator) {
                String[] args = p.toString().contains("/fat/")
                        ? new String[] {"macho", "info", "--json", "--arch", "arm64", p.toString()}
                        : new String[] {"macho", "info", "--json", p.toString()};
                assertEquals(0, CliRun.of(args).exitCode(), p.toString());
            }
        }
    }
}
