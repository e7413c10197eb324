package dev.hagfish.report;

import dev.hagfish.types.Type;

/**
 * A named enum to compare, as the index keeps it.
 *
 * @param name its C name, e.g. {@code enum layout_signed}
 * @param type the enum
 * @param declFile the declaring file, or null
 * @param declLine the declaring line, or 0
 */
public record EnumType(String name, Type.Enum type, String declFile, long declLine) {}
