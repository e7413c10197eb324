package dev.hagfish.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.report.StructReport.Hole;
import dev.hagfish.report.StructReport.Row;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code HtmlReport} writes a report as one self-contained HTML file: inline CSS and JavaScript,
 * the data as JSON in {@code <script type="application/json">} elements, no fetch of anything.
 * The page draws each struct as a byte map (a row per cacheline, members as coloured blocks,
 * holes and padding hatched, straddling members outlined, details on hover), lists its members
 * on demand, and has a search box and a sort order. It renders lazily: cards are added as the
 * list scrolls, and a card draws its map only when it comes into view, so a kernel's thousands of
 * structs stay usable.
 *
 * <p>The data is compact (arrays, short keys), documented in {@code report.js}: per struct
 * {@code {n, k, f, s, a, pk, c, p, w, h, hb, bh, x, m, H, r}}, a member {@code [name, type,
 * offset, size, bitOffset, bitSize, straddles, base, members, holes]}, a hole {@code [bitOffset,
 * bits, inside a unit]}.
 */
public final class HtmlReport implements ReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Writer out;
    private final JsonGenerator json;
    private boolean first = true;

    /** Creates a writer onto {@code out} (not closed at the end). */
    public HtmlReport(Writer out) throws IOException {
        this.out = out;
        this.json = MAPPER.getFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setCharacterEscapes(new ScriptSafe());
        json.setCodec(MAPPER);
    }

    /** JSON that cannot end its script element: {@code <}, {@code >} and {@code &} as {@code \}{@code u00XX}. */
    private static final class ScriptSafe extends CharacterEscapes {
        private final int[] escapes;

        ScriptSafe() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    @Override
    public void begin(ReportHeader h) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>hagfish report: "
                + text(h.kernel().uuid()) + "</title>\n<style>\n");
        out.write(resource("report.css"));
        out.write("</style>\n</head>\n<body>\n");
        out.write(resource("report-body.html"));
        out.write("<script type=\"application/json\" id=\"hf-meta\">");
        json.writeStartObject();
        json.writeFieldName("kernel");
        json.writeObject(h.kernel());
        json.writeStringField("selection", h.selection());
        json.writeNumberField("cacheline", h.options().cacheline());
        json.writeBooleanField("expand", h.options().expand());
        json.writeBooleanField("reorganize", h.options().reorganize());
        json.writeNumberField("count", h.count());
        json.writeEndObject();
        json.flush();
        out.write("</script>\n<script type=\"application/json\" id=\"hf-data\">[");
    }

    @Override
    public void struct(ReportEntry e) throws IOException {
        StructReport r = e.report();
        if (!first) {
            json.writeRaw(",\n");
        }
        first = false;
        json.writeStartObject();
        json.writeStringField("n", r.name());
        json.writeStringField("k", r.kind());
        json.writeStringField("f", r.declFile() == null ? null : r.declFile() + (r.declLine() == null ? "" : ":" + r.declLine()));
        json.writeNumberField("s", r.size());
        json.writeNumberField("a", r.alignment());
        json.writeNumberField("pk", r.packed() ? 1 : 0);
        json.writeNumberField("c", r.totals().cachelines());
        json.writeNumberField("p", r.padding());
        json.writeNumberField("w", r.totals().wastedBytes());
        json.writeNumberField("h", r.totals().holes());
        json.writeNumberField("hb", r.totals().holeBytes());
        json.writeNumberField("bh", r.totals().bitHoles());
        json.writeNumberField("x", r.totals().straddling());
        json.writeFieldName("m");
        rows(r.members());
        json.writeFieldName("H");
        holes(r.holes());
        StructReport.Reorganized z = r.reorganized();
        if (z != null) {
            json.writeObjectFieldStart("r");
            json.writeStringField("st", z.status());
            json.writeStringField("why", z.reason());
            if (z.members() != null) {
                json.writeNumberField("s", z.size());
                json.writeNumberField("v", z.savedBytes());
                json.writeNumberField("p", z.padding());
                json.writeFieldName("m");
                rows(z.members());
                json.writeFieldName("H");
                holes(z.holes());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private void rows(List<Row> rows) throws IOException {
        json.writeStartArray();
        for (Row m : rows) {
            json.writeStartArray();
            json.writeString(m.name());
            json.writeString(m.type());
            json.writeNumber(m.offset());
            json.writeNumber(m.size());
            json.writeNumber(m.bitOffset());
            json.writeNumber(m.bitSize());
            json.writeNumber(m.straddles() ? 1 : 0);
            json.writeNumber(m.kind().equals("base") ? 1 : 0);
            if (m.members() != null) {
                rows(m.members());
                holes(m.holes());
            }
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private void holes(List<Hole> holes) throws IOException {
        json.writeStartArray();
        for (Hole h : holes) {
            json.writeStartArray();
            json.writeNumber(h.bitOffset());
            json.writeNumber(h.bits());
            json.writeNumber(h.kind().equals("bits") ? 1 : 0);
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    @Override
    public void end(ReportSummary.Result summary) throws IOException {
        json.flush();
        out.write("]</script>\n<script type=\"application/json\" id=\"hf-summary\">");
        json.writeObject(summary);
        json.flush();
        out.write("</script>\n<script>\n");
        out.write(resource("report.js"));
        out.write("</script>\n</body>\n</html>\n");
        out.flush();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
