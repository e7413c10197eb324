package dev.hagfish.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code SchemaCheck} validates a JSON document against the subset of JSON Schema (2020-12) that
 * hagfish's schema files use: {@code type} (one or a list), {@code const}, {@code enum},
 * {@code required}, {@code properties}, {@code additionalProperties: false}, {@code items},
 * {@code minItems}, {@code minimum}, {@code oneOf} and local {@code $ref}s to {@code #/$defs/...}.
 * A keyword it does not know fails the check, so the schema cannot say more than is checked.
 */
final class SchemaCheck {
    private static final List<String> KNOWN = List.of("$schema", "$id", "title", "description", "type", "const", "enum",
            "required", "properties", "additionalProperties", "items", "minItems", "minimum", "oneOf", "$ref", "$defs");

    private final JsonNode root;
    private final List<String> errors = new ArrayList<>();

    private SchemaCheck(JsonNode root) {
        this.root = root;
    }

    /** Returns the places where {@code doc} breaks {@code schema}; empty when it conforms. */
    static List<String> errors(JsonNode schema, JsonNode doc) {
        SchemaCheck c = new SchemaCheck(schema);
        c.check(schema, doc, "$");
        return c.errors;
    }

    private void check(JsonNode s, JsonNode v, String at) {
        for (Iterator<String> it = s.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!KNOWN.contains(k)) {
                errors.add(at + ": the schema uses " + k + ", which this check does not know");
            }
        }
        if (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            if (!ref.startsWith("#/$defs/")) {
                errors.add(at + ": unsupported $ref " + ref);
                return;
            }
            check(root.get("$defs").get(ref.substring(8)), v, at);
        }
        if (s.has("oneOf")) {
            int ok = 0;
            for (JsonNode alt : s.get("oneOf")) {
                SchemaCheck c = new SchemaCheck(root);
                c.check(alt, v, at);
                ok += c.errors.isEmpty() ? 1 : 0;
            }
            if (ok != 1) {
                errors.add(at + ": matches " + ok + " of the oneOf alternatives, not 1");
            }
        }
        if (s.has("type") && !typeMatches(s.get("type"), v)) {
            errors.add(at + ": " + v.getNodeType() + " is not " + s.get("type"));
            return;
        }
        if (s.has("const") && !s.get("const").equals(v)) {
            errors.add(at + ": " + v + " is not " + s.get("const"));
        }
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode e : s.get("enum")) {
                found |= e.equals(v);
            }
            if (!found) {
                errors.add(at + ": " + v + " is not one of " + s.get("enum"));
            }
        }
        if (s.has("minimum") && v.isNumber() && v.asLong() < s.get("minimum").asLong()) {
            errors.add(at + ": " + v + " is below " + s.get("minimum"));
        }
        if (v.isObject()) {
            if (s.has("required")) {
                for (JsonNode r : s.get("required")) {
                    if (!v.has(r.asText())) {
                        errors.add(at + ": lacks " + r.asText());
                    }
                }
            }
            JsonNode props = s.get("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                if (props != null && props.has(f.getKey())) {
                    check(props.get(f.getKey()), f.getValue(), at + "." + f.getKey());
                } else if (s.has("additionalProperties") && !s.get("additionalProperties").asBoolean()) {
                    errors.add(at + ": " + f.getKey() + " is not in the schema");
                }
            }
        }
        if (v.isArray()) {
            if (s.has("minItems") && v.size() < s.get("minItems").asInt()) {
                errors.add(at + ": fewer than " + s.get("minItems") + " items");
            }
            if (s.has("items")) {
                for (int i = 0; i < v.size(); i++) {
                    check(s.get("items"), v.get(i), at + "[" + i + "]");
                }
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode v) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, v)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> false;
        };
    }
}
