package dev.hagfish.disasm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Arm64Aliases} applies the preferred-disassembly rules of the Arm Architecture Reference
 * Manual (C6.2, the "alias conditions" of MOVZ, MOVN and ORR (immediate)) that Capstone 4 does
 * not apply, so that hagfish prints what the manual, LLVM and GNU objdump print:
 * <ul>
 *   <li>{@code movz Rd, #imm16, lsl #s} is {@code mov Rd, #(imm16 << s)} unless
 *       {@code imm16 == 0 && s != 0};
 *   <li>{@code movn Rd, #imm16, lsl #s} is {@code mov Rd, #~(imm16 << s)} unless
 *       {@code imm16 == 0 && s != 0}, or Rd is a W register and {@code imm16 == 0xffff};
 *   <li>{@code orr Rd, wzr|xzr, #imm} is {@code mov Rd, #imm} unless a MOVZ or MOVN could make
 *       the same value ("MoveWidePreferred").
 * </ul>
 * The {@code mov} immediate is printed as a signed number of the register's width
 * ({@code mov w0, #-0x1}), as LLVM prints it.
 */
final class Arm64Aliases {
    private static final Pattern MOVE_WIDE = Pattern.compile("([wx](?:[0-9]+|zr)), #(0x[0-9a-f]+|[0-9]+)(?:, lsl #([0-9]+))?");
    private static final Pattern ORR_ZR = Pattern.compile("([wx][0-9]+|wsp|sp), ([wx])zr, #(0x[0-9a-f]+|[0-9]+)");

    private Arm64Aliases() {}

    /** Returns the instruction with its preferred alias, or {@code raw} itself when none applies. */
    static RawInstruction apply(RawInstruction raw) {
        String m = raw.mnemonic();
        if (m.equals("movz") || m.equals("movn")) {
            Matcher w = MOVE_WIDE.matcher(raw.operands());
            if (!w.matches()) {
                return raw;
            }
            int width = w.group(1).charAt(0) == 'x' ? 64 : 32;
            long imm16 = Literals.parse(w.group(2));
            int shift = w.group(3) == null ? 0 : Integer.parseInt(w.group(3));
            if ((imm16 == 0 && shift != 0) || (m.equals("movn") && width == 32 && imm16 == 0xffff) || shift >= width) {
                return raw;
            }
            long value = imm16 << shift;
            if (m.equals("movn")) {
                value = ~value;
            }
            return mov(raw, w.group(1), value, width);
        }
        if (m.equals("orr")) {
            Matcher o = ORR_ZR.matcher(raw.operands());
            if (!o.matches()) {
                return raw;
            }
            int width = o.group(2).equals("x") ? 64 : 32;
            long value = Literals.parse(o.group(3));
            if (moveWideCan(value, width) || moveWideCan(~value, width)) {
                return raw;
            }
            return mov(raw, o.group(1), value, width);
        }
        return raw;
    }

    private static RawInstruction mov(RawInstruction raw, String rd, long value, int width) {
        return new RawInstruction(raw.address(), raw.bytes(), "mov", rd + ", #" + Literals.signedHex(value, width));
    }

    /** Whether one MOVZ makes {@code value} in a register of {@code width} bits: its ones fit one aligned halfword. */
    static boolean moveWideCan(long value, int width) {
        long v = width == 64 ? value : value & 0xffffffffL;
        for (int shift = 0; shift < width; shift += 16) {
            if ((v & ~(0xffffL << shift)) == 0) {
                return true;
            }
        }
        return false;
    }
}
