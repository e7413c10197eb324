package dev.hagfish.disasm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Arm64Pairs} checks hagfish's arm64 adrp-pair references against the golden listing:
 * <ul>
 *   <li>an {@code add Xd, Xn, #imm} or a load/store through {@code [Xn, #imm]} that directly
 *       follows {@code adrp Xn} in objdump's listing must have the reference page + imm (the pairs
 *       objdump and lldb recognise);
 *   <li>every reference hagfish gives must be the page of an earlier {@code adrp Xn} of the same
 *       function plus the golden instruction's offset, with no instruction in between whose first
 *       operand is Xn or Wn (which would overwrite it), and no call, return or unconditional
 *       branch in between.
 * </ul>
 */
final class Arm64Pairs {
    private static final Pattern ADD = Pattern.compile("(?:[wx][0-9]+|w?sp), (x[0-9]+), #(0x[0-9a-f]+|[0-9]+)(?:, lsl #([0-9]+))?");
    private static final Pattern MEMORY = Pattern.compile("\\[(x[0-9]+)(?:, #(-?(?:0x[0-9a-f]+|[0-9]+)))?\\]$");
    private static final Pattern ADRP = Pattern.compile("x([0-9]+), (-?[0-9]+)");

    private Arm64Pairs() {}

    static void check(ObjdumpListing golden, Map<Long, Instruction> ours, List<String> bad) {
        List<ObjdumpListing.Line> lines = new ArrayList<>(golden.lines().values());
        for (int k = 0; k < lines.size(); k++) {
            ObjdumpListing.Line l = lines.get(k);
            Instruction i = ours.get(l.address());
            if (i == null) {
                continue;
            }
            Use use = use(l);
            OptionalLong expected = use == null ? OptionalLong.empty() : formed(lines, k, use);
            boolean adjacent = use != null && k > 0 && lines.get(k - 1).mnemonic().equals("adrp")
                    && lines.get(k - 1).label().equals(l.label()) && register(lines.get(k - 1)) == use.base;
            if (adjacent && !expected.equals(i.reference())) {
                bad.add(DisassemblerGoldenTest.hex(l.address()) + ": adrp pair gives " + DisassemblerGoldenTest.opt(expected)
                        + ", hagfish " + DisassemblerGoldenTest.opt(i.reference()));
            } else if (i.reference().isPresent() && !expected.equals(i.reference())) {
                bad.add(DisassemblerGoldenTest.hex(l.address()) + ": hagfish reference "
                        + DisassemblerGoldenTest.opt(i.reference()) + " is no adrp pair of the golden ("
                        + DisassemblerGoldenTest.opt(expected) + ")");
            }
        }
    }

    /** The base register and offset of an add or load/store, or null. */
    private record Use(int base, long offset) {}

    private static Use use(ObjdumpListing.Line l) {
        Matcher a = ADD.matcher(l.operands());
        if (l.mnemonic().equals("add") && a.matches()) {
            long imm = Literals.parse(a.group(2)) << (a.group(3) == null ? 0 : Integer.parseInt(a.group(3)));
            return new Use(Integer.parseInt(a.group(1).substring(1)), imm);
        }
        Matcher m = MEMORY.matcher(l.operands());
        if ((l.mnemonic().startsWith("ld") || l.mnemonic().startsWith("st") || l.mnemonic().equals("prfm")) && m.find()) {
            return new Use(Integer.parseInt(m.group(1).substring(1)), m.group(2) == null ? 0 : Literals.parse(m.group(2)));
        }
        return null;
    }

    /** Walks back within the function to the adrp that last set the base register. */
    private static OptionalLong formed(List<ObjdumpListing.Line> lines, int k, Use use) {
        String label = lines.get(k).label();
        for (int j = k - 1; j >= 0 && lines.get(j).label().equals(label); j--) {
            ObjdumpListing.Line p = lines.get(j);
            String m = p.mnemonic();
            if (m.equals("adrp") && register(p) == use.base) {
                Matcher a = ADRP.matcher(p.operands());
                if (!a.matches()) {
                    return OptionalLong.empty();
                }
                long page = (p.address() & ~0xfffL) + (Long.parseLong(a.group(2)) << 12);
                return OptionalLong.of(page + use.offset);
            }
            if (m.equals("bl") || m.equals("blr") || m.equals("ret") || m.equals("b") || m.equals("br")
                    || register(p) == use.base) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** The number of the first operand's register (X or W), or -1. */
    private static int register(ObjdumpListing.Line l) {
        Matcher m = Pattern.compile("[wx]([0-9]+)\\b").matcher(l.operands());
        return m.lookingAt() ? Integer.parseInt(m.group(1)) : -1;
    }
}
