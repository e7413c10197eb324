package dev.hagfish.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PaholeFacts} reads what pahole's text says of one struct or union: its name, the offset
 * and size of each of its own members (the lines one tab deep that end with pahole's
 * {@code /* OFFSET SIZE *}{@code /} or {@code /* OFFSET:BIT SIZE *}{@code /} comment, anonymous
 * members' closing lines among them), its byte and bit holes in order, and its trailer's size,
 * member count, padding and bit padding. It reads pahole's output only; nothing of hagfish's.
 *
 * @param name {@code struct NAME} or {@code union NAME}
 * @param members each member as {offset, bit in unit (-1 when not a bit-field), size}
 * @param holes each hole as {@code bytes:N} or {@code bits:N}, in order
 * @param size the trailer's size, or -1 (a union has no trailer)
 * @param count the trailer's member count, or -1
 * @param padding the trailer's padding, 0 when it says none
 * @param bitPadding the trailer's bit_padding, 0 when it says none
 */
record PaholeFacts(String name, List<long[]> members, List<String> holes, long size, int count, long padding,
        long bitPadding) {
    private static final Pattern HEAD = Pattern.compile("^(struct|union|class) (\\S+) \\{$");
    private static final Pattern OFFSETS = Pattern.compile("/\\*\\s+(\\d+)(?::\\s*(\\d+))?\\s+(\\d+)\\s+\\*/$");
    private static final Pattern HOLE = Pattern.compile("^/\\* XXX (\\d+) (byte|bit)s? hole, try to pack \\*/$");
    private static final Pattern SIZE = Pattern.compile("^/\\* size: (\\d+), cachelines: \\d+, members: (\\d+) \\*/$");
    private static final Pattern PADDING = Pattern.compile("^/\\* padding: (\\d+) \\*/$");
    private static final Pattern BIT_PADDING = Pattern.compile("^/\\* bit_padding: (\\d+) bits \\*/$");

    /** Splits pahole's output of many structs (as {@code pahole FILE} prints them) into their facts. */
    static List<PaholeFacts> all(String text) {
        List<PaholeFacts> out = new ArrayList<>();
        List<String> block = null;
        for (String l : text.split("\n", -1)) {
            if (block == null && HEAD.matcher(l).matches()) {
                block = new ArrayList<>();
            }
            if (block != null) {
                block.add(l);
                if (l.startsWith("}")) {
                    out.add(of(String.join("\n", block)));
                    block = null;
                }
            }
        }
        return out;
    }

    /** Reads one struct's text. */
    static PaholeFacts of(String text) {
        String[] lines = text.split("\n");
        Matcher h = HEAD.matcher(lines[0]);
        if (!h.matches()) {
            throw new IllegalArgumentException("not a pahole struct: " + lines[0]);
        }
        List<long[]> members = new ArrayList<>();
        List<String> holes = new ArrayList<>();
        long size = -1;
        int count = -1;
        long padding = 0;
        long bitPadding = 0;
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            if (!l.startsWith("\t") || l.startsWith("\t\t")) {
                continue; // the closing line, or a nested member
            }
            String t = l.strip();
            Matcher m;
            if ((m = HOLE.matcher(t)).matches()) {
                holes.add(m.group(2) + "s:" + m.group(1));
            } else if ((m = SIZE.matcher(t)).matches()) {
                size = Long.parseLong(m.group(1));
                count = Integer.parseInt(m.group(2));
            } else if ((m = PADDING.matcher(t)).matches()) {
                padding = Long.parseLong(m.group(1));
            } else if ((m = BIT_PADDING.matcher(t)).matches()) {
                bitPadding = Long.parseLong(m.group(1));
            } else if (!t.startsWith("/*") && (m = OFFSETS.matcher(t)).find()) {
                members.add(new long[] {Long.parseLong(m.group(1)), m.group(2) == null ? -1 : Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3))});
            }
        }
        return new PaholeFacts(h.group(1) + " " + h.group(2), members, holes, size, count, padding, bitPadding);
    }

    /** Returns the same facts of one of hagfish's reports, for comparing. */
    static PaholeFacts of(StructReport r) {
        List<long[]> members = new ArrayList<>();
        for (StructReport.Row m : r.members()) {
            members.add(new long[] {m.offset(), m.bitSize() > 0 ? m.bitOffset() - m.offset() * 8 : -1, m.size()});
        }
        List<String> holes = new ArrayList<>();
        for (StructReport.Hole x : r.holes()) {
            holes.add(x.kind() + ":" + (x.kind().equals("bits") ? x.bits() : x.size()));
        }
        boolean union = r.kind().equals("union");
        return new PaholeFacts(r.name(), members, holes, union ? -1 : r.size(), union ? -1 : r.totals().members(),
                r.padding(), r.bitPadding());
    }

    /** Returns the facts as one comparable line per fact. */
    String text() {
        StringBuilder sb = new StringBuilder(name).append(": size ").append(size).append(", members ").append(count)
                .append(", padding ").append(padding).append(", bit_padding ").append(bitPadding).append('\n');
        for (long[] m : members) {
            sb.append("  member at ").append(m[0]).append(m[1] >= 0 ? ":" + m[1] : "").append(" size ").append(m[2])
                    .append('\n');
        }
        sb.append("  holes ").append(holes).append('\n');
        return sb.toString();
    }
}
