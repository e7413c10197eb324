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
 * @param json the stored layout (struct, union, class, typedef of one) or enum, or null
 */
public record TypeHit(String name, String kind, long size, String declFile, long declLine, String target,
        String json) {
    /** Returns the stored layout of a struct, union, class or typedef of one. */
    public Optional<Layout> layout() throws IOException {
        if (json == null || kind.equals("enum")) {
            return Optional.empty();
        }
        return Optional.of(StoredJson.layout(json));
    }

    /** Returns the stored enum. */
    public Optional<Type.Enum> enumeration() throws IOException {
        return json != null && kind.equals("enum") ? Optional.of(StoredJson.enumeration(json))
                : Optional.empty();
    }

    /** Returns how the type is written in C: {@code struct proc}, {@code enum x}, or a typedef's name. */
    public String cName() {
        return switch (kind) {
            case "struct", "union", "class", "enum" -> kind + " " + name;
            default -> name;
        };
    }
}
