package dev.hagfish.report;

import dev.hagfish.types.Layout;

/**
 * What a report shows.
 *
 * @param cacheline the cacheline size in bytes (positive)
 * @param expand whether every struct-typed member is shown with its members (anonymous ones always are)
 * @param reorganize whether each struct gets a reordering that saves padding
 * @param top how many structs the summary's "largest" list names
 */
public record ReportOptions(int cacheline, boolean expand, boolean reorganize, int top) {
    /** The defaults: 64-byte cachelines, no expansion, no reorganization, the 20 largest. */
    public static final ReportOptions DEFAULT = new ReportOptions(Layout.DEFAULT_CACHELINE, false, false, 20);

    /** Checks the values. */
    public ReportOptions {
        if (cacheline <= 0) {
            throw new IllegalArgumentException("cacheline size must be positive: " + cacheline);
        }
        if (top < 0) {
            throw new IllegalArgumentException("top must not be negative: " + top);
        }
    }
}
