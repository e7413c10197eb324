package dev.hagfish.dwarf;

import dev.hagfish.io.FormatException;
import java.util.List;
import java.util.Optional;

/**
 * A {@code FileTable} is the directory and file tables of one line-number program's header,
 * read without running the program: what {@code DW_AT_decl_file} and {@code DW_AT_call_file}
 * index. Paths are joined as {@link LineProgram#filePath} joins them. Files that a
 * {@code DW_LNE_define_file} opcode (DWARF 2–4, never emitted by clang or gcc) adds inside the
 * program are not seen.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class FileTable {
    private final LineHeader header;

    private FileTable(LineHeader header) {
        this.header = header;
    }

    /**
     * Reads the header of the program at {@code offset} of {@code .debug_line}
     * ({@code DW_AT_stmt_list}).
     *
     * @throws FormatException if the header is malformed or runs past its unit
     */
    public static FileTable read(DwarfSections sections, long offset) throws FormatException {
        return new FileTable(LineHeader.read(sections, offset));
    }

    /** Returns the line table version (2 to 5), which decides how file numbers count. */
    public int version() {
        return header.version();
    }

    /** Returns the file entries of the header, in order. */
    public List<FileEntry> files() {
        return header.files();
    }

    /**
     * Returns the full path of file number {@code file}, as {@link LineProgram#filePath} does.
     *
     * @param file a {@code DW_AT_decl_file} or {@code DW_AT_call_file} value
     * @param compDir the unit's {@code DW_AT_comp_dir}, or the empty string
     * @return the path, or empty when the number names no entry or the entry has no name
     */
    public Optional<String> path(long file, String compDir) {
        return FilePaths.path(header.version(), header.includeDirectories(), header.files(), file, compDir);
    }
}
