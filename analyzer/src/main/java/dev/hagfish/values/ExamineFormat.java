package dev.hagfish.values;

/**
 * An {@code ExamineFormat} is what gdb's {@code x/FMT} asks for: a count, a format letter and a
 * unit size. Formats: {@code x} hex (zero-padded to the unit), {@code z} the same, {@code d}
 * signed and {@code u} unsigned decimal, {@code o} octal, {@code t} binary (zero-padded),
 * {@code c} character, {@code f} floating point, {@code a} address with its symbol (the unit is
 * always the pointer size), {@code s} string, {@code i} instruction. Units: {@code b} 1,
 * {@code h} 2, {@code w} 4, {@code g} 8 bytes. gdb's defaults: {@code x}, {@code w}, count 1;
 * {@code c} defaults to {@code b}.
 *
 * @param count how many units, strings or instructions
 * @param format the format letter
 * @param unit the unit size in bytes (1 for {@code s} and {@code i})
 */
public record ExamineFormat(int count, char format, int unit) {
    /** The most units one {@code x} reads. */
    public static final int MAX_COUNT = 1 << 20;

    /** Creates the record, checking the letters and the count. */
    public ExamineFormat {
        if ("xzduotcfasi".indexOf(format) < 0) {
            throw new IllegalArgumentException("undefined output format \"" + format + "\"");
        }
        if (unit != 1 && unit != 2 && unit != 4 && unit != 8) {
            throw new IllegalArgumentException("invalid unit size " + unit + " (b, h, w or g)");
        }
        if (count <= 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("the count must be from 1 to " + MAX_COUNT + ": " + count);
        }
    }

    /**
     * Parses gdb's {@code /FMT} ({@code /11xg}, {@code /s}, {@code 4c}): an optional count, then
     * format and size letters in any order, each optional; what is not given comes from the
     * options ({@code format}, {@code unit} letter, {@code count}), else gdb's defaults.
     *
     * @param spec the text after {@code x/}, or null
     * @param format the {@code -f} letter, or 0
     * @param unitLetter the {@code -u} letter, or 0
     * @param count the {@code -n} count, or 0
     * @param pointerSize the target's pointer size
     * @throws IllegalArgumentException with gdb's wording when a letter is unknown
     */
    public static ExamineFormat parse(String spec, char format, char unitLetter, int count, int pointerSize) {
        String s = spec == null ? "" : spec.startsWith("/") ? spec.substring(1) : spec;
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        int n = count;
        if (i > 0) {
            try {
                n = Integer.parseInt(s.substring(0, i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the count " + s.substring(0, i) + " is too large");
            }
        }
        char f = format;
        char u = unitLetter;
        for (char c : s.substring(i).toCharArray()) {
            if ("bhwg".indexOf(c) >= 0) {
                u = c;
            } else if ("xzduotcfasi".indexOf(c) >= 0) {
                f = c;
            } else {
                throw new IllegalArgumentException("undefined output format \"" + c + "\" in /" + s);
            }
        }
        if (f == 0) {
            f = 'x';
        }
        int size = switch (u) {
            case 'b' -> 1;
            case 'h' -> 2;
            case 'g' -> 8;
            case 'w' -> 4;
            case 0 -> f == 'c' ? 1 : 4;
            default -> throw new IllegalArgumentException("invalid unit \"" + u + "\" (b, h, w or g)");
        };
        if (f == 'a') {
            size = pointerSize;
        } else if (f == 's' || f == 'i') {
            size = 1;
        }
        return new ExamineFormat(n == 0 ? 1 : n, f, size);
    }

    /** Returns how many values gdb prints on one line. */
    public int perLine() {
        if (format == 's' || format == 'i') {
            return 1;
        }
        return switch (unit) {
            case 1, 2 -> 8;
            case 4 -> 4;
            default -> 2;
        };
    }
}
