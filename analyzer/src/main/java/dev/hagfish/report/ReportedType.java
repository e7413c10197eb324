package dev.hagfish.report;

import dev.hagfish.types.Layout;

/**
 * A {@code ReportedType} is a struct, union or class to report on, as the index keeps it: its
 * layout (offsets from its own start) and where it is declared.
 *
 * @param name its C name, e.g. {@code struct proc}, or the typedef naming an anonymous struct
 * @param layout its layout
 * @param declFile the declaring file, or null
 * @param declLine the declaring line, or 0
 */
public record ReportedType(String name, Layout layout, String declFile, long declLine) {}
