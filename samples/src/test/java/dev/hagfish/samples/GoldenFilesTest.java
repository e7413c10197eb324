package dev.hagfish.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every golden file in samples/expected parses in the format its tool writes. */
class GoldenFilesTest {
    private static final Path EXPECTED = SampleCorpusTest.SAMPLES.resolve("expected");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NM_LINE = Pattern.compile(
            "^([0-9a-f]{8}|[0-9a-f]{16}| {8}| {16}) (?:[A-Za-z?] \\S.*|- [0-9a-f]{2} [0-9a-f]{4} [ A-Z0-9]{5} ?.*)$");
    private static final Pattern UUID_LINE = Pattern.compile(
            "^UUID: [0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12} \\((x86_64|arm64|i386)\\) \\S+$");

    private static List<Path> files(String glob) throws IOException {
        var matcher = EXPECTED.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> s = Files.walk(EXPECTED)) {
            return s.filter(Files::isRegularFile).filter(p -> matcher.matches(EXPECTED.relativize(p))).sorted().toList();
        }
    }

    @Test
    void jsonLinesParse() throws IOException {
        List<Path> files = files("**.jsonl");
        assertTrue(files.size() >= 14, "only " + files.size() + " jsonl files");
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            assertFalse(lines.isEmpty(), f.toString());
            for (String l : lines) {
                JsonNode n = JSON.readTree(l);
                assertTrue(n.isObject(), f + ": " + l);
                String name = f.getFileName().toString();
                if (name.equals("symbolizer.jsonl")) {
                    assertTrue(n.has("Address") && n.has("ModuleName"), f + ": " + l);
                } else if (name.equals("types.jsonl")) {
                    assertTrue(n.has("tag") && n.has("die"), f + ": " + l);
                }
            }
        }
    }

    @Test
    void symbolizerGoldensHaveEnoughAddressesIncludingInlinedFrames() throws IOException {
        for (String v : List.of("x86_64-dwarf4", "x86_64-dwarf2", "x86_64-dwarf5", "arm64-dwarf5")) {
            List<String> lines = Files.readAllLines(EXPECTED.resolve(v + "/symbolizer.jsonl"));
            long inlined = 0;
            for (String l : lines) {
                JsonNode sym = JSON.readTree(l).get("Symbol");
                if (sym != null && sym.size() > 1) {
                    inlined++;
                }
            }
            assertTrue(lines.size() >= 300, v + ": " + lines.size() + " queries");
            assertTrue(inlined >= 50, v + ": " + inlined + " answers with inlined frames");
        }
    }

    @Test
    void nmListingsParse() throws IOException {
        List<Path> files = files("**nm-*.txt");
        assertTrue(files.size() >= 11);
        for (Path f : files) {
            int symbols = 0;
            for (String l : Files.readAllLines(f)) {
                if (l.isEmpty() || l.endsWith(":")) {
                    continue;
                }
                assertTrue(NM_LINE.matcher(l).matches(), f + ": " + l);
                symbols++;
            }
            // The real third-party objects include tiny ones (Go's testdata: main and puts).
            assertTrue(symbols > (f.getParent().endsWith("real") ? 0 : 10), f.toString());
        }
    }

    @Test
    void otoolListingsParse() throws IOException {
        List<Path> files = files("**otool-l.txt");
        assertTrue(files.size() >= 11);
        for (Path f : files) {
            String text = Files.readString(f);
            assertTrue(text.contains("Load command 0") && text.contains("cmd LC_SEGMENT"), f.toString());
        }
    }

    @Test
    void uuidsAndVerifiesParse() throws IOException {
        for (Path f : files("**uuid.txt")) {
            List<String> lines = Files.readAllLines(f);
            assertTrue(lines.size() >= 2, f.toString());
            lines.forEach(l -> assertTrue(UUID_LINE.matcher(l).matches(), f + ": " + l));
        }
        for (Path f : files("**verify.txt")) {
            assertTrue(Files.readString(f).contains("No errors."), f.toString());
        }
    }

    @Test
    void cxxfiltPairsParse() throws IOException {
        List<String> lines = Files.readAllLines(EXPECTED.resolve("cxxfilt.tsv"));
        assertTrue(lines.size() >= 30);
        for (String l : lines) {
            String[] cols = l.split("\t", -1);
            assertEquals(2, cols.length, l);
            assertTrue(cols[0].startsWith("_Z") || cols[0].startsWith("__Z"), l);
        }
        assertTrue(lines.contains("__ZN6OSKext4loadEhhP7OSArray\tOSKext::load(unsigned char, unsigned char, OSArray*)"));
    }

    @Test
    void lldbTranscriptsParse() throws IOException {
        List<Path> files = files("lldb/*.txt");
        assertTrue(files.size() >= 5);
        for (Path f : files) {
            String text = Files.readString(f);
            assertTrue(text.contains("(lldb) "), f.toString());
            assertFalse(text.contains("error:"), f + " records an lldb error");
        }
    }
}
