package dev.hagfish.values;

import dev.hagfish.types.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code EnumText} prints an enum value as gdb's {@code print} does: the enumerator's name; for
 * a "flag enum" (no negative value, and the enumerators' bits disjoint, duplicates allowed) a
 * value made of several flags as {@code (A | B)}, with {@code | unknown: 0x8} for bits no
 * enumerator names; otherwise the number.
 */
final class EnumText {
    private EnumText() {}

    static String of(Type.Enum e, long value) {
        for (Type.Enumerator x : e.enumerators()) {
            if (x.value() == value) {
                return x.name();
            }
        }
        if (!isFlagEnum(e)) {
            return e.signed() ? Long.toString(value) : Long.toUnsignedString(value);
        }
        List<String> parts = new ArrayList<>();
        long left = value;
        for (Type.Enumerator x : e.enumerators()) {
            if (x.value() != 0 && (left & x.value()) == x.value()) {
                parts.add(x.name());
                left &= ~x.value();
            }
        }
        if (left != 0) {
            parts.add("unknown: 0x" + Long.toHexString(left));
        }
        return parts.isEmpty() ? "0" : "(" + String.join(" | ", parts) + ")";
    }

    static boolean isFlagEnum(Type.Enum e) {
        long mask = 0;
        Set<Long> seen = new HashSet<>();
        for (Type.Enumerator x : e.enumerators()) {
            long v = x.value();
            if (e.signed() && v < 0) {
                return false;
            }
            if (!seen.add(v)) {
                continue;
            }
            if ((mask & v) != 0) {
                return false;
            }
            mask |= v;
        }
        return true;
    }
}
