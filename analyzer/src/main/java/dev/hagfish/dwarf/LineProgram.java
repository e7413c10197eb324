package dev.hagfish.dwarf;

import dev.hagfish.io.FormatException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;

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
    private final Rows rows;
    private final Sequence[] sequences;

    /** One sequence: rows {@code [first, end)}, the last being the end_sequence row. */
    private record Sequence(long low, long high, int first, int end) {}

    private LineProgram(LineHeader header, List<FileEntry> files, Rows rows) {
        this.header = header;
        this.files = List.copyOf(files);
        this.rows = rows.trim();
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

    private static Sequence[] sequences(Rows rows) {
        List<Sequence> out = new ArrayList<>();
        int first = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.endSequence(i)) {
                long low = rows.address(first);
                long high = rows.address(i);
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
            if (Long.compareUnsigned(rows.address(mid), address) <= 0) {
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
        Paths c = paths;
        if (c == null || !c.compDir().equals(compDir)) {
            c = new Paths(compDir, new String[files.size() + 1]);
            paths = c;
        }
        if (file < 0 || file >= c.paths().length) {
            return FilePaths.path(header.version(), header.includeDirectories(), files, file, compDir);
        }
        String p = c.paths()[(int) file];
        if (p == null) {
            p = FilePaths.path(header.version(), header.includeDirectories(), files, file, compDir).orElse(NO_PATH);
            c.paths()[(int) file] = p;
        }
        return p == NO_PATH ? Optional.empty() : Optional.of(p);
    }

    /**
     * The paths already resolved against one compilation directory, by file index ({@link #NO_PATH}
     * for none):
     * every row of a file answers with the same string, so that the symbolizer's answers hash and
     * compare cheaply. A racy cache of immutable strings: a thread that misses an entry resolves it
     * again.
     */
    private record Paths(String compDir, String[] paths) {}

    private volatile Paths paths;

    /** Marks a file index that names no path (compared by identity). */
    private static final String NO_PATH = new String("");

    /**
     * {@code Rows} keeps the line-number matrix by column, in primitive arrays, and makes a
     * {@link LineRow} only when one is asked for: a kernel's five million rows take about 25 bytes
     * each instead of a 64-byte object and a reference. The file, column and discriminator
     * registers are kept as {@code int}s until a value needs more, which only malformed or very
     * unusual programs do. Filled by {@link LineStateMachine}, then read-only.
     */
    static final class Rows extends AbstractList<LineRow> implements RandomAccess {
        private static final byte STMT = 1;
        private static final byte END_SEQUENCE = 2;

        private long[] address = new long[16];
        private int[] line = new int[16];
        private byte[] flags = new byte[16];
        private final WideColumn file = new WideColumn();
        private final WideColumn column = new WideColumn();
        private final WideColumn discriminator = new WideColumn();
        private int size;

        /** Appends a row; {@code line} is an unsigned 32-bit value. */
        void add(long addr, long fileNo, long lineNo, long col, boolean isStmt, boolean endSequence, long disc) {
            if (size == address.length) {
                int n = size * 2;
                address = Arrays.copyOf(address, n);
                line = Arrays.copyOf(line, n);
                flags = Arrays.copyOf(flags, n);
            }
            address[size] = addr;
            line[size] = (int) lineNo;
            flags[size] = (byte) ((isStmt ? STMT : 0) | (endSequence ? END_SEQUENCE : 0));
            file.set(size, fileNo);
            column.set(size, col);
            discriminator.set(size, disc);
            size++;
        }

        Rows trim() {
            address = Arrays.copyOf(address, size);
            line = Arrays.copyOf(line, size);
            flags = Arrays.copyOf(flags, size);
            file.trim(size);
            column.trim(size);
            discriminator.trim(size);
            return this;
        }

        long address(int i) {
            return address[i];
        }

        boolean endSequence(int i) {
            return (flags[i] & END_SEQUENCE) != 0;
        }

        @Override
        public LineRow get(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException("row " + i + " of " + size);
            }
            return new LineRow(address[i], file.get(i), line[i] & 0xffffffffL, column.get(i), (flags[i] & STMT) != 0,
                    endSequence(i), discriminator.get(i));
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** A column of {@code long}s stored as {@code int}s until a value does not fit one. */
    private static final class WideColumn {
        private int[] narrow = new int[16];
        private long[] wide;

        void set(int i, long v) {
            if (wide == null && v == (int) v) {
                if (i == narrow.length) {
                    narrow = Arrays.copyOf(narrow, i * 2);
                }
                narrow[i] = (int) v;
                return;
            }
            if (wide == null) {
                wide = new long[Math.max(16, narrow.length)];
                for (int k = 0; k < i; k++) {
                    wide[k] = narrow[k];
                }
                narrow = null;
            }
            if (i == wide.length) {
                wide = Arrays.copyOf(wide, i * 2);
            }
            wide[i] = v;
        }

        long get(int i) {
            return wide != null ? wide[i] : narrow[i];
        }

        void trim(int size) {
            if (wide != null) {
                wide = Arrays.copyOf(wide, size);
            } else {
                narrow = Arrays.copyOf(narrow, size);
            }
        }
    }
}
