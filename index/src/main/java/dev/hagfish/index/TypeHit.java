package dev.hagfish.index;

import dev.hagfish.types.Layout;
import dev.hagfish.types.Type;
import java.io.IOException;
import java.util.Optional;

/**
 * One type found by {@link TypeSearch}.
 *
 * @param name the name (a tag, a typedef name, C++ names scope-qualified)
 * @param kind {@code struct}, {@code union}, {@code class}, {@code enum} or {@code typedef}
 * @param size the size in bytes, or -1 when unknown
 * @param declFile the declaring file, or null
 * @param declLine the declaring line, or 0
 * @param target a typedef's target type name, or null
 * @param json the stored layout (struct, union, class, typedef of one) or enum (an enum, or a
 *     typedef of an anonymous one), or null
 */
public record TypeHit(String name, String kind, long size, String declFile, long declLine, String target,
        String json) {
    /** Returns the stored layout of a struct, union, class or typedef of one. */
    public Optional<Layout> layout() throws IOException {
        if (json == null || isEnum()) {
            return Optional.empty();
        }
        return Optional.of(StoredJson.layout(json));
    }

    /** Returns the stored enum: an enum's, or that of the anonymous enum a typedef names. */
    public Optional<Type.Enum> enumeration() throws IOException {
        return json != null && isEnum() ? Optional.of(StoredJson.enumeration(json)) : Optional.empty();
    }

    /** Tells whether this is an enum or a typedef of an anonymous enum. */
    public boolean isEnum() {
        return kind.equals("enum") || (kind.equals("typedef") && "enum {...}".equals(target));
    }

    /** Returns how the type is written in C: {@code struct proc}, {@code enum x}, or a typedef's name. */
    public String cName() {
        return switch (kind) {
            case "struct", "union", "class", "enum" -> kind + " " + name;
            default -> name;
        };
    }
}
