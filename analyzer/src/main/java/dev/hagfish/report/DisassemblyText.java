package dev.hagfish.report;

import dev.hagfish.disasm.Arch;
import dev.hagfish.disasm.Instruction;
import dev.hagfish.disasm.Label;
import dev.hagfish.disasm.SymbolLookup;
import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code DisassemblyText} prints {@link Instruction}s as gdb's {@code disassemble} and
 * {@code x/i} do: {@code    0xffffff8000203184 <+4>:\tint3}, the mnemonic padded to six columns,
 * then the operands. Addresses the instruction names are annotated through a
 * {@link SymbolLookup}:
 * <ul>
 *   <li>a target the operands spell out (a branch or call destination, an arm64 adr/adrp/literal
 *       label) gets {@code <symbol+off>} after the operands:
 *       {@code call   0xffffff80002028d0 <panic>};
 *   <li>an address a memory operand computes (RIP-relative, arm64 adrp pairs) gets a comment
 *       with the address and {@code <symbol+off>}:
 *       {@code mov    r13, qword ptr [rip + 0x4983]        # 0xffffff8000205240 <allproc>}
 *       ({@code //} on arm64, GNU's comment character there).
 * </ul>
 * Offsets in labels are decimal, as in gdb.
 */
public final class DisassemblyText {
    /** gdb's separator between the operands and a comment. */
    private static final String COMMENT_GAP = "        ";

    private DisassemblyText() {}

    /**
     * Returns one line: three spaces, the address, {@code <where>} when {@code where} is not
     * empty, a colon, a tab and {@link #instruction}.
     *
     * @param where the address as an offset into the function ({@code +4}) or a label
     *     ({@code AppleHDA_start+4}), or empty
     */
    public static String line(Instruction insn, String where, Arch arch, SymbolLookup symbols) throws IOException {
        return "   " + Unsigned.hex(insn.address()) + (where.isEmpty() ? "" : " <" + where + ">") + ":\t"
                + instruction(insn, arch, symbols);
    }

    /** Returns the mnemonic padded to six columns, the operands, and the annotations. */
    public static String instruction(Instruction insn, Arch arch, SymbolLookup symbols) throws IOException {
        StringBuilder sb = new StringBuilder(insn.mnemonic());
        if (!insn.operands().isEmpty()) {
            sb.append(" ".repeat(Math.max(1, 7 - insn.mnemonic().length()))).append(insn.operands());
        }
        if (insn.target().isPresent()) {
            Optional<Label> l = symbols.find(insn.target().getAsLong());
            l.ifPresent(label -> sb.append(" <").append(label.text()).append('>'));
        }
        if (insn.reference().isPresent()) {
            long a = insn.reference().getAsLong();
            sb.append(COMMENT_GAP).append(arch == Arch.ARM64 ? "// " : "# ").append(Unsigned.hex(a));
            Optional<Label> l = symbols.find(a);
            l.ifPresent(label -> sb.append(" <").append(label.text()).append('>'));
        }
        return sb.toString();
    }
}
