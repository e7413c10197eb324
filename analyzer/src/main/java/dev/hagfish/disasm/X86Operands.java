package dev.hagfish.disasm;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code X86Operands} reads control flow, branch targets and RIP-relative addresses from
 * Capstone's x86 text, in either syntax. Capstone prints a direct branch target as the absolute
 * address ({@code jne 0xffffff80002008d0}), a RIP-relative operand as {@code [rip + 0x4983]}
 * (Intel) or {@code 0x4983(%rip)} (AT&amp;T), and folds prefixes into the mnemonic
 * ({@code rep stosb}, {@code bnd jmp}), so the last word of the mnemonic is the operation.
 */
final class X86Operands {
    private static final Pattern NUMBER = Pattern.compile("(0x[0-9a-f]+|[0-9]+)");
    private static final Pattern RIP_INTEL = Pattern.compile("\\[rip(?: ([+-]) (0x[0-9a-f]+|[0-9]+))?\\]");
    private static final Pattern RIP_ATT = Pattern.compile("(-?)(0x[0-9a-f]+|[0-9]+)?\\(%rip\\)");

    private X86Operands() {}

    /** Returns the operation: the last word of the mnemonic. */
    static String operation(String mnemonic) {
        int sp = mnemonic.lastIndexOf(' ');
        return sp < 0 ? mnemonic : mnemonic.substring(sp + 1);
    }

    /** Returns how the instruction transfers control. */
    static Flow flow(String mnemonic) {
        String op = operation(mnemonic);
        if (op.startsWith("call") || op.startsWith("lcall")) {
            return Flow.CALL;
        }
        if (op.startsWith("ret") || op.startsWith("lret") || op.startsWith("iret") || op.startsWith("sysret")
                || op.startsWith("sysexit")) {
            return Flow.RETURN;
        }
        if (op.startsWith("j") || op.startsWith("ljmp") || op.startsWith("loop") || op.equals("xbegin")) {
            return Flow.JUMP;
        }
        return Flow.NONE;
    }

    /** Returns the destination of a direct jump or call: its operand is a bare number. */
    static OptionalLong target(Flow flow, String operands) {
        if (flow != Flow.JUMP && flow != Flow.CALL) {
            return OptionalLong.empty();
        }
        Matcher m = NUMBER.matcher(operands);
        return m.matches() ? OptionalLong.of(Literals.parse(m.group(1))) : OptionalLong.empty();
    }

    /**
     * Returns the address of a RIP-relative memory operand: the address of the next instruction
     * plus the displacement.
     *
     * @param next the address just past the instruction
     */
    static OptionalLong ripReference(Syntax syntax, String operands, long next) {
        if (!operands.contains("rip")) {
            return OptionalLong.empty();
        }
        if (syntax == Syntax.INTEL) {
            Matcher m = RIP_INTEL.matcher(operands);
            if (m.find()) {
                long disp = m.group(2) == null ? 0 : Literals.parse(m.group(2));
                return OptionalLong.of("-".equals(m.group(1)) ? next - disp : next + disp);
            }
        } else {
            Matcher m = RIP_ATT.matcher(operands);
            if (m.find()) {
                long disp = m.group(2) == null ? 0 : Literals.parse(m.group(2));
                return OptionalLong.of(m.group(1).isEmpty() ? next + disp : next - disp);
            }
        }
        return OptionalLong.empty();
    }
}
