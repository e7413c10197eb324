package dev.hagfish.cli;

import java.util.Map;

/** {@code StabNames} names the stab types of {@code <mach-o/stab.h>} as {@code llvm-nm -a} prints them. */
final class StabNames {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x20, "GSYM"), Map.entry(0x22, "FNAME"), Map.entry(0x24, "FUN"), Map.entry(0x26, "STSYM"),
            Map.entry(0x28, "LCSYM"), Map.entry(0x2e, "BNSYM"), Map.entry(0x32, "AST"), Map.entry(0x3c, "OPT"),
            Map.entry(0x40, "RSYM"), Map.entry(0x44, "SLINE"), Map.entry(0x4e, "ENSYM"), Map.entry(0x60, "SSYM"),
            Map.entry(0x64, "SO"), Map.entry(0x66, "OSO"), Map.entry(0x80, "LSYM"), Map.entry(0x82, "BINCL"),
            Map.entry(0x84, "SOL"), Map.entry(0x86, "PARAMS"), Map.entry(0x88, "VERSION"), Map.entry(0x8a, "OLEVEL"),
            Map.entry(0xa0, "PSYM"), Map.entry(0xa2, "EINCL"), Map.entry(0xa4, "ENTRY"), Map.entry(0xc0, "LBRAC"),
            Map.entry(0xc2, "EXCL"), Map.entry(0xe0, "RBRAC"), Map.entry(0xe2, "BCOMM"), Map.entry(0xe4, "ECOMM"),
            Map.entry(0xe8, "ECOML"), Map.entry(0xfe, "LENG"));

    private StabNames() {}

    /** Returns the stab's name, or its number in hex. */
    static String of(int type) {
        String n = NAMES.get(type);
        return n != null ? n : String.format("%02x", type);
    }
}
