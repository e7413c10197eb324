package dev.hagfish.cli;

import dev.hagfish.index.AddressLookup;
import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.index.SymbolHit;
import dev.hagfish.index.SymbolSearch;
import dev.hagfish.io.Unsigned;
import dev.hagfish.symbols.Frame;
import dev.hagfish.symbols.SourceFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hagfish list FUNC|ADDR|FILE:LINE}: the source lines around a spot, as gdb's
 * {@code directory} + {@code list} print them: ten lines from {@code max(LINE - 5, 1)}, each as
 * {@code NUMBER<TAB>TEXT} (gdb's {@code list_command} with the default {@code listsize}).
 * <ul>
 *   <li>FUNC: the function's entry address and the line the line table gives it, as gdb's
 *       list-mode linespec does (the line after the declaration for clang's code); the
 *       declaration's file:line when the entry address has no line;
 *   <li>ADDR ({@code 0x…}, or gdb's {@code *0x…}; {@code --slide} subtracts a KASLR slide): the
 *       innermost frame of the inline chain there, the line the line table gives;
 *   <li>FILE:LINE: as given, and then no store is opened.
 * </ul>
 * The DWARF path is found on disk by {@link SourceFiles} ({@code --source-map}, then the path,
 * then {@code --source-dir}s).
 */
@Command(name = "list", description = "Source lines around a function, an address or FILE:LINE (gdb's directory + list).")
final class ListCommand implements Callable<Integer> {
    /** gdb's default {@code listsize}. */
    static final int LINES = 10;
    private static final Pattern FILE_LINE = Pattern.compile("(.*[^:]):([^:]*)");

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "FUNC|ADDR|FILE:LINE",
            description = "A function name, an address (0x… or *0x…), or FILE:LINE.")
    String where;

    @Mixin
    SourceOptions sources;

    @Option(names = "--slide", paramLabel = "S", description = "The KASLR slide to subtract from ADDR.")
    String slide;

    /** A DWARF path and a line: where to list. */
    record Spot(String kernel, String dwarfFile, long line) {}

    /** One source line (JSON). */
    record Line(long number, String text) {}

    /** The JSON shape. */
    record Result(String kernel, String file, String dwarfFile, long line, List<Line> lines) {}

    @Override
    public Integer call() throws IOException {
        SourceFiles files = sources.files(spec.commandLine());
        Spot spot = locate();
        Path file = files.find(spot.dwarfFile()).orElseThrow(() -> notFound(files, spot.dwarfFile()));
        List<Line> lines = window(file, spot.line());
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            Json.write(out, new Result(spot.kernel(), file.toString(), spot.dwarfFile(), spot.line(), lines));
        } else {
            for (Line l : lines) {
                out.println(l.number() + "\t" + l.text());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Parses the argument and, for FUNC and ADDR, asks the store where it is. */
    private Spot locate() throws IOException {
        String w = where.strip();
        if (w.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "say what to list: FUNC, ADDR or FILE:LINE");
        }
        boolean address = w.startsWith("*") || w.startsWith("0x") || w.startsWith("0X");
        if (slide != null && !address) {
            throw new ParameterException(spec.commandLine(), "--slide applies to an ADDR only");
        }
        if (address) {
            long s = slide == null ? 0 : Addresses.parse(spec.commandLine(), slide);
            return address(Addresses.parse(spec.commandLine(), w.startsWith("*") ? w.substring(1) : w) - s);
        }
        if (w.chars().allMatch(Character::isDigit)) {
            throw new ParameterException(spec.commandLine(), "a bare line number needs its file: use FILE:" + w);
        }
        Matcher m = FILE_LINE.matcher(w);
        if (m.matches()) {
            return new Spot(null, m.group(1), lineNumber(m.group(2)));
        }
        if (w.startsWith(":") && !w.startsWith("::")) {
            throw new ParameterException(spec.commandLine(), "bad FILE:LINE '" + where + "': FILE is empty");
        }
        try (KernelStore st = store.open()) {
            KernelRecord k = store.select(st);
            return function(st, k.uuid(), w);
        }
    }

    /** The spot of an unslid address: the innermost frame of its inline chain. */
    private Spot address(long unslid) throws IOException {
        try (KernelStore st = store.open()) {
            KernelRecord k = store.select(st);
            Frame inner = new AddressLookup(st, k.uuid()).find(unslid).frames().get(0);
            if (inner.fileName().isEmpty() || inner.line() == 0) {
                throw new HagfishException(ExitCodes.NOT_FOUND, Unsigned.hex(unslid)
                        + ": no source line at this address in kernel " + k.uuid());
            }
            return new Spot(k.uuid(), inner.fileName(), inner.line());
        }
    }

    private long lineNumber(String text) {
        try {
            long n = text.matches("[0-9]+") ? Long.parseLong(text) : 0;
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // too many digits: the usage error below says what is wrong
        }
        throw new ParameterException(spec.commandLine(), "bad FILE:LINE '" + where
                + "': LINE must be a positive decimal number");
    }

    /** The spot of a function: where gdb's {@code list FUNC} centres, for each distinct exact match. */
    private Spot function(KernelStore st, String uuid, String name) throws IOException {
        List<SymbolHit> exact = new SymbolSearch(st, uuid).search(name, "func", 50).stream()
                .filter(h -> h.match().equals("exact")).toList();
        if (exact.isEmpty()) {
            throw new HagfishException(ExitCodes.NOT_FOUND, "no function named " + name + " in kernel " + uuid);
        }
        AddressLookup lookup = new AddressLookup(st, uuid);
        Map<String, Spot> spots = new LinkedHashMap<>();
        for (SymbolHit h : exact) {
            Frame entry = lookup.find(h.address()).frames().get(0);
            if (!entry.fileName().isEmpty() && entry.line() > 0) {
                spots.putIfAbsent(entry.fileName() + ":" + entry.line(), new Spot(uuid, entry.fileName(), entry.line()));
            } else if (h.declFile() != null && h.declLine() > 0) {
                spots.putIfAbsent(h.declFile() + ":" + h.declLine(), new Spot(uuid, h.declFile(), h.declLine()));
            }
        }
        if (spots.isEmpty()) {
            throw new HagfishException(ExitCodes.NOT_FOUND, name + ": no line information in kernel " + uuid);
        }
        if (spots.size() > 1) {
            throw new HagfishException(ExitCodes.USAGE, name + " is ambiguous: " + spots.size()
                    + " functions; list one by FILE:LINE: " + String.join(", ", spots.keySet()));
        }
        return spots.values().iterator().next();
    }

    private static HagfishException notFound(SourceFiles files, String dwarfFile) {
        List<Path> tried = files.candidates(dwarfFile);
        return new HagfishException(ExitCodes.NOT_FOUND, dwarfFile + ": source file not found; tried "
                + (tried.isEmpty() ? "nothing" : tried.stream().map(Path::toString).collect(Collectors.joining(", ")))
                + " (add --source-dir DIR or --source-map FROM=TO)");
    }

    /** The first line gdb lists around {@code centre}. */
    static long first(long centre) {
        return Math.max(centre - LINES / 2, 1);
    }

    /**
     * Reads the window around {@code centre}; a centre past the end of the file is an error.
     * Bytes that are not UTF-8 become U+FFFD, and lines end at LF, CR or CRLF.
     */
    private static List<Line> window(Path file, long centre) throws IOException {
        long first = first(centre);
        List<Line> out = new ArrayList<>();
        long n = 0;
        // InputStreamReader replaces malformed input, where Files.newBufferedReader would throw.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                n++;
                if (n >= first && n < first + LINES) {
                    out.add(new Line(n, l));
                }
            }
        }
        if (centre > n) {
            throw new HagfishException(ExitCodes.NOT_FOUND, file + ": line " + centre + " is past the end of the file ("
                    + n + " lines); is it the source the kernel was built from?");
        }
        return out;
    }
}
