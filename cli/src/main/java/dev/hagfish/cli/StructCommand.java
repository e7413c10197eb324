package dev.hagfish.cli;

import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.index.TypeHit;
import dev.hagfish.index.TypeSearch;
import dev.hagfish.report.GdbPtype;
import dev.hagfish.report.PaholeFormat;
import dev.hagfish.types.Layout;
import dev.hagfish.types.Type;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hagfish struct NAME}: a struct or union layout from the index, as gdb's {@code ptype /o}
 * prints it, with pahole's cacheline markers, or ({@code --format pahole}) as {@code pahole -C}
 * prints it; enums print as gdb's {@code ptype} or as pahole does. Typedef names resolve to what
 * they name; a name with several different definitions lists them.
 */
@Command(name = "struct", description = "Print a struct/union layout (gdb ptype /o style with cacheline markers, or pahole's), or an enum.")
final class StructCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "NAME", description = "proc, 'struct proc', 'union u', 'enum e' or a typedef name.")
    String name;

    @Option(names = "--expand", description = "Expand typedef'd nested structs too (pahole --expand_types); gdb format only.")
    boolean expand;

    @Option(names = "--cacheline", paramLabel = "N", description = "The cacheline size in bytes (default 64).")
    int cacheline = Layout.DEFAULT_CACHELINE;

    @Option(names = "--format", paramLabel = "gdb|pahole", description = "Text format: gdb (ptype /o, the default) or pahole (pahole -C).")
    String format = "gdb";

    /** A candidate of an ambiguous name (JSON and text). */
    record Candidate(String name, String kind, long size, String declFile, long declLine) {}

    /** The JSON shape of an enum. */
    record EnumResult(String kernel, String name, long size, boolean signed, List<Type.Enumerator> enumerators) {}

    /** The JSON shape of a struct: the kernel and the layout. */
    record StructResult(String kernel, String name, String kind, String declFile, long declLine, Layout layout) {}

    @Override
    public Integer call() throws IOException {
        if (cacheline <= 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--cacheline must be positive");
        }
        if (!format.equals("gdb") && !format.equals("pahole")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown --format " + format
                    + " (supported: gdb, pahole)");
        }
        boolean pahole = format.equals("pahole");
        if (pahole && expand) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--expand works with --format gdb"
                    + " only: pahole's --expand_types output is not reproduced");
        }
        try (KernelStore s = store.open()) {
            KernelRecord k = store.select(s);
            List<TypeHit> hits = distinct(new TypeSearch(s, k.uuid()).named(name));
            if (hits.isEmpty()) {
                throw new HagfishException(ExitCodes.NOT_FOUND, "no struct, union, enum or typedef named " + name
                        + " in kernel " + k.uuid());
            }
            if (hits.size() > 1) {
                List<Candidate> c = hits.stream().map(h -> new Candidate(h.cName(), h.kind(), h.size(), h.declFile(),
                        h.declLine())).toList();
                StringBuilder msg = new StringBuilder(name + " is ambiguous: " + c.size() + " types; say which with"
                        + " a keyword (struct, union, enum) or a typedef name:");
                for (Candidate x : c) {
                    msg.append("\n  ").append(x.name()).append(" (").append(x.size()).append(" bytes)")
                            .append(x.declFile() == null ? "" : " at " + x.declFile() + ":" + x.declLine());
                }
                throw new HagfishException(ExitCodes.USAGE, msg.toString());
            }
            TypeHit h = hits.get(0);
            PrintWriter out = spec.commandLine().getOut();
            Optional<Type.Enum> e = h.enumeration();
            Optional<Layout> l = h.layout();
            if (e.isPresent()) {
                if (common.json) {
                    Json.write(out, new EnumResult(k.uuid(), h.name(), h.size(), e.get().signed(), e.get().enumerators()));
                } else if (pahole) {
                    out.print(PaholeFormat.print(e.get(), h.name()));
                } else {
                    out.println("type = " + EnumText.of(h.kind().equals("typedef") ? null : h.name(), e.get())); // gdb: an anonymous enum
                }
            } else if (l.isPresent()) {
                Layout layout = l.get().withCacheline(cacheline);
                if (common.json) {
                    Json.write(out, new StructResult(k.uuid(), h.name(), h.kind(), h.declFile(), h.declLine(), layout));
                } else if (pahole) {
                    if (layout.slots().stream().anyMatch(x -> x.pahole() == null)) {
                        throw new HagfishException(ExitCodes.MALFORMED, "the index of kernel " + k.uuid()
                                + " predates --format pahole: index the kernel again");
                    }
                    out.print(PaholeFormat.print(layout));
                } else {
                    out.print(GdbPtype.print(layout, true, expand));
                }
            } else {
                throw new HagfishException(ExitCodes.NOT_FOUND, h.cName() + " names " + h.target()
                        + ", which has no layout (not a struct or union, or only declared)");
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * Drops the hits that say the same thing twice: a typedef whose layout is a struct's of the same
     * name ({@code typedef struct foo foo}), and definitions with equal layouts.
     */
    private static List<TypeHit> distinct(List<TypeHit> hits) {
        List<TypeHit> out = new ArrayList<>();
        for (TypeHit h : hits) {
            boolean same = out.stream().anyMatch(o -> o.json() != null && h.json() != null
                    && stripIds(o.json()).equals(stripIds(h.json())));
            if (!same) {
                out.add(h);
            }
        }
        out.sort((a, b) -> Boolean.compare(a.kind().equals("typedef"), b.kind().equals("typedef")));
        return out;
    }

    /** A layout's JSON without the ids, which differ between units that define the same type. */
    private static String stripIds(String json) {
        return json.replaceAll("\"(id|type)\":-?\\d+", "");
    }
}
