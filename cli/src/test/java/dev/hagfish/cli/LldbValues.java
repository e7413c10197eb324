package dev.hagfish.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code LldbValues} reads what lldb-22's {@code expr} and {@code target variable} print —
 * {@code (TYPE) NAME = VALUE}, where a VALUE is a scalar, an indented {@code {...}} block of
 * {@code child = VALUE} lines, or an inline {@code (child = VALUE, ...)} — into the flat list of
 * its leaves, each with its path ({@code p_list.le_prev}, {@code m[2][1]}, an anonymous member
 * as an empty name, {@code .as_u32}) and its text as lldb printed it.
 */
final class LldbValues {
    private final String text;
    private int pos;
    private final Map<String, String> leaves = new LinkedHashMap<>();

    private LldbValues(String text) {
        this.text = text;
    }

    /** One printed value: its type and its leaves by path ("" for a scalar). */
    record Printed(String type, Map<String, String> leaves) {}

    /** Parses the output of one {@code expr}/{@code target variable} of one value. */
    static Printed parse(String output) {
        String t = output.strip();
        while (t.startsWith("warning:") && t.indexOf('\n') > 0) {
            t = t.substring(t.indexOf('\n') + 1).strip();
        }
        if (!t.startsWith("(")) {
            throw new IllegalArgumentException("not an lldb value: " + t);
        }
        int close = matching(t, 0);
        String type = t.substring(1, close);
        int eq = t.indexOf(" = ", close);
        LldbValues p = new LldbValues(t.substring(eq + 3));
        p.value("");
        return new Printed(type, p.leaves);
    }

    private static int matching(String t, int open) {
        int depth = 0;
        for (int i = open; i < t.length(); i++) {
            if (t.charAt(i) == '(') {
                depth++;
            } else if (t.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced: " + t);
    }

    private void value(String path) {
        skipSpaces();
        if (text.startsWith("{", pos) && (pos + 1 >= text.length() || text.charAt(pos + 1) == '\n')) {
            pos++;
            while (true) {
                skipWhite();
                if (pos >= text.length() || text.charAt(pos) == '}') {
                    pos++;
                    return;
                }
                child(path, "\n");
            }
        } else if (text.startsWith("(", pos) && looksInline()) {
            pos++;
            while (true) {
                skipSpaces();
                if (text.charAt(pos) == ')') {
                    pos++;
                    return;
                }
                child(path, ",)");
                if (text.charAt(pos) == ',') {
                    pos++;
                }
            }
        } else {
            leaves.put(path, scalar(path.isEmpty() ? "\n" : null));
        }
    }

    /** Whether a '(' opens children ({@code (a = 1, b = 2)}, {@code ([0] = 1)}) rather than a scalar. */
    private boolean looksInline() {
        int eq = text.indexOf(" = ", pos);
        int nl = text.indexOf('\n', pos);
        return eq > 0 && (nl < 0 || eq < nl) && text.substring(pos + 1, eq).matches("[A-Za-z_0-9\\[\\]:$]*");
    }

    private void child(String path, String ends) {
        if (text.startsWith("= ", pos)) {
            pos--; // an anonymous member: " = {" with an empty name
        }
        int eq = text.indexOf(" = ", pos);
        int stop = pos;
        while (stop < text.length() && ends.indexOf(text.charAt(stop)) < 0 && text.charAt(stop) != '\n') {
            stop++;
        }
        if (eq < 0 || eq > stop) {
            pos = stop; // an unnamed bit-field's padding, printed as a bare value
            return;
        }
        String name = text.substring(pos, eq).strip();
        pos = eq + 3;
        String childPath = name.startsWith("[") ? path + name : path + "." + name;
        if (text.startsWith("{", pos) || text.startsWith("(", pos) && looksInline()) {
            value(childPath);
        } else {
            leaves.put(childPath, scalar(ends));
        }
    }

    /** A scalar up to the end of the line, or (inline) up to a ',' or ')' outside quotes. */
    private String scalar(String ends) {
        int start = pos;
        char quote = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (quote != 0) {
                if (c == '\\') {
                    pos++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '\n' || ends != null && ends.indexOf(c) >= 0) {
                break;
            }
            pos++;
        }
        return text.substring(start, Math.min(pos, text.length())).strip();
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private void skipWhite() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** Unescapes an lldb string or character literal's contents ({@code \0 \n \x1f \U00000003 \"}). */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append((char) 7);
                case 'b' -> out.append((char) 8);
                case 'f' -> out.append((char) 12);
                case 'v' -> out.append((char) 11);
                case 'e' -> out.append((char) 27);
                case '0' -> out.append((char) 0);
                case 'x' -> {
                    int j = i + 1;
                    while (j < s.length() && j < i + 3 && Character.digit(s.charAt(j), 16) >= 0) {
                        j++;
                    }
                    out.append((char) Integer.parseInt(s.substring(i + 1, j), 16));
                    i = j - 1;
                }
                case 'U', 'u' -> {
                    int n = e == 'U' ? 8 : 4;
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 1 + n), 16));
                    i += n;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    /** Splits the {@code (lldb) COMMAND} transcript of a golden into (command, output) pairs. */
    static List<String[]> transcript(List<String> lines) {
        List<String[]> out = new ArrayList<>();
        String command = null;
        StringBuilder body = new StringBuilder();
        for (String l : lines) {
            if (l.startsWith("(lldb) ")) {
                if (command != null) {
                    out.add(new String[] {command, body.toString()});
                }
                command = l.substring(7);
                body.setLength(0);
            } else if (command != null) {
                body.append(l).append('\n');
            }
        }
        if (command != null) {
            out.add(new String[] {command, body.toString()});
        }
        return out;
    }
}
