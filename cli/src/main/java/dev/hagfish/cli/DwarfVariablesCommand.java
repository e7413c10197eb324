package dev.hagfish.cli;

import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.dwarf.TypeReader;
import dev.hagfish.dwarf.UnitWalker;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.symbols.ProgramReader;
import dev.hagfish.symbols.Variable;
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
 * {@code hagfish dwarf variables FILE [--name GLOB]}: the global and static variables of a file's
 * DWARF with their addresses, C declarations and declaring file and line, in {@code .debug_info}
 * order. A debugging aid; the index builds the real query path.
 */
@Command(name = "variables", description = "Global and static variables straight from DWARF: addresses, types, files and lines.")
final class DwarfVariablesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MachoFileOptions file;

    @Mixin
    CommonOptions common;

    @Option(names = "--name", paramLabel = "GLOB", description = "Only variables whose name or linkage name matches.")
    String glob;

    /** One variable (JSON); the address is null for a declaration or a location that is no address. */
    record VariableRow(String name, String linkageName, String die, String address, String type, String declFile,
            long declLine, boolean external, boolean declaration, String scope) {}

    /** The JSON shape. */
    record Listing(String file, String arch, List<VariableRow> variables) {}

    @Override
    public Integer call() throws IOException {
        var f = file.open();
        DwarfSections dwarf = DwarfLoader.fromMachO(f);
        List<Variable> all = ProgramReader.read(dwarf, UnitWalker.defaultThreads()).variables();
        TypeNames names = new TypeNames(TypeReader.read(dwarf));
        PathMatcher m = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Variable> chosen = new ArrayList<>();
        for (Variable v : all) {
            if (m == null || matches(m, v.name()) || matches(m, v.linkageName())) {
                chosen.add(v);
            }
        }
        if (chosen.isEmpty()) {
            throw new HagfishException(ExitCodes.NOT_FOUND, file.file + ": no variable"
                    + (glob == null ? "" : " matches " + glob));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            List<VariableRow> rows = new ArrayList<>();
            for (Variable v : chosen) {
                rows.add(new VariableRow(v.name(), v.linkageName(), "0x%08x".formatted(v.die()),
                        v.address().isPresent() ? "0x" + Long.toHexString(v.address().getAsLong()) : null,
                        names.name(v.type()), v.declFile(), v.declLine(), v.external(), v.declaration(),
                        v.scope() < 0 ? null : "0x%08x".formatted(v.scope())));
            }
            Json.write(out, new Listing(file.file.toString(), f.archName(), rows));
        } else {
            for (Variable v : chosen) {
                String name = v.name() != null ? v.name() : v.linkageName() != null ? v.linkageName() : "?";
                StringBuilder line = new StringBuilder(v.address().isPresent()
                        ? "0x%016x ".formatted(v.address().getAsLong()) : "%-19s".formatted("-"));
                line.append(v.declaration() ? "extern " : v.external() ? "" : "static ")
                        .append(names.declare(v.type(), name)).append(';');
                if (v.declFile() != null) {
                    line.append("  ").append(v.declFile()).append(':').append(v.declLine());
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
}
