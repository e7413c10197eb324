package dev.hagfish.symbols;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code LlvmSymbolizerJson} renders hagfish's answers in {@code llvm-symbolizer --output-style=JSON}'s
 * shape, so that tests compare them with the golden files key for key. Shared by the analyzer's
 * and the index's tests.
 */
public final class LlvmSymbolizerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LlvmSymbolizerJson() {}

    /** Renders frames as llvm-symbolizer's "Symbol" array (keys sorted, as it prints them). */
    public static String frames(List<Frame> frames) {
        ArrayNode a = JSON.createArrayNode();
        for (Frame f : frames) {
            ObjectNode o = a.addObject();
            o.put("Column", f.column());
            o.put("Discriminator", f.discriminator());
            o.put("FileName", f.fileName());
            o.put("FunctionName", f.functionName());
            o.put("Line", f.line());
            o.put("StartAddress", f.startAddress().isPresent() ? "0x" + Long.toHexString(f.startAddress().getAsLong()) : "");
            o.put("StartFileName", f.startFileName());
            o.put("StartLine", f.startLine());
        }
        return a.toString();
    }

    /** Renders a data symbol as llvm-symbolizer's "Data" object. */
    public static String data(Optional<DataSymbol> d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("Name", d.map(DataSymbol::name).orElse(""));
        o.put("Size", "0x" + Long.toHexString(d.map(DataSymbol::size).orElse(0L)));
        o.put("Start", "0x" + Long.toHexString(d.map(DataSymbol::start).orElse(0L)));
        return o.toString();
    }
}
