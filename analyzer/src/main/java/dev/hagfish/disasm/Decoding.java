package dev.hagfish.disasm;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * {@code Decoding} turns the engine's raw instructions of one linear run into {@link Instruction}
 * records: the arm64 alias rules, control flow, spelled-out targets and computed references
 * (RIP-relative on x86-64, adrp pairs on arm64, which need the run's earlier instructions). It
 * also makes the records of data in code and of undecodable bytes. Not thread-safe.
 */
final class Decoding {
    private final Arch arch;
    private final Syntax syntax;
    private final AdrpPairs adrp = new AdrpPairs();

    Decoding(Arch arch, Syntax syntax) {
        this.arch = arch;
        this.syntax = syntax;
    }

    /** Returns the record of a decoded instruction. */
    Instruction code(RawInstruction raw) {
        if (arch == Arch.ARM64) {
            RawInstruction r = Arm64Aliases.apply(raw);
            Flow flow = Arm64Operands.flow(r.mnemonic());
            OptionalLong target = Arm64Operands.target(r.mnemonic(), r.operands());
            OptionalLong reference = adrp.next(r.mnemonic(), r.operands(), flow, target);
            return new Instruction(r.address(), r.bytes(), r.mnemonic(), r.operands(), InstructionKind.CODE, flow,
                    target, reference);
        }
        Flow flow = X86Operands.flow(raw.mnemonic());
        OptionalLong target = X86Operands.target(flow, raw.operands());
        OptionalLong reference = arch == Arch.X86_64
                ? X86Operands.ripReference(syntax, raw.operands(), raw.address() + raw.bytes().length)
                : OptionalLong.empty();
        return new Instruction(raw.address(), raw.bytes(), raw.mnemonic(), raw.operands(), InstructionKind.CODE, flow,
                target, reference);
    }

    /** Returns the record of one datum of data in code: {@code .byte}, {@code .short} or {@code .long} and its value in hex. */
    Instruction data(long address, byte[] bytes, int length, ByteOrder order) {
        long v = 0;
        for (int i = 0; i < length; i++) {
            int at = order == ByteOrder.LITTLE_ENDIAN ? length - 1 - i : i;
            v = (v << 8) | (bytes[at] & 0xffL);
        }
        String directive = length == 1 ? ".byte" : length == 2 ? ".short" : ".long";
        return new Instruction(address, Arrays.copyOf(bytes, length), directive, "0x" + Long.toHexString(v),
                InstructionKind.DATA, Flow.NONE, OptionalLong.empty(), OptionalLong.empty());
    }

    /** Returns the record of bytes that do not decode: {@code (bad)} on x86, {@code .long 0x…} on arm64. */
    Instruction invalid(long address, byte[] bytes) {
        if (arch == Arch.ARM64 && bytes.length == 4) {
            long word = (bytes[0] & 0xffL) | (bytes[1] & 0xffL) << 8 | (bytes[2] & 0xffL) << 16 | (bytes[3] & 0xffL) << 24;
            return new Instruction(address, bytes, ".long", "0x" + String.format("%08x", word), InstructionKind.INVALID,
                    Flow.NONE, OptionalLong.empty(), OptionalLong.empty());
        }
        return new Instruction(address, bytes, "(bad)", "", InstructionKind.INVALID, Flow.NONE, OptionalLong.empty(),
                OptionalLong.empty());
    }
}
