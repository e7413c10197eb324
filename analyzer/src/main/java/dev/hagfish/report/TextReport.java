package dev.hagfish.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code TextReport} prints a report in pahole's style: each struct as {@code pahole -C} prints it
 * ({@link PaholeFormat}: members with offsets and sizes, holes, bit holes, padding, cacheline
 * boundaries, the trailer), the reordering after it when asked for, then the summary as plain
 * text tables.
 */
public final class TextReport implements ReportWriter {
    private final PrintWriter out;
    private ReportHeader header;

    /** Creates a writer onto {@code out}. */
    public TextReport(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void begin(ReportHeader h) {
        this.header = h;
        out.println("/* hagfish report: kernel " + h.kernel().describe() + " */");
        out.println("/* " + types(h.count()) + " (" + h.selection() + "), cachelines of " + h.options().cacheline()
                + " bytes */");
        out.println();
    }

    @Override
    public void struct(ReportEntry e) {
        out.print(PaholeFormat.print(e.layout(), header.options().expand()));
        StructReport.Reorganized r = e.report().reorganized();
        if (r != null) {
            out.println();
            switch (r.status()) {
                case "saved" -> {
                    out.println("/* reorganized: " + plural(r.savedBytes(), "byte") + " saved (" + e.report().size()
                            + " -> " + r.size() + ")" + cap(r) + " */");
                    out.print(PaholeFormat.print(e.reorganized(), header.options().expand()));
                }
                case "optimal" -> out.println("/* reorganized: no order of the members saves a byte" + cap(r) + " */");
                default -> out.println("/* reorganized: skipped, " + r.reason() + " */");
            }
        }
        out.println();
    }

    private static String cap(StructReport.Reorganized r) {
        return r.alignmentCap() == null ? "" : "; alignments capped at " + r.alignmentCap() + " as the compiler did";
    }

    @Override
    public void end(ReportSummary.Result s) throws IOException {
        out.println("== summary: kernel " + header.kernel().describe());
        out.println("structs: " + s.structs() + ", unions: " + s.unions() + ", classes: " + s.classes()
                + ", total size: " + s.totalSize() + " bytes, members: " + s.members());
        out.println("wasted: " + plural(s.wastedBytes(), "byte") + " = " + plural(s.holes(), "hole") + " of "
                + plural(s.holeBytes(), "byte") + " (in " + plural(s.structsWithHoles(), "struct") + ") + "
                + plural(s.paddingBytes(), "byte") + " of padding (in " + plural(s.structsWithPadding(), "struct") + "); "
                + plural(s.bitHoles(), "bit hole") + " of " + plural(s.holeBits(), "bit"));
        out.println("members straddling a cacheline boundary: " + s.straddlingMembers());
        if (s.reorganize() != null) {
            ReportSummary.Reorganize r = s.reorganize();
            out.println("reorganize: " + plural(r.saved(), "struct") + " smaller by " + plural(r.savedBytes(), "byte") + " in all, "
                    + r.optimal() + " already optimal, " + r.skipped() + " skipped");
        }
        out.println();
        out.println("most wasted bytes");
        out.printf("%8s %8s %6s %8s %8s%s  %s%n", "wasted", "size", "holes", "in holes", "padding",
                s.reorganize() != null ? String.format(" %8s", "saveable") : "", "name");
        for (ReportSummary.Wasteful w : s.byWasted()) {
            out.printf("%8d %8d %6d %8d %8d%s  %s%s%n", w.wastedBytes(), w.size(), w.holes(), w.holeBytes(),
                    w.padding(), s.reorganize() != null ? String.format(" %8s", w.savedBytes() == null ? "-"
                            : w.savedBytes()) : "", w.name(), where(w.declFile(), w.declLine()));
        }
        out.println();
        out.println("largest");
        out.printf("%8s %10s  %s%n", "size", "cachelines", "name");
        for (ReportSummary.Large l : s.largest()) {
            out.printf("%8d %10d  %s%s%n", l.size(), l.cachelines(), l.name(), where(l.declFile(), l.declLine()));
        }
        out.println();
        out.println("size not a multiple of the alignment");
        out.printf("%8s %9s  %s%n", "size", "alignment", "name");
        List<ReportSummary.Misfit> misfits = s.sizeNotMultipleOfAlignment();
        for (ReportSummary.Misfit m : misfits) {
            out.printf("%8d %9d  %s%s%s%n", m.size(), m.alignment(), m.name(), m.packed() ? " (packed)" : "",
                    where(m.declFile(), m.declLine()));
        }
        if (misfits.isEmpty()) {
            out.println("(none)");
        }
        out.flush();
    }

    /** {@code 1 struct, union or class}, {@code 46 structs, unions and classes}. */
    static String types(int n) {
        return n + (n == 1 ? " struct, union or class" : " structs, unions and classes");
    }

    static String where(String file, Long line) {
        return file == null ? "" : "  " + file + (line == null ? "" : ":" + line);
    }

    static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
