package dev.hagfish.cli;

import dev.hagfish.symbols.SourceFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code SourceLines} gives the text of a source line named by a DWARF path, found on this
 * machine by {@link SourceFiles}; each file is read once. A file that is not found, or a line
 * past its end, has no text. Bytes that are not UTF-8 become U+FFFD. Not thread-safe.
 */
final class SourceLines {
    private final SourceFiles files;
    private final Map<String, List<String>> cache = new HashMap<>();

    SourceLines(SourceFiles files) {
        this.files = files;
    }

    /** Returns line {@code line} (1-based) of the file the DWARF path names, if it is found. */
    Optional<String> text(String dwarfPath, long line) throws IOException {
        List<String> lines = cache.get(dwarfPath);
        if (lines == null) {
            Optional<Path> f = files.find(dwarfPath);
            lines = f.isPresent() ? read(f.get()) : List.of();
            cache.put(dwarfPath, lines);
        }
        return line >= 1 && line <= lines.size() ? Optional.of(lines.get((int) line - 1)) : Optional.empty();
    }

    private static List<String> read(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                out.add(l);
            }
        }
        return out;
    }
}
