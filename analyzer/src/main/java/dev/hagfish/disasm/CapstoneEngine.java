package dev.hagfish.disasm;

import capstone.Capstone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code CapstoneEngine} decodes through Capstone's official Java binding (JNA over the system's
 * {@code libcapstone.so}, Debian's libcapstone4). It is the only class of hagfish that touches
 * {@code capstone.*}, so that the native library is loaded only when something is disassembled:
 * the binding loads it in the {@link Capstone} constructor.
 *
 * <p>The binding's detail mode is not used: filling its per-instruction detail structures through
 * JNA costs about 1–6 ms per instruction (measured on the x86_64 sample kernel, against
 * 0.03–0.2 ms without), so operands are analysed from Capstone's operand text ({@link X86Operands},
 * {@link Arm64Operands}), whose spellings Capstone's printers fix. Not thread-safe.
 */
final class CapstoneEngine implements Engine {
    private final Capstone capstone;

    /** Opens a Capstone handle; see {@link Engine.Factory#open} for what it throws. */
    CapstoneEngine(Arch arch, Syntax syntax) {
        capstone = switch (arch) {
            case X86_64 -> new Capstone(Capstone.CS_ARCH_X86, Capstone.CS_MODE_64);
            case I386 -> new Capstone(Capstone.CS_ARCH_X86, Capstone.CS_MODE_32);
            case ARM64 -> new Capstone(Capstone.CS_ARCH_ARM64, Capstone.CS_MODE_ARM);
        };
        if (arch.isX86() && syntax == Syntax.ATT) {
            capstone.setSyntax(Capstone.CS_OPT_SYNTAX_ATT);
        }
    }

    @Override
    public List<RawInstruction> decode(byte[] code, int length, long address, int count) {
        byte[] bytes = length == code.length ? code : Arrays.copyOf(code, length);
        Capstone.CsInsn[] decoded = capstone.disasm(bytes, address, count);
        List<RawInstruction> out = new ArrayList<>(decoded.length);
        for (Capstone.CsInsn i : decoded) {
            int size = i.size & 0xffff;
            out.add(new RawInstruction(i.address, Arrays.copyOf(i.bytes, size), i.mnemonic,
                    i.opStr == null ? "" : i.opStr.strip()));
        }
        return out;
    }

    @Override
    public void close() {
        capstone.close();
    }
}
