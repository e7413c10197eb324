package dev.hagfish.cli;

import dev.hagfish.dwarf.AddressRange;
import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.dwarf.TypeReader;
import dev.hagfish.dwarf.UnitWalker;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.symbols.Function;
import dev.hagfish.symbols.Parameter;
import dev.hagfish.symbols.Program;
import dev.hagfish.symbols.ProgramReader;
import dev.hagfish.types.TypeNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hagfish dwarf functions FILE [--name GLOB] [--all]}: the functions of a file's DWARF
 * with their code ranges, C declarations and declaring file and line, in {@code .debug_info}
 * order. A debugging aid; the index builds the real query path.
 */
@Command(name = "functions", description = "Functions straight from DWARF: code ranges, declarations, files and lines.")
final class DwarfFunctionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MachoFileOptions file;

    @Mixin
    CommonOptions common;

    @Option(names = "--name", paramLabel = "GLOB", description = "Only functions whose name or linkage name matches.")
    String glob;

    @Option(names = "--all", description = "Also declarations and abstract inline instances (functions without code).")
    boolean all;

    /** One parameter (JSON). */
    record ParameterRow(String name, String type) {}

    /** One function (JSON). */
    record FunctionRow(String name, String linkageName, String die, String declaration, List<String[]> ranges,
            String declFile, long declLine, String returnType, List<ParameterRow> parameters, boolean variadic,
            boolean external) {}

    /** The JSON shape. */
    record Listing(String file, String arch, List<FunctionRow> functions) {}

    @Override
    public Integer call() throws IOException {
        var f = file.open();
        DwarfSections dwarf = DwarfLoader.fromMachO(f);
        Program program = ProgramReader.read(dwarf, UnitWalker.defaultThreads());
        TypeNames names = new TypeNames(TypeReader.read(dwarf));
        PathMatcher m = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Function> chosen = new ArrayList<>();
        for (Function fn : program.functions()) {
            if ((all || fn.hasCode()) && (m == null || matches(m, fn.name()) || matches(m, fn.linkageName()))) {
                chosen.add(fn);
            }
        }
        if (chosen.isEmpty()) {
            throw new HagfishException(ExitCodes.NOT_FOUND, file.file + ": no function"
                    + (all ? "" : " with code") + (glob == null ? "" : " matches " + glob));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            List<FunctionRow> rows = new ArrayList<>();
            for (Function fn : chosen) {
                List<ParameterRow> params = new ArrayList<>();
                for (Parameter p : fn.parameters()) {
                    params.add(new ParameterRow(p.name(), names.name(p.type())));
                }
                List<String[]> ranges = new ArrayList<>();
                for (AddressRange r : fn.ranges()) {
                    ranges.add(new String[] {hex(r.low()), hex(r.high())});
                }
                rows.add(new FunctionRow(fn.name(), fn.linkageName(), "0x%08x".formatted(fn.die()),
                        declaration(fn, names), ranges, fn.declFile(), fn.declLine(), names.name(fn.returnType()),
                        params, fn.variadic(), fn.external()));
            }
            Json.write(out, new Listing(file.file.toString(), f.archName(), rows));
        } else {
            for (Function fn : chosen) {
                StringBuilder line = new StringBuilder();
                if (fn.ranges().isEmpty()) {
                    line.append("%-37s".formatted("-"));
                }
                for (AddressRange r : fn.ranges()) {
                    line.append("0x%016x-0x%016x ".formatted(r.low(), r.high()));
                }
                line.append(declaration(fn, names)).append(';');
                if (fn.declFile() != null) {
                    line.append("  ").append(fn.declFile()).append(':').append(fn.declLine());
                }
                out.println(line);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static boolean matches(PathMatcher m, String name) {
        return name != null && !name.isEmpty() && m.matches(Path.of(name));
    }

    /** Returns the C declaration: {@code int proc_iterate(unsigned int flags, ...)}. */
    static String declaration(Function fn, TypeNames names) {
        List<String> params = new ArrayList<>();
        for (Parameter p : fn.parameters()) {
            params.add(names.declare(p.type(), p.name() == null ? "" : p.name()));
        }
        if (fn.variadic()) {
            params.add("...");
        }
        String name = fn.name() != null ? fn.name() : fn.linkageName() != null ? fn.linkageName() : "?";
        return (fn.external() ? "" : "static ") + names.declare(fn.returnType(), name + "(" + String.join(", ", params) + ")");
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
