package dev.hagfish.disasm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SymbolicName} finds the symbol that llvm-objdump's symbolic listing puts in place of an
 * address: a branch or call destination ({@code callq _memset}, {@code bl _memset}), an x86-64
 * RIP-relative operand ({@code _allproc(%rip)}), or an arm64 literal load ({@code ldr w10, _nprocs}).
 * Immediates that objdump names ({@code movabsq $_sym, %rsi}) are left out: neither gdb nor hagfish
 * names immediates.
 */
final class SymbolicName {
    private static final String NAME = "(_[A-Za-z0-9_.$]+)";
    private static final Pattern RIP = Pattern.compile("(?:^|[ ,*])" + NAME + "\\(%rip\\)");
    private static final Pattern LAST = Pattern.compile("(?:^|, |\\*)" + NAME + "$");

    private SymbolicName() {}

    /** Returns the symbol named in place of an address, or null. */
    static String of(Arch arch, ObjdumpListing.Line l) {
        if (arch == Arch.X86_64) {
            Matcher r = RIP.matcher(l.operands());
            if (r.find()) {
                return r.group(1);
            }
        }
        if (l.operands().contains("$")) {
            return null;
        }
        Matcher m = LAST.matcher(l.operands());
        return m.find() ? m.group(1) : null;
    }

    /** Whether the name stands for a computed memory address (RIP-relative) rather than a spelled-out one. */
    static boolean isMemoryOperand(Arch arch, ObjdumpListing.Line l) {
        return arch == Arch.X86_64 && l.operands().contains("(%rip)");
    }
}
