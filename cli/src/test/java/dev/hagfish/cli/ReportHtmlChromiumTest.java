package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.index.TypeHit;
import dev.hagfish.report.HtmlReport;
import dev.hagfish.report.ReportEntry;
import dev.hagfish.report.ReportHeader;
import dev.hagfish.report.ReportOptions;
import dev.hagfish.report.ReportSummary;
import dev.hagfish.report.ReportedType;
import dev.hagfish.report.StructReports;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTML report in a real browser: headless Debian {@code chromium}, driven through the DevTools
 * protocol ({@link Chromium}). For the sample kernel's report it checks through the DOM that every
 * struct is listed (and that the list and the byte maps are drawn lazily), that holey's holes and
 * padding are hatched blocks at the offsets worked out by hand, that the cacheline rows and the
 * straddling members are those of the report, that the search box filters by substring, glob and
 * regular expression, and that hovering a block shows its details; it saves screenshots in
 * cli/target/report-html/. A report of 5,000 structs must open with a bounded DOM and search
 * within it. The page must make no request but for itself (the Network domain's record). Without
 * chromium the test fails; it is not skipped.
 */
@Timeout(300)
class ReportHtmlChromiumTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUT = Path.of("target", "report-html").toAbsolutePath();
    private static String uuid;

    @BeforeAll
    static void uuid() throws IOException {
        Matcher m = Pattern.compile("UUID: (\\S+)").matcher(Files.readString(Golden.expected("x86_64-dwarf4/uuid.txt")));
        assertTrue(m.find());
        uuid = m.group(1);
        Files.createDirectories(OUT);
    }

    private static Path profile(String name) throws IOException {
        Path p = OUT.resolve("chromium-" + name);
        if (Files.exists(p)) {
            try (var s = Files.walk(p)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
        return Files.createDirectories(p);
    }

    /** Types text into the search box as a user would, and waits for the list to follow. */
    private static void search(Chromium c, String query) throws Exception {
        c.eval("(() => { const s = document.getElementById('search'); s.value = " + JSON.writeValueAsString(query)
                + "; s.dispatchEvent(new Event('input', {bubbles: true})); })()");
        // the list is rebuilt 60 ms after the last keystroke, and then says which query it shows
        c.waitFor("document.body.dataset.query === " + JSON.writeValueAsString(query));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theSampleReportWorksInChromium() throws Exception {
        Path html = OUT.resolve("sample.html");
        CliRun r = CliRun.of("report", "--index", SampleStores.all(), "--kernel", uuid, "--reorganize", "--format", "html",
                "-o", html.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = JSON.readTree(CliRun.of("report", "--index", SampleStores.all(), "--kernel", uuid, "--json").out());
        int structs = json.get("structs").size();
        assertTrue(structs > 40, "the sample has more structs than one chunk of the list: " + structs);
        try (Chromium c = Chromium.start(profile("sample"), 1280, 1600)) {
            c.open(html.toUri().toString(), "document.body.dataset.ready === '1'");
            assertEquals(structs + " of " + structs + " structs", c.eval("document.getElementById('count').textContent").asText());
            // Lazy: one chunk of cards, and maps only for the cards near the viewport.
            int cards = c.eval("document.querySelectorAll('#list .card').length").asInt();
            assertTrue(cards > 0 && cards < structs, cards + " cards at first");
            c.waitFor("document.querySelectorAll('#list .card .map .row').length > 0");
            assertTrue(c.eval("[...document.querySelectorAll('#list .card')].some(x => x.querySelector('.map').children.length === 0)")
                    .asBoolean(), "every map was drawn at once");
            Files.write(OUT.resolve("sample-top.png"), checkPng(c.screenshot()));
            // Scrolling down brings the rest.
            c.eval("window.scrollTo(0, document.body.scrollHeight)");
            c.waitFor("document.querySelectorAll('#list .card').length === " + structs);
            List<String> names = strings(c.eval("[...document.querySelectorAll('#list .card')].map(x => x.dataset.name)"));
            List<String> expected = new ArrayList<>();
            json.get("structs").forEach(s -> expected.add(s.get("name").asText()));
            assertEquals(expected, names);
            c.eval("window.scrollTo(0, 0)");

            // holey (char c1; long l; char c2; int i; short s; void *p; char c3): holes of 7 bytes
            // at 1, 3 at 17, 6 at 26, then 7 bytes of padding at 41; seven member blocks.
            search(c, "holey");
            assertEquals(List.of("struct holey"), strings(c.eval("[...document.querySelectorAll('#list .card')].map(x => x.dataset.name)")));
            c.waitFor("document.querySelector('.card .map .blk')");
            String card = "document.querySelector('.card[data-name=\"struct holey\"] .map')";
            assertEquals(List.of("1/56", "17/24", "26/48"), strings(c.eval("[..." + card
                    + ".querySelectorAll('.blk.hole')].map(b => b.dataset.off + '/' + b.dataset.bits)")));
            assertEquals(List.of("41/56"), strings(c.eval("[..." + card
                    + ".querySelectorAll('.blk.pad')].map(b => b.dataset.off + '/' + b.dataset.bits)")));
            assertEquals(List.of("c1@0", "l@8", "c2@16", "i@20", "s@24", "p@32", "c3@40"), strings(c.eval("[..." + card
                    + ".querySelectorAll('.blk.member')].map(b => b.dataset.name + '@' + b.dataset.off)")));
            assertEquals("repeating-linear-gradient", c.eval("getComputedStyle(" + card
                    + ".querySelector('.blk.hole')).backgroundImage.split('(')[0]").asText(), "holes are hatched");
            // Hovering a block shows its details.
            c.eval("(() => { const b = " + card + ".querySelector('.blk.member[data-name=\"p\"]'); const r = b.getBoundingClientRect();"
                    + " b.dispatchEvent(new MouseEvent('mouseover', {bubbles: true, clientX: r.left + 2, clientY: r.top + 2})); })()");
            assertFalse(c.eval("document.getElementById('tip').hidden").asBoolean());
            String tip = c.eval("document.getElementById('tip').textContent").asText();
            assertTrue(tip.contains("p") && tip.contains("void *") && tip.contains("offset 32 (0x20), size 8 bytes"), tip);
            c.eval("(() => { const m = " + card + ".querySelector('.blk.hole'); const r = m.getBoundingClientRect();"
                    + " m.dispatchEvent(new MouseEvent('mouseover', {bubbles: true, clientX: r.left + 2, clientY: r.top + 2})); })()");
            assertTrue(c.eval("document.getElementById('tip').textContent").asText().startsWith("hole: 7 bytes at offset 1"));
            // The members table and the reorganized layout open on demand.
            c.eval("document.querySelector('.card details.members').open = true");
            c.waitFor("document.querySelector('.card table.members')");
            assertEquals(3, c.eval("document.querySelectorAll('.card table.members tr.hole').length").asInt());
            c.eval("document.querySelector('.card details.reorg').open = true");
            c.waitFor("document.querySelector('.card details.reorg .map .blk')");
            assertEquals(0, c.eval("document.querySelectorAll('.card details.reorg .map .blk.hole').length").asInt());
            assertEquals("reorganized: saves 16 bytes (48 → 32)", c.eval("document.querySelector('.card details.reorg summary').textContent").asText());
            Files.write(OUT.resolve("sample-holey.png"), checkPng(c.screenshot()));

            // Cacheline rows: layout_contains_aligned is 192 bytes, three 64-byte rows.
            search(c, "=struct layout_contains_aligned");
            c.waitFor("document.querySelector('.card .map .row')");
            assertEquals(3, c.eval("document.querySelectorAll('.card .map .row').length").asInt());
            assertEquals(List.of("0x0", "0x40 ·1", "0x80 ·2"), strings(c.eval("[...document.querySelectorAll('.card .map .at')].map(x => x.textContent)")));
            // The straddling members drawn are the report's.
            for (JsonNode s : json.get("structs")) {
                if (s.get("straddling").size() > 0 && s.get("kind").asText().equals("struct")) {
                    search(c, "=" + s.get("name").asText());
                    c.waitFor("document.querySelector('.card .map .row')");
                    long rows = (s.get("size").asLong() + 63) / 64;
                    if (rows > 32) { // a long struct shows 32 cachelines until asked for all
                        assertEquals(32, c.eval("document.querySelectorAll('.card .map .row').length").asInt());
                        c.eval("document.querySelector('.card .map button.all').click()");
                    }
                    c.waitFor("document.querySelectorAll('.card .map .row').length === " + rows);
                    Set<String> drawn = new HashSet<>(strings(c.eval("[...document.querySelectorAll('.card .map .blk.straddle')].map(b => b.dataset.name)")));
                    assertEquals(new HashSet<>(strings(s.get("straddling"))), drawn, s.get("name").asText());
                }
            }
            // Globs, regular expressions, and nothing.
            search(c, "layout_*");
            assertEquals("13 of " + structs + " structs", c.eval("document.getElementById('count').textContent").asText());
            search(c, "/^struct (proc|task)$/");
            assertEquals(List.of("struct proc", "struct task"), strings(c.eval("[...document.querySelectorAll('#list .card')].map(x => x.dataset.name)")));
            search(c, "no such struct");
            assertEquals(0, c.eval("document.querySelectorAll('#list .card').length").asInt());
            assertEquals("no struct matches", c.eval("document.getElementById('more').textContent").asText());
            search(c, "");
            assertEquals(structs + " of " + structs + " structs", c.eval("document.getElementById('count').textContent").asText());
            // The page asked for nothing but itself.
            assertEquals(List.of(html.toUri().toString()), c.requests());
        }
    }

    @Test
    void fiveThousandStructsStayUsable() throws Exception {
        Path html = OUT.resolve("five-thousand.html");
        int n = 5000;
        int holeys = 0;
        try (KernelStore s = KernelStore.open(Path.of(SampleStores.all()))) {
            KernelRecord k = s.kernel(uuid);
            List<TypeHit> hits = StoredTypes.of(s, k, null).structs();
            ReportOptions o = ReportOptions.DEFAULT;
            try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
                HtmlReport h = new HtmlReport(w);
                h.begin(new ReportHeader(StoredTypes.identity(k), "5,000 copies", o, n));
                ReportSummary sum = new ReportSummary(o.top());
                for (int i = 0; i < n; i++) {
                    ReportedType t = StoredTypes.reported(hits.get(i % hits.size()), k);
                    holeys += t.name().equals("struct holey") ? 1 : 0;
                    ReportEntry e = StructReports.of(new ReportedType(String.format("%s_%04d", t.name(), i), t.layout(),
                            t.declFile(), t.declLine()), o);
                    sum.add(e.report());
                    h.struct(e);
                }
                h.end(sum.result());
            }
        }
        try (Chromium c = Chromium.start(profile("5000"), 1280, 1600)) {
            c.open(html.toUri().toString(), "document.body.dataset.ready === '1'");
            assertEquals(n + " of " + n + " structs", c.eval("document.getElementById('count').textContent").asText());
            int cards = c.eval("document.querySelectorAll('#list .card').length").asInt();
            assertTrue(cards <= 80, cards + " cards in the DOM at first");
            int blocks = c.eval("document.querySelectorAll('.blk').length").asInt();
            assertTrue(blocks < 2000, blocks + " blocks in the DOM at first");
            search(c, "holey_");
            assertEquals(holeys + " of " + n + " structs", c.eval("document.getElementById('count').textContent").asText());
            search(c, "/_4999$/");
            assertEquals(1, c.eval("document.querySelectorAll('#list .card').length").asInt());
            search(c, "");
            c.eval("window.scrollTo(0, document.body.scrollHeight)");
            c.waitFor("document.querySelectorAll('#list .card').length > " + cards);
            Files.write(OUT.resolve("five-thousand.png"), checkPng(c.screenshot()));
        }
    }

    /** Checks that a screenshot is a PNG that shows something (many colours), and returns it. */
    private static byte[] checkPng(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(img != null && img.getWidth() >= 1000 && img.getHeight() >= 1000, "not a full-page PNG");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, colours.size() + " colours: the page looks blank");
        return png;
    }
}
