package dev.hagfish.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hagfish.types.Layout;
import dev.hagfish.types.Type;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code StoredJson} reads the JSON documents the store keeps (a {@link Layout}, a
 * {@link Type.Enum}, a {@link KernelRecord}, a list of source paths, as Jackson's default mapping writes
 * them when a kernel is indexed) with Jackson's streaming parser, not its data binding: a query
 * from a cold CLI then loads and initialises a few dozen classes instead of several hundred. A
 * field the record does not have is skipped; a missing one keeps its default (null, 0, false,
 * empty), as in an index written before the field existed.
 *
 * <p>Stateless; safe to use from several threads.
 */
final class StoredJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private StoredJson() {}

    /** Reads a stored layout. @throws IOException if the JSON is malformed */
    static Layout layout(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            return layout(p);
        }
    }

    /** Reads a stored enum. @throws IOException if the JSON is malformed */
    static Type.Enum enumeration(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            long id = 0;
            String name = null;
            long byteSize = 0;
            long underlying = 0;
            boolean signed = false;
            boolean declaration = false;
            List<Type.Enumerator> enumerators = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                switch (f) {
                    case "id" -> id = p.getLongValue();
                    case "name" -> name = text(p, t);
                    case "byteSize" -> byteSize = p.getLongValue();
                    case "underlying" -> underlying = p.getLongValue();
                    case "signed" -> signed = t == JsonToken.VALUE_TRUE;
                    case "declaration" -> declaration = t == JsonToken.VALUE_TRUE;
                    case "enumerators" -> enumerators = enumerators(p, t);
                    default -> p.skipChildren();
                }
            }
            return new Type.Enum(id, name, byteSize, underlying, signed, declaration, enumerators);
        }
    }

    /** Reads a stored kernel record. @throws IOException if the JSON is malformed */
    static KernelRecord kernel(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            String uuid = null;
            String version = null;
            String arch = null;
            long base = 0;
            String kernelPath = null;
            String dsymPath = null;
            String indexedAt = null;
            long symbols = 0;
            long types = 0;
            long intervals = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                switch (f) {
                    case "uuid" -> uuid = text(p, t);
                    case "version" -> version = text(p, t);
                    case "arch" -> arch = text(p, t);
                    case "base" -> base = p.getLongValue();
                    case "kernelPath" -> kernelPath = text(p, t);
                    case "dsymPath" -> dsymPath = text(p, t);
                    case "indexedAt" -> indexedAt = text(p, t);
                    case "symbols" -> symbols = p.getLongValue();
                    case "types" -> types = p.getLongValue();
                    case "intervals" -> intervals = p.getLongValue();
                    default -> p.skipChildren();
                }
            }
            return new KernelRecord(uuid, version, arch, base, kernelPath, dsymPath, indexedAt, symbols, types,
                    intervals);
        }
    }

    /** Reads a stored list of strings (a kernel's source paths). @throws IOException if the JSON is malformed */
    static List<String> strings(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return strings(p, p.nextToken());
        }
    }

    /**
     * Reads the {@code sourcePaths} of a kernel record written before they had a document of their
     * own (empty when it has none). @throws IOException if the JSON is malformed
     */
    static List<String> recordSourcePaths(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                if (f.equals("sourcePaths")) {
                    return strings(p, t);
                }
                p.skipChildren();
            }
            return List.of();
        }
    }

    /** Reads a layout whose START_OBJECT (or null) is the current token. */
    private static Layout layout(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, p.currentToken(), JsonToken.START_OBJECT);
        long id = 0;
        Type.Kind kind = null;
        String name = null;
        long byteSize = 0;
        long alignment = 0;
        long explicitAlignment = 0;
        long bitOffset = 0;
        int cacheline = 0;
        List<Layout.Slot> slots = List.of();
        long paddingBits = 0;
        long pointerSize = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            switch (f) {
                case "id" -> id = p.getLongValue();
                case "kind" -> kind = t == JsonToken.VALUE_NULL ? null : Type.Kind.valueOf(p.getText());
                case "name" -> name = text(p, t);
                case "byteSize" -> byteSize = p.getLongValue();
                case "alignment" -> alignment = p.getLongValue();
                case "explicitAlignment" -> explicitAlignment = p.getLongValue();
                case "bitOffset" -> bitOffset = p.getLongValue();
                case "cacheline" -> cacheline = p.getIntValue();
                case "slots" -> slots = slots(p, t);
                case "paddingBits" -> paddingBits = p.getLongValue();
                case "pointerSize" -> pointerSize = p.getLongValue();
                default -> p.skipChildren();
            }
        }
        return new Layout(id, kind, name, byteSize, alignment, explicitAlignment, bitOffset, cacheline, slots,
                paddingBits, pointerSize);
    }

    private static List<Layout.Slot> slots(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(p, t, JsonToken.START_ARRAY);
        List<Layout.Slot> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            out.add(slot(p));
        }
        return out;
    }

    private static Layout.Slot slot(JsonParser p) throws IOException {
        Layout.SlotKind kind = null;
        String name = null;
        long type = 0;
        String typeName = null;
        String declaration = null;
        long bitOffset = 0;
        long bitSize = 0;
        long byteSize = 0;
        long holeBeforeBits = 0;
        Layout nested = null;
        boolean expandedByGdb = false;
        long alignment = 0;
        long explicitAlignment = 0;
        Layout.PaholeDecl pahole = null;
        List<Type.Enumerator> enumerators = List.of();
        Layout element = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            switch (f) {
                case "kind" -> kind = t == JsonToken.VALUE_NULL ? null : Layout.SlotKind.valueOf(p.getText());
                case "name" -> name = text(p, t);
                case "type" -> type = p.getLongValue();
                case "typeName" -> typeName = text(p, t);
                case "declaration" -> declaration = text(p, t);
                case "bitOffset" -> bitOffset = p.getLongValue();
                case "bitSize" -> bitSize = p.getLongValue();
                case "byteSize" -> byteSize = p.getLongValue();
                case "holeBeforeBits" -> holeBeforeBits = p.getLongValue();
                case "nested" -> nested = layout(p);
                case "expandedByGdb" -> expandedByGdb = t == JsonToken.VALUE_TRUE;
                case "alignment" -> alignment = p.getLongValue();
                case "explicitAlignment" -> explicitAlignment = p.getLongValue();
                case "pahole" -> pahole = pahole(p, t);
                case "enumerators" -> enumerators = enumerators(p, t);
                case "element" -> element = layout(p);
                default -> p.skipChildren();
            }
        }
        return new Layout.Slot(kind, name, type, typeName, declaration, bitOffset, bitSize, byteSize, holeBeforeBits,
                nested, expandedByGdb, alignment, explicitAlignment, pahole, enumerators, element);
    }

    private static Layout.PaholeDecl pahole(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, t, JsonToken.START_OBJECT);
        String type = null;
        String before = null;
        String after = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "type" -> type = text(p, v);
                case "before" -> before = text(p, v);
                case "after" -> after = text(p, v);
                default -> p.skipChildren();
            }
        }
        return new Layout.PaholeDecl(type, before, after);
    }

    private static List<Type.Enumerator> enumerators(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(p, t, JsonToken.START_ARRAY);
        List<Type.Enumerator> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            long value = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                switch (f) {
                    case "name" -> name = text(p, v);
                    case "value" -> value = p.getLongValue();
                    default -> p.skipChildren();
                }
            }
            out.add(new Type.Enumerator(name, value));
        }
        return out;
    }

    private static List<String> strings(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(p, t, JsonToken.START_ARRAY);
        List<String> out = new ArrayList<>();
        for (JsonToken v = p.nextToken(); v != null && v != JsonToken.END_ARRAY; v = p.nextToken()) {
            out.add(text(p, v));
        }
        return out;
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken want) throws IOException {
        if (got != want) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "stored JSON: expected " + want + ", found "
                    + got);
        }
    }
}
