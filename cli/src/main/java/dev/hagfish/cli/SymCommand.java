package dev.hagfish.cli;

import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.index.SymbolHit;
import dev.hagfish.index.SymbolSearch;
import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hagfish sym QUERY}: symbols by name, exact first: {@code kext_alloc},
 * {@code kext_*}, {@code /^kext_.*alloc$/}, {@code ~kext_aloc}, {@code OSKext::load}, {@code alloc}.
 */
@Command(name = "sym", description = "Find symbols: exact, kext_* wildcard, /regex/, ~fuzzy, demangled names, words.")
final class SymCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The name or pattern.")
    String query;

    @Option(names = "--kind", paramLabel = "func|data", description = "Only functions or only data.")
    String kind;

    @Option(names = "--limit", paramLabel = "N", description = "At most N results (default 50).")
    int limit = 50;

    /** One symbol (JSON). */
    record Row(String name, String demangled, String address, long size, String kind, String section,
            boolean external, String declFile, Long declLine, String type, String signature, String match) {}

    /** The JSON shape. */
    record Result(String kernel, String query, List<Row> symbols) {}

    @Override
    public Integer call() throws IOException {
        if (kind != null && !kind.equals("func") && !kind.equals("data")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--kind must be func or data");
        }
        try (KernelStore s = store.open()) {
            KernelRecord k = store.select(s);
            List<SymbolHit> hits = new SymbolSearch(s, k.uuid()).search(query, kind, Math.max(1, limit));
            if (hits.isEmpty()) {
                throw new HagfishException(ExitCodes.NOT_FOUND, "no symbol matches " + query + " in kernel " + k.uuid());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (common.json) {
                List<Row> rows = new ArrayList<>();
                for (SymbolHit h : hits) {
                    rows.add(new Row(h.name(), h.demangled(), Unsigned.hex(h.address()), h.size(), h.kind(), h.section(),
                            h.external(), h.declFile(), h.declLine() > 0 ? h.declLine() : null, h.type(), h.signature(),
                            h.match()));
                }
                Json.write(out, new Result(k.uuid(), query, rows));
            } else {
                for (SymbolHit h : hits) {
                    String where = h.declFile() == null ? "" : "  " + h.declFile() + ":" + h.declLine();
                    String what = h.signature() != null ? h.signature()
                            : h.type() != null ? h.type() + " " + h.demangled() : h.demangled();
                    out.printf("%s %-4s %6d  %s%s%n", Unsigned.hex(h.address()), h.kind(), h.size(), what, where);
                }
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
