package dev.hagfish.cli;

import dev.hagfish.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code EnumText} prints an enum as gdb's {@code ptype} does:
 * {@code enum layout_signed {LAYOUT_NEG_BIG = -2147483648, LAYOUT_NEG_ONE = -1, LAYOUT_ZERO,
 * LAYOUT_POS = 7}}: a value is shown only when it is not the previous one plus one (or 0 first).
 */
final class EnumText {
    private EnumText() {}

    static String of(String name, Type.Enum e) {
        List<String> parts = new ArrayList<>();
        long next = 0;
        for (Type.Enumerator x : e.enumerators()) {
            if (x.value() == next) {
                parts.add(x.name());
            } else {
                parts.add(x.name() + " = " + (e.signed() ? Long.toString(x.value()) : Long.toUnsignedString(x.value())));
            }
            next = x.value() + 1;
        }
        return "enum " + (name == null ? "" : name + " ") + "{" + String.join(", ", parts) + "}";
    }
}
