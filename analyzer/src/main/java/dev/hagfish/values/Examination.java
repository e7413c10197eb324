package dev.hagfish.values;

import java.util.List;

/**
 * An {@code Examination} is what gdb's {@code x} printed: rows of values, each row labelled with
 * its address and the symbol that holds it, and the address after the last value.
 *
 * @param format what was asked
 * @param rows the rows, in address order
 * @param next the first address after what was printed
 */
public record Examination(ExamineFormat format, List<Row> rows, long next) {
    /** Creates the record; the list is copied. */
    public Examination {
        rows = List.copyOf(rows);
    }

    /**
     * One line of output.
     *
     * @param address the address of the first value
     * @param symbol the {@code symbol+offset} that holds it, or null
     * @param values each value as gdb prints it ({@code 0x0000000000000011}, {@code 68 'D'},
     *     a quoted string, an instruction)
     */
    public record Row(long address, String symbol, List<String> values) {
        /** Creates the record; the list is copied. */
        public Row {
            values = List.copyOf(values);
        }

        /** Returns the line as gdb prints it: {@code 0x… <sym+off>:} then the values, tab-separated. */
        public String text(boolean instructions) {
            StringBuilder s = new StringBuilder(instructions ? "   " : "").append("0x").append(Long.toHexString(address));
            if (symbol != null) {
                s.append(" <").append(symbol).append('>');
            }
            s.append(':');
            for (String v : values) {
                s.append('\t').append(v);
            }
            return s.toString();
        }
    }
}
