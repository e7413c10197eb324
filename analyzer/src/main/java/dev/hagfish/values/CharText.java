package dev.hagfish.values;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code CharText} prints characters and strings as gdb does with an ASCII host charset
 * ({@code LC_ALL=C}): printable ASCII as itself, the quote and the backslash escaped, the C
 * escapes {@code \a \b \f \n \r \t \v}, and every other byte as a three-digit octal escape
 * ({@code \000}, {@code \377}). A string is cut into quoted runs and runs of one byte repeated
 * more than {@link #REPEAT_THRESHOLD} times ({@code '\000' <repeats 21 times>}), and stops after
 * about {@link #PRINT_MAX} characters with {@code ...}, as gdb's {@code generic_printstr} does.
 */
final class CharText {
    /** gdb's {@code set print repeats} default. */
    static final int REPEAT_THRESHOLD = 10;
    /** gdb's {@code set print elements} default. */
    static final int PRINT_MAX = 200;

    private CharText() {}

    /** A character literal: {@code 'D'}, {@code '\000'}, {@code '\''}. */
    static String quoted(int b) {
        return "'" + escape(b & 0xff, '\'') + "'";
    }

    static String escape(int b, char quote) {
        switch (b) {
            case 7: return "\\a";
            case 8: return "\\b";
            case 9: return "\\t";
            case 10: return "\\n";
            case 11: return "\\v";
            case 12: return "\\f";
            case 13: return "\\r";
            default: break;
        }
        if (b == quote || b == '\\') {
            return "\\" + (char) b;
        }
        if (b >= 0x20 && b < 0x7f) {
            return String.valueOf((char) b);
        }
        return String.format("\\%03o", b);
    }

    /** One run of a string: a byte and how many times it repeats. */
    private record Run(int b, int count) {}

    /**
     * Prints the bytes of a character array: one trailing NUL dropped, runs of the same byte
     * longer than the threshold as repeat blocks, at most {@link #PRINT_MAX} characters.
     *
     * @param b the bytes
     * @param length how many of them form the string
     * @param more whether the string goes on past {@code length} (then {@code ...} follows)
     */
    static String string(byte[] b, int length, boolean more) {
        int n = length;
        if (!more && n > 0 && b[n - 1] == 0) {
            n--;
        }
        if (n == 0) {
            return more ? "\"\"..." : "\"\"";
        }
        List<Run> runs = new ArrayList<>();
        int i = 0;
        int printed = 0;
        while (i < n && printed < PRINT_MAX) {
            int j = i + 1;
            while (j < n && b[j] == b[i]) {
                j++;
            }
            runs.add(new Run(b[i] & 0xff, j - i));
            printed += j - i;
            i = j;
        }
        StringBuilder out = new StringBuilder();
        boolean inQuote = false;
        for (Run r : runs) {
            if (r.count() > REPEAT_THRESHOLD) {
                if (inQuote) {
                    out.append("\", ");
                    inQuote = false;
                } else if (out.length() > 0) {
                    out.append(", ");
                }
                out.append(quoted(r.b())).append(" <repeats ").append(r.count()).append(" times>");
            } else {
                if (!inQuote) {
                    out.append(out.length() > 0 ? ", \"" : "\"");
                    inQuote = true;
                }
                String e = escape(r.b(), '"');
                for (int k = 0; k < r.count(); k++) {
                    out.append(e);
                }
            }
        }
        if (inQuote) {
            out.append('"');
        }
        if (i < n || more) {
            out.append("...");
        }
        return out.toString();
    }
}
