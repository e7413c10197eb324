package dev.hagfish.cli;

import dev.hagfish.disasm.Arch;
import dev.hagfish.disasm.DataRegions;
import dev.hagfish.index.KernelRecord;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.memory.AddressSpace;
import dev.hagfish.memory.ImageSpace;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An {@code ImageTarget} is the memory {@code dis} reads: the indexed kernel's own file, its
 * segments moved by {@code --slide} ({@link ImageSpace}). It is the one place that makes the
 * address space, to be replaced by the target options ({@code --core}, {@code --raw}) when they
 * come; the kernel file stays the source of the data-in-code table.
 *
 * @param kernel the kernel image (the indexed slice of a universal file)
 * @param space its segments, slid
 * @param slide the KASLR slide: slid address minus unslid address
 * @param arch the instruction set
 * @param data the kernel's data-in-code runs, slid
 */
record ImageTarget(MachOFile kernel, AddressSpace space, long slide, Arch arch, DataRegions data) {

    /**
     * Opens the kernel file the store indexed.
     *
     * @throws HagfishException (not found) if the architecture cannot be disassembled
     * @throws IOException if the file is missing or is not a Mach-O image
     */
    static ImageTarget open(KernelRecord k, long slide) throws IOException {
        Arch arch = Arch.of(k.arch()).orElseThrow(() -> new HagfishException(ExitCodes.NOT_FOUND,
                "kernel " + k.uuid() + " is " + k.arch() + "; hagfish disassembles x86_64, i386 and arm64"));
        ByteSource src = ByteSource.open(Path.of(k.kernelPath()));
        MachOFile kernel;
        try {
            kernel = MachOFile.open(src, k.arch());
        } catch (FormatException e) {
            throw new FormatException(e.source(), e.offset(), e.detail() + " (dis reads Mach-O kernels only)");
        }
        return new ImageTarget(kernel, ImageSpace.of(kernel, slide, "kernel " + k.kernelPath()
                + (slide == 0 ? "" : " slid by 0x" + Long.toHexString(slide))), slide, arch, DataRegions.of(kernel, slide));
    }
}
