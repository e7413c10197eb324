package dev.hagfish.elf;

import dev.hagfish.io.FormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@code StringTable} is the bytes of an {@code SHT_STRTAB} section with the positions of its
 * NULs, so that each name is found by one binary search, however the names overlap. Immutable.
 */
final class StringTable {
    private final byte[] bytes;
    private final int[] nuls;
    private final String file;
    private final String name;

    private StringTable(byte[] bytes, String file, String name) {
        this.bytes = bytes;
        this.file = file;
        this.name = name;
        int n = 0;
        for (byte b : bytes) {
            n += b == 0 ? 1 : 0;
        }
        this.nuls = new int[n];
        for (int i = 0, j = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                nuls[j++] = i;
            }
        }
    }

    /**
     * Reads the string table that {@code owner}'s {@code sh_link} names.
     *
     * @param file the file
     * @param owner the section that links to the table (a symbol table)
     * @param ownerAt the file offset of {@code owner}'s section header, for errors
     * @param what {@code owner} as errors name it
     * @throws FormatException if {@code sh_link} names no section, a section other than a string
     *     table with bytes, or one too large to hold in memory
     */
    static StringTable of(ElfFile file, ElfSection owner, long ownerAt, String what) throws FormatException {
        String src = file.source().describe();
        if (owner.link() == 0 || owner.link() >= file.sections().size()) {
            throw new FormatException(src, ownerAt, what + ": sh_link " + owner.link()
                    + " names no section (count " + file.sections().size() + ")");
        }
        ElfSection s = file.sections().get((int) owner.link());
        if (s.type() != ElfSection.SHT_STRTAB || s.isNoBits()) {
            throw new FormatException(src, ownerAt, what + ": sh_link " + owner.link() + " (" + s.name()
                    + ") is not a string table with bytes (sh_type " + s.type() + ")");
        }
        var b = file.sectionBytes(s);
        if (b.size() > Integer.MAX_VALUE - 8) {
            throw new FormatException(src, ElfSymbols.headerOffset(file, s.index()), "section " + s.index() + " ("
                    + s.name() + "): a string table of 0x" + Long.toHexString(b.size()) + " bytes is too large");
        }
        return new StringTable(b.bytes(0, (int) b.size()), src, s.name());
    }

    /**
     * Returns the NUL-terminated string at an offset.
     *
     * @param off the offset in the table
     * @param fieldAt the file offset of the field that holds {@code off}, for errors
     * @param field that field as errors name it, e.g. {@code "symbol 5: st_name"}
     * @throws FormatException if {@code off} is past the end or no NUL follows it
     */
    String at(long off, long fieldAt, String field) throws FormatException {
        if (off >= bytes.length) {
            if (off == 0) {
                return "";
            }
            throw new FormatException(file, fieldAt, field + " 0x" + Long.toHexString(off)
                    + " is past the end of the string table " + name + " (size 0x" + Integer.toHexString(bytes.length)
                    + ")");
        }
        int i = Arrays.binarySearch(nuls, (int) off);
        int nul = i >= 0 ? nuls[i] : -i - 1 < nuls.length ? nuls[-i - 1] : -1;
        if (nul < 0) {
            throw new FormatException(file, fieldAt, field + " 0x" + Long.toHexString(off)
                    + ": no NUL before the end of the string table " + name);
        }
        return new String(bytes, (int) off, nul - (int) off, StandardCharsets.UTF_8);
    }
}
