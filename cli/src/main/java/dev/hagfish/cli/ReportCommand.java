package dev.hagfish.cli;

import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.index.TypeHit;
import dev.hagfish.report.HtmlReport;
import dev.hagfish.report.JsonReport;
import dev.hagfish.report.MarkdownReport;
import dev.hagfish.report.ReportEntry;
import dev.hagfish.report.ReportHeader;
import dev.hagfish.report.ReportOptions;
import dev.hagfish.report.ReportSummary;
import dev.hagfish.report.ReportWriter;
import dev.hagfish.report.StructReports;
import dev.hagfish.report.TextReport;
import dev.hagfish.types.Layout;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hagfish report}: struct reports from the index: every member's offset, size and bits,
 * holes, bit holes and padding, cachelines and the members that straddle them, totals, a summary
 * over the kernel, and with {@code --reorganize} a verified reordering that saves padding; as
 * pahole-style text, Markdown, JSON (documented schema) or one self-contained HTML file.
 */
@Command(name = "report", description = "Struct layout report: holes, padding, cachelines, summary; text, md, json or html.")
final class ReportCommand implements Callable<Integer> {
    /** How many structs are laid out at once (in parallel) before they are written. */
    private static final int BATCH = 512;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions store;

    @ArgGroup(exclusive = true)
    Selection selection = new Selection();

    /** {@code --types GLOB} or {@code --all} (the default). */
    static final class Selection {
        @Option(names = "--types", paramLabel = "GLOB", description = "Only the structs whose name matches (* and ?), e.g. 'proc*'.")
        String glob;

        @Option(names = "--all", description = "Every struct, union and class (the default).")
        boolean all;
    }

    @Option(names = "--format", paramLabel = "text|md|json|html", description = "Output format (default text; --json means json).")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Option(names = "--cacheline", paramLabel = "N", description = "The cacheline size in bytes (default 64).")
    int cacheline = Layout.DEFAULT_CACHELINE;

    @Option(names = "--expand", description = "Show the members of struct-typed members too (anonymous ones always are).")
    boolean expand;

    @Option(names = "--reorganize", description = "Add a verified reordering of each struct's members that saves padding.")
    boolean reorganize;

    @Option(names = "--top", paramLabel = "N", description = "How many of the largest structs the summary names (default 20).")
    int top = 20;

    @Option(names = "--schema", description = "Print the JSON Schema of --format json and exit.")
    boolean schema;

    @Override
    public Integer call() throws IOException {
        if (schema) {
            try (InputStream in = JsonReport.class.getResourceAsStream(JsonReport.SCHEMA)) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                out.flush();
            }
            return ExitCodes.OK;
        }
        String fmt = common.json ? "json" : format;
        if (!List.of("text", "md", "json", "html").contains(fmt)) {
            throw new ParameterException(spec.commandLine(), "unknown --format " + format + " (supported: text, md, json, html)");
        }
        if (cacheline <= 0) {
            throw new ParameterException(spec.commandLine(), "--cacheline must be positive");
        }
        if (top < 0) {
            throw new ParameterException(spec.commandLine(), "--top must not be negative");
        }
        ReportOptions options = new ReportOptions(cacheline, expand, reorganize, top);
        try (KernelStore s = store.open()) {
            KernelRecord k = store.select(s);
            List<TypeHit> hits = StoredTypes.of(s, k, selection.glob).structs();
            if (hits.isEmpty()) {
                throw new HagfishException(ExitCodes.NOT_FOUND, "no struct, union or class "
                        + (selection.glob == null ? "" : "matches " + selection.glob + " ") + "in kernel " + k.uuid());
            }
            if (output != null && output.getParent() != null) {
                Files.createDirectories(output.getParent());
            }
            try (Writer w = output == null ? null : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                PrintWriter out = w == null ? spec.commandLine().getOut() : new PrintWriter(new BufferedWriter(w, 1 << 16));
                write(writer(fmt, out), k, hits, options, selection.glob == null ? "all" : selection.glob);
                out.flush();
            }
            if (output != null) {
                spec.commandLine().getErr().println("hagfish: wrote the " + fmt + " report of " + hits.size()
                        + " structs to " + output);
            }
        }
        return ExitCodes.OK;
    }

    /** Returns the writer of a format ({@code text}, {@code md}, {@code json}, {@code html}). */
    static ReportWriter writer(String fmt, PrintWriter out) throws IOException {
        return switch (fmt) {
            case "md" -> new MarkdownReport(out);
            case "json" -> new JsonReport(out);
            case "html" -> new HtmlReport(out);
            default -> new TextReport(out);
        };
    }

    /**
     * Lays out the structs a batch at a time, in parallel, and writes them in order; returns the
     * summary.
     */
    static ReportSummary.Result write(ReportWriter w, KernelRecord k, List<TypeHit> hits, ReportOptions options,
            String selection) throws IOException {
        w.begin(new ReportHeader(StoredTypes.identity(k), selection, options, hits.size()));
        ReportSummary summary = new ReportSummary(options.top());
        for (int i = 0; i < hits.size(); i += BATCH) {
            List<ReportEntry> batch = hits.subList(i, Math.min(hits.size(), i + BATCH)).parallelStream()
                    .map(h -> StructReports.of(StoredTypes.reported(h, k), options)).toList();
            for (ReportEntry e : batch) {
                summary.add(e.report());
                w.struct(e);
            }
        }
        ReportSummary.Result result = summary.result();
        w.end(result);
        return result;
    }
}
