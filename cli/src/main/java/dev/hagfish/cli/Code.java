package dev.hagfish.cli;

import dev.hagfish.disasm.Arch;
import dev.hagfish.disasm.DataRegions;
import dev.hagfish.io.FormatException;
import dev.hagfish.memory.AddressSpace;

/**
 * {@code Code} is what {@code dis} decodes from a {@link Target}: its memory, its slide, the
 * kernel's instruction set, and the kernel file's data-in-code runs (slid; none when the kernel
 * file is gone).
 *
 * @param space the target's memory
 * @param slide the KASLR slide: slid address minus unslid address
 * @param arch the instruction set
 * @param data the kernel's data-in-code runs, slid
 */
record Code(AddressSpace space, long slide, Arch arch, DataRegions data) {

    /**
     * Returns the code of a target.
     *
     * @throws HagfishException (not found) if the architecture cannot be disassembled
     * @throws FormatException if the kernel file's data-in-code table is malformed
     */
    static Code of(Target t) throws FormatException {
        Arch arch = Arch.of(t.kernel().arch()).orElseThrow(() -> new HagfishException(ExitCodes.NOT_FOUND,
                "kernel " + t.kernel().uuid() + " is " + t.kernel().arch()
                        + "; hagfish disassembles x86_64, i386 and arm64"));
        DataRegions data = t.kernelImage().isPresent() ? DataRegions.of(t.kernelImage().get(), t.slide())
                : DataRegions.NONE;
        return new Code(t.space(), t.slide(), arch, data);
    }
}
