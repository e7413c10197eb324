package dev.hagfish.report;

import java.util.List;

/**
 * What {@code hagfish diff} found between two kernels (the JSON document, fields in snake_case).
 *
 * @param format always {@code hagfish-diff}
 * @param version the document's version (1)
 * @param a the first kernel (the old one, usually)
 * @param b the second kernel
 * @param selection {@code all}, or the name glob given
 * @param summary the counts
 * @param changes the types that differ, by impact, then by the size change, then by the number of
 *     changes, then by name
 */
public record DiffResult(String format, int version, KernelIdentity a, KernelIdentity b, String selection,
        Summary summary, List<TypeDiff> changes) {
    /** Creates the record; the list is copied. */
    public DiffResult {
        changes = List.copyOf(changes);
    }

    /**
     * The counts.
     *
     * @param typesA the types compared in a
     * @param typesB the types compared in b
     * @param added the types only in b
     * @param removed the types only in a
     * @param changed the types in both that differ
     * @param sizeChanged those whose size changed
     * @param unchanged the types in both that are the same
     */
    public record Summary(int typesA, int typesB, int added, int removed, int changed, int sizeChanged, int unchanged) {}
}
