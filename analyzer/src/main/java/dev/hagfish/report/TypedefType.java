package dev.hagfish.report;

/**
 * A typedef to compare, as the index keeps it: one that names neither an anonymous struct or
 * union (those are compared as structs) nor an anonymous enum (compared as an enum).
 *
 * @param name its name, e.g. {@code integer_t}
 * @param target the name of the type it stands for, e.g. {@code int32_t}
 * @param size that type's size in bytes, or -1 when it has none (a function type, void)
 * @param declFile the declaring file, or null
 * @param declLine the declaring line, or 0
 */
public record TypedefType(String name, String target, long size, String declFile, long declLine) {}
