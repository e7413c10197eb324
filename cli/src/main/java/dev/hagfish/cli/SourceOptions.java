package dev.hagfish.cli;

import dev.hagfish.symbols.SourceFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code SourceOptions}: {@code --source-dir DIR} and {@code --source-map FROM=TO}, gdb's
 * {@code directory} and {@code set substitute-path}, for the commands that show source lines
 * ({@code list}, {@code dis --source}). {@link SourceFiles} applies them.
 */
final class SourceOptions {
    @Option(names = "--source-dir", paramLabel = "DIR",
            description = "Search DIR for the file by its trailing path components, longest first (repeatable).")
    List<Path> sourceDirs = new ArrayList<>();

    @Option(names = "--source-map", paramLabel = "FROM=TO",
            description = "Rewrite a leading FROM of the DWARF path to TO; the first match wins (repeatable).")
    List<String> sourceMaps = new ArrayList<>();

    /** Returns the file finder, or throws a usage error naming a bad {@code --source-map}. */
    SourceFiles files(CommandLine cl) {
        List<SourceFiles.Substitution> subs = new ArrayList<>();
        for (String m : sourceMaps) {
            int eq = m.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(cl, "--source-map wants FROM=TO with a non-empty FROM, not '" + m + "'");
            }
            subs.add(new SourceFiles.Substitution(m.substring(0, eq), m.substring(eq + 1)));
        }
        return new SourceFiles(subs, sourceDirs);
    }
}
