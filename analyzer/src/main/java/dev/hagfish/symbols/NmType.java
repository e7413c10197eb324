package dev.hagfish.symbols;

import dev.hagfish.macho.MachHeader;
import dev.hagfish.macho.Nlist;
import dev.hagfish.macho.Section;

/**
 * {@code NmType} computes the type letter that {@code llvm-nm} prints for a Mach-O symbol:
 * {@code t}/{@code d}/{@code b} for __TEXT,__text, __DATA,__data and __DATA,__bss, {@code s} for
 * every other section, {@code a} absolute, {@code i} indirect, {@code U} undefined, {@code C}
 * common, {@code -} for stabs; upper case when the symbol is external.
 */
public final class NmType {
    private NmType() {}

    /**
     * Returns the letter.
     *
     * @param n the entry
     * @param section the section {@code n_sect} names, or null
     * @param fileType the image's file type (kext bundles treat __TEXT_EXEC,__text as text)
     */
    public static char of(Nlist n, Section section, int fileType) {
        if (n.isStab()) {
            return '-';
        }
        int type = n.type() & Nlist.N_TYPE;
        if (n.isExternal() && type == Nlist.N_UNDF) {
            return n.value() != 0 ? 'C' : 'U';
        }
        char c = switch (type) {
            case Nlist.N_ABS -> 'a';
            case Nlist.N_INDR -> 'i';
            case Nlist.N_SECT -> sectionLetter(section, fileType);
            default -> '?';
        };
        return n.isExternal() ? Character.toUpperCase(c) : c;
    }

    private static char sectionLetter(Section s, int fileType) {
        if (s == null) {
            return 's';
        }
        String seg = s.segName();
        String sect = s.sectName();
        if (fileType == MachHeader.MH_KEXT_BUNDLE && seg.equals("__TEXT_EXEC") && sect.equals("__text")) {
            return 't';
        }
        if (seg.equals("__TEXT") && sect.equals("__text")) {
            return 't';
        }
        if (seg.equals("__DATA") && sect.equals("__data")) {
            return 'd';
        }
        if (seg.equals("__DATA") && sect.equals("__bss")) {
            return 'b';
        }
        return 's';
    }
}
