package dev.hagfish.disasm;

import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Arm64Operands} reads control flow and PC-relative labels from Capstone's arm64 text.
 * Capstone prints every PC-relative label as the absolute address, as the last operand:
 * {@code b.ne #0xfffffe0007004984}, {@code cbz x25, #0x…}, {@code tbz w0, #1, #0x…},
 * {@code adr x22, #0x…}, {@code adrp x8, #0xfffffe0007020000} (the 4 KiB page) and the literal
 * loads {@code ldr x25, #0x…}, {@code ldrsw x0, #0x…}, {@code prfm pldl1keep, #0x…}.
 */
final class Arm64Operands {
    private static final Set<String> LABEL_BRANCHES = Set.of("b", "bl", "cbz", "cbnz", "tbz", "tbnz");
    private static final Set<String> LITERAL_LOADS = Set.of("ldr", "ldrsw", "prfm");
    private static final Set<String> RETURNS = Set.of("ret", "retaa", "retab", "eret", "eretaa", "eretab");
    private static final Pattern LAST_LABEL = Pattern.compile("(?:^|, )#(0x[0-9a-f]+|[0-9]+)$");

    private Arm64Operands() {}

    /** Returns how the instruction transfers control. */
    static Flow flow(String mnemonic) {
        if (mnemonic.equals("bl") || mnemonic.startsWith("blr")) {
            return Flow.CALL;
        }
        if (RETURNS.contains(mnemonic)) {
            return Flow.RETURN;
        }
        if (mnemonic.equals("b") || mnemonic.startsWith("b.") || mnemonic.startsWith("br")
                || mnemonic.equals("cbz") || mnemonic.equals("cbnz") || mnemonic.equals("tbz")
                || mnemonic.equals("tbnz")) {
            return Flow.JUMP;
        }
        return Flow.NONE;
    }

    /**
     * Returns the PC-relative label the operands spell out: a branch destination, the address of
     * {@code adr}, the page of {@code adrp}, or the address of a literal load.
     */
    static OptionalLong target(String mnemonic, String operands) {
        boolean label = LABEL_BRANCHES.contains(mnemonic) || mnemonic.startsWith("b.") || mnemonic.equals("adr")
                || mnemonic.equals("adrp") || (LITERAL_LOADS.contains(mnemonic) && !operands.contains("["));
        if (!label) {
            return OptionalLong.empty();
        }
        Matcher m = LAST_LABEL.matcher(operands);
        return m.find() ? OptionalLong.of(Literals.parse(m.group(1))) : OptionalLong.empty();
    }
}
