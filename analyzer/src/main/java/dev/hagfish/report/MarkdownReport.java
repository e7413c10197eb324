package dev.hagfish.report;

import dev.hagfish.report.StructReport.Hole;
import dev.hagfish.report.StructReport.Row;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code MarkdownReport} prints a report as GitHub-flavoured Markdown: a heading per struct with its
 * totals, and a table of its members, holes, padding and cacheline boundaries in offset order
 * (members of anonymous structs and unions, and with {@code --expand} of every nested struct,
 * follow their owner, marked {@code ↳}); then the summary tables.
 */
public final class MarkdownReport implements ReportWriter {
    private final PrintWriter out;
    private ReportHeader header;

    /** Creates a writer onto {@code out}. */
    public MarkdownReport(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void begin(ReportHeader h) {
        this.header = h;
        out.println("# hagfish report");
        out.println();
        out.println("Kernel `" + h.kernel().uuid() + "` (" + h.kernel().arch() + ")"
                + (h.kernel().version() == null ? "" : ": " + cell(h.kernel().version())) + ". "
                + TextReport.types(h.count()) + " (" + cell(h.selection()) + "); cachelines of "
                + h.options().cacheline() + " bytes.");
        out.println();
    }

    @Override
    public void struct(ReportEntry e) {
        StructReport r = e.report();
        out.println("## " + cell(r.name()));
        out.println();
        out.println(facts(r.size(), r.alignment(), r.totals(), r.packed(), r.declFile(), r.declLine()));
        out.println();
        table(r.members(), r.holes(), r.padding(), r.size(), r.cacheline());
        StructReport.Reorganized z = r.reorganized();
        if (z != null) {
            out.println();
            switch (z.status()) {
                case "saved" -> {
                    out.println("**Reorganized:** " + z.savedBytes() + " bytes saved (" + r.size() + " → " + z.size()
                            + ")" + (z.alignmentCap() == null ? "" : ", alignments capped at " + z.alignmentCap())
                            + ".");
                    out.println();
                    table(z.members(), z.holes(), z.padding(), z.size(), r.cacheline());
                }
                case "optimal" -> out.println("**Reorganized:** no order of the members saves a byte.");
                default -> out.println("**Reorganized:** skipped, " + cell(z.reason()) + ".");
            }
        }
        out.println();
    }

    private static String facts(long size, long align, StructReport.Totals t, boolean packed, String file, Long line) {
        return (file == null ? "" : "`" + file + (line == null ? "" : ":" + line) + "` · ") + size + " bytes · alignment "
                + align + (packed ? " (packed)" : "") + " · " + t.cachelines() + " cacheline" + (t.cachelines() == 1 ? "" : "s")
                + " · " + t.members() + " members · " + t.holes() + " holes (" + t.holeBytes() + " bytes)"
                + (t.bitHoles() > 0 ? " · " + t.bitHoles() + " bit holes (" + t.holeBits() + " bits)" : "")
                + " · padding " + t.padding() + " · **wasted " + t.wastedBytes() + " bytes**"
                + (t.straddling() > 0 ? " · " + t.straddling() + " straddling a cacheline" : "");
    }

    /** One line of a struct's table, with where it sorts. */
    private record Line(long bit, long rank, String text) {}

    private void table(List<Row> members, List<Hole> holes, long padding, long size, int cacheline) {
        out.println("| offset | size | bits | member | type | note |");
        out.println("|---:|---:|---|---|---|---|");
        List<Line> lines = new ArrayList<>();
        rows(members, holes, 0, lines, new long[1]);
        for (long c = cacheline; c < size; c += cacheline) {
            lines.add(new Line(c * 8, Long.MIN_VALUE, "| " + c + " | | | **cacheline " + c / cacheline + "** | | |"));
        }
        if (padding > 0) {
            lines.add(new Line((size - padding) * 8, Long.MAX_VALUE, "| " + (size - padding) + " | " + padding
                    + " | | *padding* | | |"));
        }
        lines.sort(Comparator.comparingLong(Line::bit).thenComparingLong(Line::rank));
        lines.forEach(l -> out.println(l.text()));
    }

    /** Adds the lines of members and holes; {@code seq} numbers them in declaration order, owners first. */
    private static void rows(List<Row> members, List<Hole> holes, int depth, List<Line> out, long[] seq) {
        String indent = "↳ ".repeat(depth);
        for (Row m : members) {
            String name = m.name() != null ? m.name() : m.kind().equals("base") ? "*base*" : "*anonymous*";
            String bits = m.bitSize() > 0 ? (m.bitOffset() - m.offset() * 8) + ":" + m.bitSize() : "";
            String note = m.straddles() ? "straddles a cacheline" : "";
            // a member sorts by its first bit, then in declaration order (a union's members)
            out.add(new Line(m.bitOffset(), seq[0]++, "| " + m.offset() + " | " + m.size() + " | " + bits + " | " + indent
                    + cell(name) + " | `" + cell(m.type()) + "` | " + note + " |"));
            if (m.members() != null) {
                rows(m.members(), m.holes() == null ? List.of() : m.holes(), depth + 1, out, seq);
            }
        }
        for (Hole h : holes) {
            String what = h.kind().equals("bits") ? h.bits() + "-bit hole" : h.size() + "-byte hole";
            out.add(new Line(h.bitOffset(), seq[0]++, "| " + h.offset() + " | " + (h.kind().equals("bits") ? "" : h.size())
                    + " | " + (h.kind().equals("bits") ? h.bitOffset() % 8 + ":" + h.bits() : "") + " | " + indent
                    + "*" + what + "* | | |"));
        }
    }

    @Override
    public void end(ReportSummary.Result s) {
        out.println("# Summary");
        out.println();
        out.println("| structs | unions | classes | total size | members | holes | bytes in holes | padding | wasted | straddling members |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        out.println("| " + s.structs() + " | " + s.unions() + " | " + s.classes() + " | " + s.totalSize() + " | "
                + s.members() + " | " + s.holes() + " | " + s.holeBytes() + " | " + s.paddingBytes() + " | "
                + s.wastedBytes() + " | " + s.straddlingMembers() + " |");
        if (s.reorganize() != null) {
            out.println();
            out.println("Reorganize: " + s.reorganize().saved() + " structs smaller by " + s.reorganize().savedBytes()
                    + " bytes in all, " + s.reorganize().optimal() + " already optimal, " + s.reorganize().skipped()
                    + " skipped.");
        }
        out.println();
        out.println("## Most wasted bytes");
        out.println();
        out.println("| name | size | wasted | holes | bytes in holes | padding |" + (s.reorganize() != null ? " saveable |" : ""));
        out.println("|---|---:|---:|---:|---:|---:|" + (s.reorganize() != null ? "---:|" : ""));
        for (ReportSummary.Wasteful w : s.byWasted()) {
            out.println("| " + cell(w.name()) + " | " + w.size() + " | " + w.wastedBytes() + " | " + w.holes() + " | "
                    + w.holeBytes() + " | " + w.padding() + " |" + (s.reorganize() != null
                            ? " " + (w.savedBytes() == null ? "–" : w.savedBytes()) + " |" : ""));
        }
        out.println();
        out.println("## Largest");
        out.println();
        out.println("| name | size | cachelines |");
        out.println("|---|---:|---:|");
        for (ReportSummary.Large l : s.largest()) {
            out.println("| " + cell(l.name()) + " | " + l.size() + " | " + l.cachelines() + " |");
        }
        out.println();
        out.println("## Size not a multiple of the alignment");
        out.println();
        out.println("| name | size | alignment | packed |");
        out.println("|---|---:|---:|---|");
        for (ReportSummary.Misfit m : s.sizeNotMultipleOfAlignment()) {
            out.println("| " + cell(m.name()) + " | " + m.size() + " | " + m.alignment() + " | "
                    + (m.packed() ? "yes" : "no") + " |");
        }
        out.flush();
    }

    /** Escapes what would break a table cell. */
    static String cell(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }
}
