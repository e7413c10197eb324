package dev.hagfish.report;

import java.io.IOException;

/**
 * A {@code ReportWriter} prints a report as its structs come, so that a kernel's thousands of
 * structs need not all be held: {@link #begin}, then {@link #struct} for each, then {@link #end}.
 */
public interface ReportWriter {
    /** Starts the report. */
    void begin(ReportHeader header) throws IOException;

    /** Prints one struct. */
    void struct(ReportEntry entry) throws IOException;

    /** Ends the report with its summary, and flushes. */
    void end(ReportSummary.Result summary) throws IOException;
}
