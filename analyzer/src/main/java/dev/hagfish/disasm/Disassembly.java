package dev.hagfish.disasm;

import dev.hagfish.memory.MemoryFaultException;
import java.util.List;
import java.util.Optional;

/**
 * A {@code Disassembly} is the instructions decoded from an address space, in address order, and
 * the memory fault that stopped the decoding early, if one did. As in gdb, the instructions before
 * an unmapped byte are kept.
 *
 * @param instructions the decoded instructions (copied)
 * @param fault the read that failed before all that was asked for was decoded, if any
 */
public record Disassembly(List<Instruction> instructions, Optional<MemoryFaultException> fault) {
    /** Creates the record; the list is copied. */
    public Disassembly {
        instructions = List.copyOf(instructions);
    }
}
