package dev.hagfish.disasm;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An {@code Instruction} is one decoded unit at an address of an address space: an instruction,
 * a piece of data in code, or bytes that do not decode ({@link #kind()}).
 *
 * <p>Two addresses may come with it, both absolute in the same address space as {@link #address()}
 * (slid when the space is slid):
 * <ul>
 *   <li>{@link #target()}: an address the operands spell out. For a direct jump or call it is the
 *       destination ({@link #flow()} says which); on arm64 it is also the label of {@code adr},
 *       {@code adrp} (the 4 KiB page) and a PC-relative literal load such as {@code ldr x0, #0x…}.
 *   <li>{@link #reference()}: an address a memory operand computes that the operands do not spell
 *       out: an x86-64 RIP-relative operand ({@code [rip + 0x4983]}: the next instruction's address
 *       plus the displacement), or the arm64 page of an earlier {@code adrp} plus the offset of
 *       an {@code add} or a load/store through the same register.
 * </ul>
 *
 * <p>Immutable: the bytes are copied in and out.
 *
 * @param address the address of the first byte
 * @param bytes the encoding (copied)
 * @param mnemonic the mnemonic, e.g. {@code mov}, {@code b.ne}, {@code .long}, {@code (bad)}
 * @param operands the operands as Capstone prints them in the chosen syntax (after the alias
 *     rules of {@code Arm64Aliases}); empty when there are none
 * @param kind code, data in code, or invalid
 * @param flow whether and how it transfers control
 * @param target the address the operands spell out, if any
 * @param reference the address a memory operand computes, if any
 */
public record Instruction(long address, byte[] bytes, String mnemonic, String operands, InstructionKind kind,
        Flow flow, OptionalLong target, OptionalLong reference) {

    /** Creates the record; the bytes are copied. */
    public Instruction {
        bytes = bytes.clone();
        Objects.requireNonNull(mnemonic, "mnemonic");
        Objects.requireNonNull(operands, "operands");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reference, "reference");
    }

    /** Returns a copy of the encoding. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Returns the length of the encoding in bytes. */
    public int length() {
        return bytes.length;
    }

    /** Returns the address just past the encoding (unsigned; wraps at 2^64). */
    public long end() {
        return address + bytes.length;
    }

    /** Returns the encoding as lower-case hex without separators, e.g. {@code 4c8b2d83490000}. */
    public String hexBytes() {
        return HexFormat.of().formatHex(bytes);
    }

    /** Returns {@code mnemonic} and the operands, separated by one space when there are operands. */
    public String text() {
        return operands.isEmpty() ? mnemonic : mnemonic + " " + operands;
    }

    /** Compares the encoding by content, not by array identity. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Instruction i && address == i.address && Arrays.equals(bytes, i.bytes)
                && mnemonic.equals(i.mnemonic) && operands.equals(i.operands) && kind == i.kind && flow == i.flow
                && target.equals(i.target) && reference.equals(i.reference);
    }

    /** Hashes the encoding by content. */
    @Override
    public int hashCode() {
        return Objects.hash(address, Arrays.hashCode(bytes), mnemonic, operands, kind, flow, target,
                reference);
    }

    /** Returns {@code 0x… text}. */
    @Override
    public String toString() {
        return "0x" + Long.toHexString(address) + " " + text();
    }
}
