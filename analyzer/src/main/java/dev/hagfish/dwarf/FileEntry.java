package dev.hagfish.dwarf;

/**
 * A {@code FileEntry} is one entry of a line program's file table (DWARF 5 §6.2.4 items 19–20,
 * DWARF 4 §6.2.4 item 12), or one added by {@code DW_LNE_define_file}.
 *
 * <p>Immutable and safe to share between threads (the MD5 array is not copied: do not modify it).
 *
 * @param name the path as stored ({@code DW_LNCT_path}), possibly relative; null when a DWARF 5
 *     entry has no path or its path is in a form hagfish cannot resolve
 * @param directoryIndex the index into the include directories ({@code DW_LNCT_directory_index});
 *     before DWARF 5, 0 means the compilation directory and {@code n} the {@code n}-th entry
 * @param modificationTime the modification time, 0 when unknown
 * @param length the file size in bytes, 0 when unknown
 * @param md5 the 16-byte MD5 digest ({@code DW_LNCT_MD5}), or an empty array
 */
public record FileEntry(String name, long directoryIndex, long modificationTime, long length, byte[] md5) {}
