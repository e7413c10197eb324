package dev.hagfish.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code JsonReport} writes a report as one JSON document, streamed: {@code {"format":
 * "hagfish-report", "version": 1, "kernel", "selection", "cacheline", "expand", "reorganize",
 * "structs": [StructReport...], "summary": ReportSummary.Result}}, fields in snake_case. The
 * schema is {@code report.schema.json} beside this class ({@link #SCHEMA}).
 */
public final class JsonReport implements ReportWriter {
    /** The resource holding the JSON Schema of the document. */
    public static final String SCHEMA = "report.schema.json";
    /** The value of the document's {@code format} field. */
    public static final String FORMAT = "hagfish-report";
    /** The value of its {@code version} field; a change that breaks readers increments it. */
    public static final int VERSION = 1;

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final JsonGenerator json;

    /** Creates a writer onto {@code out} (not closed at the end). */
    public JsonReport(Writer out) throws IOException {
        this.json = MAPPER.getFactory().createGenerator(out).useDefaultPrettyPrinter();
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setCodec(MAPPER);
    }

    @Override
    public void begin(ReportHeader h) throws IOException {
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        json.writeNumberField("version", VERSION);
        json.writeFieldName("kernel");
        json.writeObject(h.kernel());
        json.writeStringField("selection", h.selection());
        json.writeNumberField("cacheline", h.options().cacheline());
        json.writeBooleanField("expand", h.options().expand());
        json.writeBooleanField("reorganize", h.options().reorganize());
        json.writeArrayFieldStart("structs");
    }

    @Override
    public void struct(ReportEntry e) throws IOException {
        json.writeObject(e.report());
    }

    @Override
    public void end(ReportSummary.Result summary) throws IOException {
        json.writeEndArray();
        json.writeFieldName("summary");
        json.writeObject(summary);
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
    }
}
