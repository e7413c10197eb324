package dev.hagfish.cli;

import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.index.TypeHit;
import dev.hagfish.report.DiffFormat;
import dev.hagfish.report.DiffResult;
import dev.hagfish.report.EnumType;
import dev.hagfish.report.LayoutDiff;
import dev.hagfish.report.TypedefType;
import dev.hagfish.report.ReportedType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hagfish diff KERNEL_A KERNEL_B}: how the structs, unions, classes and enums of two indexed
 * kernels differ: types added and removed, size changes, members added, removed, moved, retyped or
 * resized, enumerators added, removed or given another value; sorted by impact.
 */
@Command(name = "diff", description = "Compare the type layouts of two indexed kernels (added/removed types, size and member changes, enum values).")
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "KERNEL_A", description = "The first (old) kernel: UUID, unique UUID prefix, or indexed path.")
    String kernelA;

    @Parameters(index = "1", arity = "0..1", paramLabel = "KERNEL_B", description = "The second (new) kernel.")
    String kernelB;

    @Option(names = "--index", paramLabel = "DIR", description = "The store (default: $HAGFISH_HOME/index or ~/.hagfish/index).")
    Path index;

    @Option(names = "--types", paramLabel = "GLOB", description = "Only the types whose name matches (* and ?).")
    String glob;

    @Option(names = "--format", paramLabel = "text|md|json", description = "Output format (default text; --json means json).")
    String format = "text";

    @Option(names = "--schema", description = "Print the JSON Schema of --format json and exit.")
    boolean schema;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (schema) {
            try (InputStream in = DiffFormat.class.getResourceAsStream(DiffFormat.SCHEMA)) {
                out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                out.flush();
            }
            return ExitCodes.OK;
        }
        if (kernelA == null || kernelB == null) {
            throw new ParameterException(spec.commandLine(), "two kernels are needed: hagfish diff KERNEL_A KERNEL_B");
        }
        String fmt = common.json ? "json" : format;
        if (!List.of("text", "md", "json").contains(fmt)) {
            throw new ParameterException(spec.commandLine(), "unknown --format " + format + " (supported: text, md, json)");
        }
        try (KernelStore s = KernelStore.open(index != null ? index : KernelStore.defaultDir())) {
            KernelRecord a = s.kernel(kernelA);
            KernelRecord b = s.kernel(kernelB);
            if (a.uuid().equals(b.uuid())) {
                throw new HagfishException(ExitCodes.USAGE, kernelA + " and " + kernelB + " are the same kernel, " + a.uuid());
            }
            DiffResult d = LayoutDiff.of(side(s, a), side(s, b), glob == null ? "all" : glob);
            switch (fmt) {
                case "json" -> DiffFormat.json(out, d);
                case "md" -> DiffFormat.markdown(out, d);
                default -> DiffFormat.text(out, d);
            }
        }
        return ExitCodes.OK;
    }

    private LayoutDiff.Side side(KernelStore s, KernelRecord k) throws IOException {
        StoredTypes t = StoredTypes.of(s, k, glob);
        List<ReportedType> structs = new ArrayList<>(t.structs().size());
        for (TypeHit h : t.structs()) {
            structs.add(StoredTypes.reported(h, k));
        }
        List<EnumType> enums = new ArrayList<>(t.enums().size());
        for (TypeHit h : t.enums()) {
            enums.add(new EnumType(h.cName(), StoredTypes.enumeration(h), h.declFile(), h.declLine()));
        }
        List<TypedefType> typedefs = new ArrayList<>(t.typedefs().size());
        for (TypeHit h : t.typedefs()) {
            typedefs.add(new TypedefType(h.name(), h.target(), h.size(), h.declFile(), h.declLine()));
        }
        return new LayoutDiff.Side(StoredTypes.identity(k), structs, enums, typedefs);
    }
}
