package dev.hagfish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hagfish.disasm.Arch;
import dev.hagfish.disasm.Disassembler;
import dev.hagfish.disasm.Instruction;
import dev.hagfish.disasm.Label;
import dev.hagfish.disasm.SymbolLookup;
import dev.hagfish.disasm.Syntax;
import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.memory.ImageSpace;
import dev.hagfish.memory.SegmentSpace;
import dev.hagfish.symbols.SymbolTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * gdb's layout of disassembled instructions with {@code <symbol+off>}: on the sample kernels, the
 * call targets and RIP-relative or adrp-paired operands that llvm-objdump-19's symbolic listing
 * names (samples/expected/objdump/*.symbolic.txt.gz: {@code callq _current_thread},
 * {@code movq _allproc(%rip), %r13}; addresses from samples/expected/…/nm-n.txt).
 */
class DisassemblyTextTest {
    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    /** Labels from the kernel's own symbol table, without Darwin's leading underscore, as gdb shows C names. */
    private static SymbolLookup labels(SymbolTable t) {
        return a -> t.lookup(a).map(s -> new Label(s.symbol().name().substring(1), s.offset()));
    }

    private static Instruction at(Disassembler d, SegmentSpace space, long address) throws IOException {
        return d.decode(space, address, 1).instructions().get(0);
    }

    @Test
    void x86CallsAndRipRelativeOperandsAreNamed() throws IOException {
        MachOFile k = MachOFile.parse(ByteSource.open(SAMPLES.resolve("kernels/x86_64-dwarf4/kernel")));
        SegmentSpace space = ImageSpace.of(k, 0, "kernel");
        SymbolLookup labels = labels(SymbolTable.of(k));
        try (Disassembler d = Disassembler.open(Arch.X86_64, Syntax.INTEL)) {
            assertEquals("call   0xffffff8000203980 <current_thread>",
                    DisassemblyText.instruction(at(d, space, 0xffffff8000200a14L), Arch.X86_64, labels));
            assertEquals("   0xffffff80002008b6 <proc_iterate+38>:\tmov    r13, qword ptr [rip + 0x4983]        "
                    + "# 0xffffff8000205240 <allproc>", DisassemblyText.line(at(d, space, 0xffffff80002008b6L),
                            "proc_iterate+38", Arch.X86_64, labels));
            assertEquals("je     0xffffff8000200908 <proc_iterate+120>",
                    DisassemblyText.instruction(at(d, space, 0xffffff80002008b4L), Arch.X86_64, labels));
            assertEquals("ret", DisassemblyText.instruction(at(d, space, 0xffffff8000200949L), Arch.X86_64, labels));
            assertEquals("   0xffffff8000203184:\tint3", DisassemblyText.line(at(d, space, 0xffffff8000203184L), "",
                    Arch.X86_64, SymbolLookup.NONE));
        }
    }

    @Test
    void arm64CallsAndAdrpPairsAreNamed() throws IOException {
        MachOFile k = MachOFile.parse(ByteSource.open(SAMPLES.resolve("kernels/arm64-dwarf5/kernel")));
        SegmentSpace space = ImageSpace.of(k, 0, "kernel");
        SymbolLookup labels = labels(SymbolTable.of(k));
        try (Disassembler d = Disassembler.open(Arch.ARM64, Syntax.INTEL)) {
            // objdump: bl _current_thread at 0xfffffe0007004a7c
            assertEquals("bl     #0xfffffe0007007b38 <current_thread>",
                    DisassemblyText.instruction(at(d, space, 0xfffffe0007004a7cL), Arch.ARM64, labels));
            // objdump: adrp x8, 25 ; 0xfffffe0007020000, then ldr w9, [x8, #0x710] (0x…20710 is _kmod_started_count)
            var run = d.decode(space, 0xfffffe0007007288L, 2).instructions();
            assertEquals("ldr    w9, [x8, #0x710]        // 0xfffffe0007020710 <kmod_started_count>",
                    DisassemblyText.instruction(run.get(1), Arch.ARM64, labels));
        }
        assertEquals(Optional.empty(), SymbolLookup.NONE.find(0));
    }
}
