package dev.hagfish.dwarf;

import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A {@code LineProgram} is one decoded line-number program of {@code .debug_line} (DWARF 5
 * §6.2; DWARF 2, 3, 4 and 5, 32- and 64-bit): its header's directory and file tables and the
 * rows of the line-number matrix, with a lookup from an address to the row that covers it.
 *
 * <p>A row covers the addresses from its own up to the next row's within its sequence. Rows after
 * the last {@code DW_LNE_end_sequence} (a program that never ends its last sequence) are kept in
 * {@link #rows()} but cover nothing, as are sequences that hold no address. File paths are
 * resolved as {@code llvm-symbolizer} resolves them ({@link #filePath}).
 *
 * <p>Immutable and safe to share between threads.
 */
public final class LineProgram {
    private final LineHeader header;
    private final List<FileEntry> files;
    private final List<LineRow> rows;
    private final Sequence[] sequences;

    /** One sequence: rows {@code [first, end)}, the last being the end_sequence row. */
    private record Sequence(long low, long high, int first, int end) {}

    private LineProgram(LineHeader header, List<FileEntry> files, List<LineRow> rows) {
        this.header = header;
        this.files = List.copyOf(files);
        this.rows = List.copyOf(rows);
        this.sequences = sequences(this.rows);
    }

    /**
     * Decodes the program at {@code offset} of {@code .debug_line} ({@code DW_AT_stmt_list}).
     *
     * @param sections {@code debug_line}, plus {@code debug_line_str}/{@code debug_str} if the
     *     DWARF 5 header refers to them
     * @param offset the program's offset in {@code .debug_line}
     * @throws FormatException if the header or an opcode is malformed or runs past the unit
     */
    public static LineProgram read(DwarfSections sections, long offset) throws FormatException {
        LineHeader h = LineHeader.read(sections, offset);
        LineStateMachine m = new LineStateMachine(h, sections.require("debug_line"));
        m.run();
        return new LineProgram(h, m.files(), m.rows());
    }

    private static Sequence[] sequences(List<LineRow> rows) {
        List<Sequence> out = new ArrayList<>();
        int first = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).endSequence()) {
                long low = rows.get(first).address();
                long high = rows.get(i).address();
                if (Long.compareUnsigned(low, high) < 0) {
                    out.add(new Sequence(low, high, first, i + 1));
                }
                first = i + 1;
            }
        }
        Sequence[] s = out.toArray(Sequence[]::new);
        Arrays.sort(s, Comparator.comparing(Sequence::high, Long::compareUnsigned));
        return s;
    }

    /** Returns the program's offset in {@code .debug_line}. */
    public long offset() {
        return header.offset();
    }

    /** Returns the offset just past the program's unit. */
    public long end() {
        return header.unitEnd();
    }

    /** Returns the line table version (2 to 5). */
    public int version() {
        return header.version();
    }

    /** Returns 4 for the 32-bit DWARF format, 8 for the 64-bit one. */
    public int offsetSize() {
        return header.offsetSize();
    }

    /** Returns {@code minimum_instruction_length}, in bytes. */
    public int minimumInstructionLength() {
        return header.minInstLength();
    }

    /**
     * Returns the include directories as stored: from DWARF 5 on, entry 0 is the compilation
     * directory; before, entry {@code i} is directory index {@code i + 1}.
     */
    public List<String> includeDirectories() {
        return header.includeDirectories();
    }

    /**
     * Returns the file table, with the files {@code DW_LNE_define_file} added at the end. A row's
     * file register {@code f} names entry {@code f - 1} before DWARF 5 and entry {@code f} from
     * DWARF 5 on.
     */
    public List<FileEntry> files() {
        return files;
    }

    /** Returns every row in program order; each sequence ends with an end_sequence row. */
    public List<LineRow> rows() {
        return rows;
    }

    /**
     * Returns the row that covers an address: within the sequence holding it, the last row whose
     * address is at or below it (so, of several rows at one address, the last).
     *
     * @param address an unslid address
     * @return the row, or empty when no sequence holds the address
     */
    public Optional<LineRow> rowFor(long address) {
        int lo = 0;
        int hi = sequences.length;
        while (lo < hi) { // the first sequence whose high end lies above the address
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(sequences[mid].high(), address) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == sequences.length || Long.compareUnsigned(sequences[lo].low(), address) > 0) {
            return Optional.empty();
        }
        Sequence s = sequences[lo];
        int a = s.first() + 1;
        int b = s.end() - 1;
        while (a < b) { // the first row above the address, among all but the first and last
            int mid = (a + b) >>> 1;
            if (Long.compareUnsigned(rows.get(mid).address(), address) <= 0) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return Optional.of(rows.get(a - 1));
    }

    /**
     * Returns the full path of a file as {@code llvm-symbolizer} prints it: an absolute name as
     * is; otherwise the include directory and the name, preceded by {@code compDir} unless the
     * directory is absolute or (DWARF 5) the directory is entry 0, which already is the
     * compilation directory.
     *
     * @param file a row's file register or a {@code DW_AT_decl_file}/{@code DW_AT_call_file} value
     * @param compDir the unit's {@code DW_AT_comp_dir}, or the empty string
     * @return the path, or empty when the index names no entry or the entry has no name
     */
    public Optional<String> filePath(long file, String compDir) {
        return FilePaths.path(header.version(), header.includeDirectories(), files, file, compDir);
    }
}
