package dev.hagfish.types;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code LldbTranscript} is the parsed text of samples/expected/lldb/VARIANT-type-lookup.txt:
 * lldb-22 sessions of {@code target create}, {@code type lookup NAME} and
 * {@code expr sizeof(...)} (make-expected.sh). A lookup's answer is a list of entries: a
 * {@link Block} such as {@code struct proc { ... }} (printed once per definition lldb found), or a
 * single {@link Line} such as {@code typedef layout_base2_t} or {@code void (*)(int)}.
 */
final class LldbTranscript {
    /** One entry of an answer or of a block body. */
    sealed interface Entry permits Block, Line {}

    /** A line without its indentation, e.g. {@code proc *p_pptr;}. @param text the text */
    record Line(String text) implements Entry {}

    /**
     * A braced block: a struct, class, union or enum definition.
     *
     * @param header the opening line without indentation, e.g. {@code struct  {}
     * @param body the lines and nested blocks between the braces
     */
    record Block(String header, List<Entry> body) implements Entry {}

    /**
     * One {@code type lookup}.
     *
     * @param name the name looked up
     * @param answer what lldb printed
     */
    record Lookup(String name, List<Entry> answer) {}

    private static final Pattern TYPE_LOOKUP = Pattern.compile("^\\(lldb\\) type lookup (\\S+)$");
    private static final Pattern SIZEOF = Pattern.compile("^\\(lldb\\) expr sizeof\\((.*)\\)$");
    private static final Pattern SIZE_VALUE = Pattern.compile("^\\(\\S+\\) \\$\\d+ = (\\d+)$");

    final List<Lookup> lookups = new ArrayList<>();
    /** {@code sizeof} operand ({@code struct proc}, {@code OSKext}) to the value lldb printed. */
    final Map<String, Long> sizes = new LinkedHashMap<>();

    private LldbTranscript() {}

    /** Parses a transcript; a line it does not expect throws, so a format change cannot go unnoticed. */
    static LldbTranscript parse(Path file) throws IOException {
        LldbTranscript t = new LldbTranscript();
        List<String> lines = Files.readAllLines(file);
        int i = 0;
        while (i < lines.size()) {
            String l = lines.get(i++);
            Matcher m;
            if (l.startsWith("(lldb) target create ") || l.startsWith("Current executable set to ")) {
                continue;
            } else if ((m = TYPE_LOOKUP.matcher(l)).matches()) {
                List<Entry> answer = new ArrayList<>();
                while (i < lines.size() && !lines.get(i).startsWith("(lldb) ")) {
                    i = entry(lines, i, answer, file);
                }
                t.lookups.add(new Lookup(m.group(1), answer));
            } else if ((m = SIZEOF.matcher(l)).matches()) {
                Matcher v = SIZE_VALUE.matcher(i < lines.size() ? lines.get(i) : "");
                if (!v.matches()) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": no value for sizeof(" + m.group(1) + ")");
                }
                t.sizes.put(m.group(1), Long.parseLong(v.group(1)));
                i++;
            } else {
                throw new IllegalStateException(file + ":" + i + ": unexpected line: " + l);
            }
        }
        return t;
    }

    /** Reads the entry starting at line {@code i} into {@code out}; returns the next line's index. */
    private static int entry(List<String> lines, int i, List<Entry> out, Path file) {
        String text = lines.get(i).strip();
        if (!text.endsWith("{")) {
            out.add(new Line(text));
            return i + 1;
        }
        List<Entry> body = new ArrayList<>();
        int j = i + 1;
        while (true) {
            if (j >= lines.size() || lines.get(j).startsWith("(lldb) ")) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": unclosed block " + text);
            }
            String s = lines.get(j).strip();
            if (s.equals("}") || s.equals("};")) {
                out.add(new Block(text, body));
                return j + 1;
            }
            j = entry(lines, j, body, file);
        }
    }
}
