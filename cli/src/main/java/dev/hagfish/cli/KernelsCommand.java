package dev.hagfish.cli;

import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hagfish kernels}: the indexed kernels, one per line. */
@Command(name = "kernels", description = "List the indexed kernels: UUID, arch, counts, version.")
final class KernelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions store;

    /** One kernel (JSON). */
    record Row(String uuid, String version, String arch, String base, String kernel, String dsym, String indexedAt,
            long symbols, long types, long intervals) {}

    @Override
    public Integer call() throws IOException {
        try (KernelStore s = store.open()) {
            List<Row> rows = new ArrayList<>();
            for (KernelRecord k : s.kernels()) {
                rows.add(new Row(k.uuid(), k.version(), k.arch(), Unsigned.hex(k.base()), k.kernelPath(), k.dsymPath(),
                        k.indexedAt(), k.symbols(), k.types(), k.intervals()));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (common.json) {
                Json.write(out, rows);
            } else {
                for (Row r : rows) {
                    out.printf("%s  %-7s %6d symbols %5d types  %s%n", r.uuid(), r.arch(), r.symbols(), r.types(),
                            r.version() == null ? r.kernel() : r.version());
                }
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
