package dev.hagfish.cli;

import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.index.TypeHit;
import dev.hagfish.index.TypeSearch;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hagfish types}: type search over the index: by name glob, member name, exact size,
 * member type ({@code --contains 'struct proc *'}) and kind.
 */
@Command(name = "types", description = "Search types: --name GLOB, --member NAME, --size N, --contains TYPE, --kind K.")
final class TypesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions store;

    @Option(names = "--name", paramLabel = "GLOB", description = "Names matching a glob (* and ?).")
    String name;

    @Option(names = "--member", paramLabel = "NAME", description = "Types with a member of this name.")
    String member;

    @Option(names = "--size", paramLabel = "N", description = "Types of exactly N bytes (decimal or 0x…).")
    String size;

    @Option(names = "--contains", paramLabel = "TYPE", description = "Types with a member of this type, e.g. 'struct proc *'.")
    String contains;

    @Option(names = "--kind", paramLabel = "K", description = "struct, union, class, enum or typedef.")
    String kind;

    /** One type (JSON). */
    record Row(String name, String kind, long size, String declFile, Long declLine, String target) {}

    /** The JSON shape. */
    record Result(String kernel, List<Row> types) {}

    @Override
    public Integer call() throws IOException {
        Long bytes = size == null ? null : Addresses.parse(spec.commandLine(), size);
        try (KernelStore s = store.open()) {
            KernelRecord k = store.select(s);
            List<TypeHit> hits = new TypeSearch(s, k.uuid()).search(new TypeSearch.Filter(name, member, bytes, contains,
                    kind));
            if (hits.isEmpty()) {
                throw new HagfishException(ExitCodes.NOT_FOUND, "no type matches in kernel " + k.uuid());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (common.json) {
                List<Row> rows = new ArrayList<>();
                for (TypeHit h : hits) {
                    rows.add(new Row(h.name(), h.kind(), h.size(), h.declFile(), h.declLine() > 0 ? h.declLine() : null,
                            h.target()));
                }
                Json.write(out, new Result(k.uuid(), rows));
            } else {
                for (TypeHit h : hits) {
                    out.printf("%-40s %6d bytes  %s%s%n", h.cName() + (h.target() == null ? "" : " -> " + h.target()),
                            h.size(), h.declFile() == null ? "" : h.declFile() + ":" + h.declLine(), "");
                }
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
