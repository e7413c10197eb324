package dev.hagfish.macho;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code NlistReader} decodes the symbol table named by an image's {@code LC_SYMTAB}. The entry
 * count and the string table are checked against the file size before anything is read.
 */
public final class NlistReader {
    private NlistReader() {}

    /** Returns every entry of the image's symbol table, or an empty list without LC_SYMTAB. */
    public static List<Nlist> read(MachOFile file) throws FormatException {
        var symtab = file.symtab();
        if (symtab.isEmpty()) {
            return List.of();
        }
        SymtabCommand st = symtab.get();
        ByteSource src = file.source();
        int entSize = file.header().is64() ? 16 : 12;
        if (st.nsyms() > (src.size() - Math.min(st.symoff(), src.size())) / entSize) {
            throw new FormatException(src.describe(), st.fileOffset(), "LC_SYMTAB: " + st.nsyms()
                    + " symbols at 0x" + Long.toHexString(st.symoff()) + " run past the end of the file");
        }
        src.checkRange(st.stroff(), st.strsize());
        List<Nlist> out = new ArrayList<>((int) st.nsyms());
        for (int i = 0; i < st.nsyms(); i++) {
            long e = st.symoff() + (long) i * entSize;
            long strx = src.u32(e);
            int type = src.u8(e + 4);
            int sect = src.u8(e + 5);
            int desc = src.u16(e + 6);
            long value = file.header().is64() ? src.u64(e + 8) : src.u32(e + 8);
            String name = "";
            if (strx != 0) {
                if (strx >= st.strsize()) {
                    throw new FormatException(src.describe(), e, "symbol " + i + ": string index 0x"
                            + Long.toHexString(strx) + " is past the string table (size 0x"
                            + Long.toHexString(st.strsize()) + ")");
                }
                name = src.cstring(st.stroff() + strx, (int) Math.min(st.strsize() - strx, 1 << 20));
            }
            out.add(new Nlist(i, name, type, sect, desc, value));
        }
        return out;
    }
}
