package dev.hagfish.values;

import dev.hagfish.memory.AddressSpace;
import java.io.IOException;
import java.util.List;

/**
 * An {@code InstructionPrinter} decodes machine instructions for {@code x/i}; the disassembler
 * ({@code disasm}) provides it, so that {@code values} does not depend on Capstone.
 */
public interface InstructionPrinter {
    /**
     * One decoded instruction.
     *
     * @param address its address
     * @param length its length in bytes
     * @param text its mnemonic and operands as the disassembler prints them
     */
    record Instruction(long address, int length, String text) {}

    /**
     * Decodes {@code count} instructions from {@code address}; fewer when memory or the decoder
     * stops first.
     */
    List<Instruction> decode(AddressSpace memory, long address, int count) throws IOException;
}
