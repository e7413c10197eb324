package dev.hagfish.report;

import dev.hagfish.types.Layout;

/**
 * One struct of a report: its facts, and the layouts the text formats print.
 *
 * @param report the facts (the JSON record)
 * @param layout the layout, with the report's cacheline size
 * @param reorganized the reordered layout when {@code --reorganize} saved bytes, else null
 */
public record ReportEntry(StructReport report, Layout layout, Layout reorganized) {}
