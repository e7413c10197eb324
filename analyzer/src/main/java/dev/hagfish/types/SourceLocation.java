package dev.hagfish.types;

/**
 * A {@code SourceLocation} is where something is declared: {@code DW_AT_decl_file} resolved to a
 * path through the unit's line table, and {@code DW_AT_decl_line}.
 *
 * @param file the full path, or null when not given
 * @param line the line, or 0 when not given
 */
public record SourceLocation(String file, long line) {
    /** No location. */
    public static final SourceLocation NONE = new SourceLocation(null, 0);

    @Override
    public String toString() {
        return file == null ? "" : line > 0 ? file + ":" + line : file;
    }
}
