package dev.hagfish.disasm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ObjdumpSpelling} holds the only differences {@link DisassemblerGoldenTest} forgives
 * between llvm-objdump-19 and hagfish (Capstone 4): how the same operand is spelled, never what it
 * is. samples/expected/objdump/NORMALIZATION.md lists the same rules for readers of the goldens.
 * <ol>
 *   <li><b>W, whitespace</b>: operands are compared token by token (numbers, names, punctuation);
 *       spaces are not tokens, so {@code (%rax,%rax)} equals {@code (%rax, %rax)}.
 *   <li><b>N, numbers</b>: a number token is compared by value, so {@code 0x1} equals {@code 1};
 *       a negative number equals the unsigned number with the same bits at 8, 16, 32 or 64 bits,
 *       so {@code -0x2} equals {@code 0xfffffffe} (LLVM prints some immediates signed, Capstone
 *       prints them unsigned at the operand's width).
 *   <li><b>S, Intel scale</b>: LLVM writes the scaled index of an Intel memory operand as
 *       {@code 8*r14}, Capstone as {@code r14*8}; the LLVM form is rewritten.
 *   <li><b>I, implicit count</b>: for the x86 shift and rotate group with opcode D0 or D1 (shift by
 *       one), LLVM omits the count {@code 1}, Capstone writes it ({@code shr al, 1},
 *       {@code shrb $1, %al}); the count is dropped from hagfish's operands when the opcode is D0/D1.
 *   <li><b>L, arm64 labels</b>: LLVM prints {@code adr} and 64-bit literal loads as the offset from
 *       the instruction ({@code adr x22, #96132}, {@code ldr x25, #0xb6dc}), {@code adrp} as a page
 *       delta ({@code adrp x8, 28}), and branch targets and 32-bit literal loads as a bare
 *       absolute address; Capstone prints all of them as the absolute {@code #0x…}. LLVM's form is
 *       turned into the absolute address (the instruction's address plus the offset; its page plus
 *       delta·4096) before comparing, so the address itself is compared exactly.
 * </ol>
 * Comments objdump appends ({@code ## literal pool for: "…"}, {@code ; 0x…} after adrp,
 * {@code @ KIND_JUMP_TABLE32} after data in code) are not operands. Mnemonics are compared
 * exactly.
 */
final class ObjdumpSpelling {
    private static final Pattern TOKEN = Pattern.compile("-?(?:0x[0-9a-f]+|[0-9]+)\\b|[A-Za-z_.][A-Za-z0-9_.$]*|\\S");
    private static final Pattern NUMBER = Pattern.compile("-?(?:0x[0-9a-f]+|[0-9]+)");
    private static final Pattern INTEL_SCALE = Pattern.compile("\\b([1248])\\*([a-z0-9]+)");
    private static final Pattern ARM_RELATIVE = Pattern.compile("(.*?)(?:^|, )#(-?(?:0x[0-9a-f]+|[0-9]+))$");
    private static final Pattern ARM_ABSOLUTE = Pattern.compile("(.*?)(?:^|, )(0x[0-9a-f]+)$");
    private static final Pattern ADRP = Pattern.compile("([wx][0-9]+), (-?[0-9]+)");

    private ObjdumpSpelling() {}

    /** Rules W and N: whether two operand strings are the same operands. */
    static boolean same(String llvm, String ours) {
        List<String> a = tokens(llvm);
        List<String> b = tokens(ours);
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameToken(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static boolean sameToken(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (!NUMBER.matcher(a).matches() || !NUMBER.matcher(b).matches()) {
            return false;
        }
        long x = Literals.parse(a);
        long y = Literals.parse(b);
        return x == y || widthEqual(a, x, y) || widthEqual(b, y, x);
    }

    /** Whether negative literal {@code neg} (value {@code x}) has the bits of {@code y} at some width. */
    private static boolean widthEqual(String neg, long x, long y) {
        if (!neg.startsWith("-")) {
            return false;
        }
        for (int w : new int[] {8, 16, 32, 64}) {
            long mask = w == 64 ? -1L : (1L << w) - 1;
            if ((x & mask) == y && (w == 64 || -x <= (1L << (w - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Rule S: {@code 8*r14} to {@code r14*8}. */
    static String intelScale(String llvm) {
        return INTEL_SCALE.matcher(llvm).replaceAll("$2*$1");
    }

    /** Rule I: drops the count 1 of a D0/D1 shift or rotate from hagfish's operands. */
    static String implicitCount(Instruction i) {
        byte[] b = i.bytes();
        int op = 0;
        while (op < b.length && isPrefix(b[op] & 0xff)) {
            op++;
        }
        if (op >= b.length || ((b[op] & 0xff) != 0xd0 && (b[op] & 0xff) != 0xd1)) {
            return i.operands();
        }
        return i.operands().replaceFirst(", 1$", "").replaceFirst("^\\$1, ", "");
    }

    private static boolean isPrefix(int b) {
        return (b & 0xf0) == 0x40 || b == 0x66 || b == 0x67 || b == 0xf0 || b == 0xf2 || b == 0xf3
                || b == 0x2e || b == 0x36 || b == 0x3e || b == 0x26 || b == 0x64 || b == 0x65;
    }

    /** Rule L: returns LLVM's arm64 operands with a PC-relative label made absolute ({@code #0x…}). */
    static String arm64Labels(ObjdumpListing.Line g) {
        String m = g.mnemonic();
        String ops = g.operands();
        if (m.equals("adrp")) {
            Matcher a = ADRP.matcher(ops);
            if (a.matches()) {
                long page = (g.address() & ~0xfffL) + (Long.parseLong(a.group(2)) << 12);
                return a.group(1) + ", #0x" + Long.toHexString(page);
            }
            return ops;
        }
        boolean relative = m.equals("adr") || m.equals("ldr") || m.equals("ldrsw") || m.equals("prfm");
        if (relative && !ops.contains("[")) {
            Matcher r = ARM_RELATIVE.matcher(ops);
            if (r.matches()) {
                long abs = g.address() + Literals.parse(r.group(2));
                return (r.group(1).isEmpty() ? "" : r.group(1) + ", ") + "#0x" + Long.toHexString(abs);
            }
        }
        boolean branch = m.equals("b") || m.equals("bl") || m.startsWith("b.") || m.equals("cbz") || m.equals("cbnz")
                || m.equals("tbz") || m.equals("tbnz");
        if ((branch || relative) && !ops.contains("[")) {
            Matcher b = ARM_ABSOLUTE.matcher(ops);
            if (b.matches()) {
                return (b.group(1).isEmpty() ? "" : b.group(1) + ", ") + "#" + b.group(2);
            }
        }
        return ops;
    }
}
