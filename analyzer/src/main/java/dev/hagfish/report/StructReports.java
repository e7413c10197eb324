package dev.hagfish.report;

import dev.hagfish.report.PaholeSummary.Span;
import dev.hagfish.report.StructReport.Hole;
import dev.hagfish.report.StructReport.Row;
import dev.hagfish.report.StructReport.Totals;
import dev.hagfish.types.Layout;
import dev.hagfish.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code StructReports} turns a stored {@link Layout} into the {@link StructReport} of one struct. */
public final class StructReports {
    private StructReports() {}

    /** Reports on one struct, union or class. */
    public static ReportEntry of(ReportedType t, ReportOptions o) {
        Layout l = t.layout().cacheline() == o.cacheline() ? t.layout() : t.layout().withCacheline(o.cacheline());
        StructReport.Reorganized reorganized = null;
        Layout better = null;
        if (o.reorganize()) {
            Reorganizer.Result r = Reorganizer.of(l);
            Long cap = r.cap() > 0 ? r.cap() : null;
            if (r.layout() != null) {
                better = r.layout();
                Facts f = facts(better, o.expand());
                reorganized = new StructReport.Reorganized(r.status(), null, cap, better.byteSize(),
                        l.byteSize() - better.byteSize(), f.rows(), f.holes(), f.summary().padding(), f.totals());
            } else {
                boolean skipped = r.status().equals("skipped");
                reorganized = new StructReport.Reorganized(r.status(), r.reason(), cap, skipped ? null : l.byteSize(),
                        skipped ? null : 0L, null, null, null, null);
            }
        }
        Facts f = facts(l, o.expand());
        long align = Math.max(1, l.alignment());
        StructReport report = new StructReport(t.name(), l.kind().name().toLowerCase(Locale.ROOT), t.declFile(),
                t.declLine() > 0 ? t.declLine() : null, l.byteSize(), align, l.explicitAlignment(),
                f.summary().packed(), l.byteSize() % align == 0, l.cacheline(), f.rows(), f.holes(),
                f.summary().padding(), f.summary().bitPadding(), f.totals(), f.straddling(), reorganized);
        return new ReportEntry(report, l, better);
    }

    /** The facts of one layout. */
    private record Facts(List<Row> rows, List<Hole> holes, PaholeSummary summary, Totals totals, List<String> straddling) {}

    private static Facts facts(Layout l, boolean expand) {
        List<Row> rows = rows(l, l, expand);
        List<Hole> holes = holes(l, l);
        PaholeSummary s = PaholeSummary.of(l);
        List<String> straddling = new ArrayList<>();
        straddlers(rows, straddling);
        Totals totals = new Totals(l.slots().size(), s.sumMembers(), s.sumBits(), s.holes(), s.holeBytes(),
                s.bitHoles(), s.bitHoleBits(), s.padding(), s.bitPadding(), s.holeBytes() + s.padding(), l.cachelines(),
                straddling.size());
        return new Facts(rows, holes, s, totals, straddling);
    }

    /** Returns the rows of a layout's slots; offsets are from the start of {@code top}. */
    private static List<Row> rows(Layout top, Layout l, boolean expand) {
        long base = top.bitOffset();
        List<Row> out = new ArrayList<>(l.slots().size());
        for (Layout.Slot s : l.slots()) {
            Span span = PaholeSummary.span(l, s);
            long bit = s.bitOffset() - base;
            Layout inner = s.nested() != null ? s.nested() : s.element();
            // pahole prints anonymous structs and unions, and arrays of them, in place
            boolean anonymous = s.kind() == Layout.SlotKind.MEMBER && (s.nested() != null && s.name() == null
                    || s.element() != null);
            boolean open = inner != null && (anonymous || expand);
            out.add(new Row(s.kind() == Layout.SlotKind.BASE ? "base" : "member", s.name(), s.typeName(),
                    span.unit() - base / 8, span.size(), bit, s.bitSize(), bit / 8 / top.cacheline(),
                    top.straddles(s), open ? rows(top, inner, expand) : null,
                    open ? holes(top, inner) : null));
        }
        return out;
    }

    /** Returns the holes between a layout's slots as pahole counts them; offsets from the start of {@code top}. */
    private static List<Hole> holes(Layout top, Layout l) {
        List<Hole> out = new ArrayList<>();
        if (l.kind() == Type.Kind.UNION) {
            return out;
        }
        long base = top.bitOffset();
        List<Layout.Slot> slots = l.slots();
        for (int i = 0; i + 1 < slots.size(); i++) {
            Span m = PaholeSummary.span(l, slots.get(i));
            Span next = PaholeSummary.span(l, slots.get(i + 1));
            String after = slots.get(i).name();
            long bits = PaholeSummary.bitHole(m, next);
            if (bits > 0) {
                long at = m.end() - base;
                out.add(new Hole("bits", Math.floorDiv(at, 8), 0, at, bits, after));
            }
            long bytes = PaholeSummary.byteHole(m, next);
            if (bytes > 0) {
                long at = m.unitEnd() - base / 8;
                out.add(new Hole("bytes", at, bytes, at * 8, bytes * 8, after));
            }
        }
        return out;
    }

    /** Collects the names of the rows that straddle a cacheline, looking into anonymous members. */
    private static void straddlers(List<Row> rows, List<String> out) {
        for (Row r : rows) {
            if (r.straddles() && r.name() != null) {
                out.add(r.name());
            } else if (r.straddles() && r.kind().equals("base")) {
                out.add(r.type());
            }
            if (r.name() == null && r.members() != null) {
                straddlers(r.members(), out);
            }
        }
    }
}
