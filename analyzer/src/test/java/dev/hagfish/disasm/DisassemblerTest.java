package dev.hagfish.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.ByteArraySource;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.memory.Mapping;
import dev.hagfish.memory.MemoryFaultException;
import dev.hagfish.memory.SegmentSpace;
import dev.hagfish.symbols.Symbol;
import dev.hagfish.symbols.SymbolTable;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The classic gdb check ({@code x/11i} at a kext's debugger trap shows the trap first), decoding
 * at a slide, and the edges of decoding: bytes that do not decode, a read that runs into a gap,
 * a missing Capstone library. Expected instructions come from the llvm-objdump goldens.
 */
class DisassemblerTest {

    /** The golden listing's lines from {@code address} on, in order. */
    private static List<ObjdumpListing.Line> goldenFrom(ObjdumpListing golden, long address, int n) {
        List<ObjdumpListing.Line> out = new ArrayList<>();
        for (ObjdumpListing.Line l : golden.lines().values()) {
            if (Long.compareUnsigned(l.address(), address) >= 0 && out.size() < n) {
                out.add(l);
            }
        }
        return out;
    }

    private static Symbol symbol(MachOFile image, String name) throws IOException {
        return SymbolTable.of(image).byName(name).get(0);
    }

    @Test
    void elevenInstructionsAtTheKextsDebuggerTrapStartWithTheTrap() throws IOException {
        for (GoldenImage g : GoldenImage.all()) {
            if (g.object()) {
                continue;
            }
            MachOFile image = g.open();
            ObjdumpListing golden = ObjdumpListing.read(g.golden(g.arch() == Arch.ARM64 ? "" : "intel"));
            long start = symbol(image, "_AppleHDA_start").address();
            String trap = g.arch() == Arch.ARM64 ? "brk" : "int3";
            long at = goldenFrom(golden, start, 8).stream().filter(l -> l.mnemonic().equals(trap)).findFirst()
                    .orElseThrow().address();
            assertEquals(g.arch() == Arch.ARM64 ? start : start + 4, at, g.name() + ": where objdump puts the trap");
            try (Disassembler d = Disassembler.open(g.arch(), Syntax.INTEL)) {
                Disassembly x11i = d.decode(g.space(image, 0), at, 11);
                assertTrue(x11i.fault().isEmpty());
                assertEquals(11, x11i.instructions().size());
                Instruction first = x11i.instructions().get(0);
                assertEquals(trap, first.mnemonic(), g.name());
                assertEquals(g.arch() == Arch.ARM64 ? "#0xf000" : "", first.operands());
                List<ObjdumpListing.Line> want = goldenFrom(golden, at, 11);
                for (int i = 0; i < 11; i++) {
                    assertEquals(want.get(i).address(), x11i.instructions().get(i).address());
                    assertEquals(want.get(i).mnemonic(), x11i.instructions().get(i).mnemonic());
                }
            }
        }
    }

    @Test
    void aSlidImageGivesTheSameInstructionsAtSlidAddresses() throws IOException {
        for (GoldenImage g : GoldenImage.all()) {
            if (g.object()) {
                continue;
            }
            MachOFile image = g.open();
            long slide = g.arch() == Arch.ARM64 ? 0x2c000L : 0x1c00000L;
            Map<Long, Instruction> unslid = DisassemblerGoldenTest.disassemble(g, image, Syntax.INTEL, 0);
            Map<Long, Instruction> slid = DisassemblerGoldenTest.disassemble(g, image, Syntax.INTEL, slide);
            assertEquals(unslid.size(), slid.size());
            for (Instruction u : unslid.values()) {
                Instruction s = slid.get(u.address() + slide);
                assertTrue(s != null, () -> g.name() + ": nothing at the slid " + Long.toHexString(u.address() + slide));
                assertEquals(u.hexBytes(), s.hexBytes());
                assertEquals(u.mnemonic(), s.mnemonic());
                assertEquals(u.flow(), s.flow());
                assertEquals(u.target().isPresent() ? u.target().getAsLong() + slide : -1,
                        s.target().isPresent() ? s.target().getAsLong() : -1);
                assertEquals(u.reference().isPresent() ? u.reference().getAsLong() + slide : -1,
                        s.reference().isPresent() ? s.reference().getAsLong() : -1);
                String spelled = u.target().isPresent() ? u.operands().replace(Long.toHexString(u.target().getAsLong()),
                        Long.toHexString(u.target().getAsLong() + slide)) : u.operands();
                assertEquals(spelled, s.operands());
            }
        }
    }

    @Test
    void bytesThatDoNotDecodeAreBadOnX86AndALongOnArm64() throws IOException {
        try (Disassembler x86 = Disassembler.open(Arch.X86_64, Syntax.INTEL)) {
            // 0x06 (push es) is not an x86-64 instruction; 0xc3 is ret.
            List<Instruction> out = x86.decode(new byte[] {0x06, (byte) 0xc3}, 0x1000, 2);
            assertEquals(List.of("(bad)", "ret"), out.stream().map(Instruction::mnemonic).toList());
            assertEquals(InstructionKind.INVALID, out.get(0).kind());
            assertEquals(Flow.RETURN, out.get(1).flow());
            assertEquals(0x1001, out.get(1).address());
        }
        try (Disassembler arm = Disassembler.open(Arch.ARM64, Syntax.INTEL)) {
            // 0xffffffff is unallocated; d65f03c0 is ret.
            List<Instruction> out = arm.decode(new byte[] {-1, -1, -1, -1, (byte) 0xc0, 0x03, 0x5f, (byte) 0xd6}, 0x2000, 0);
            assertEquals(List.of(".long 0xffffffff", "ret"), out.stream().map(Instruction::text).toList());
        }
    }

    @Test
    void aReadIntoAGapKeepsWhatWasDecodedAndNamesTheFault() throws IOException {
        // Three NOPs and the first two bytes of "mov rax, qword ptr [rip + 0]" at 0x1000, then nothing.
        byte[] code = {(byte) 0x90, (byte) 0x90, (byte) 0x90, 0x48, (byte) 0x8b};
        SegmentSpace space = new SegmentSpace("test", ByteOrder.LITTLE_ENDIAN, List.of(new Mapping(0x1000, code.length,
                new ByteArraySource(code, 0, code.length, "code", ByteOrder.LITTLE_ENDIAN), 0, code.length, "code")));
        try (Disassembler d = Disassembler.open(Arch.X86_64, Syntax.INTEL)) {
            Disassembly run = d.decode(space, 0x1000, 11);
            assertEquals(List.of("nop", "nop", "nop"), run.instructions().stream().map(Instruction::text).toList());
            MemoryFaultException f = run.fault().orElseThrow();
            assertEquals(0x1005, f.address(), f.getMessage());
            Disassembly range = d.decodeRange(space, 0x1000, 0x1005);
            assertEquals(3, range.instructions().size());
            assertTrue(range.fault().isPresent(), "the instruction at 0x1003 runs into the gap");
            Disassembly nothing = d.decode(space, 0x10, 3);
            assertTrue(nothing.instructions().isEmpty());
            assertEquals(0x10, nothing.fault().orElseThrow().address());
        }
    }

    @Test
    void aMissingCapstoneLibrarySaysHowToInstallIt() {
        DisassemblerUnavailableException e = assertThrows(DisassemblerUnavailableException.class,
                () -> Disassembler.open(Arch.X86_64, Syntax.INTEL, DataRegions.NONE, (a, s) -> {
                    throw new UnsatisfiedLinkError("Unable to load library 'capstone': libcapstone.so: cannot open "
                            + "shared object file: No such file or directory");
                }));
        assertTrue(e.getMessage().contains("apt-get install libcapstone4"), e.getMessage());
        assertTrue(e.getMessage().contains("libcapstone.so"), e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot disassemble x86_64"), e.getMessage());
        DisassemblerUnavailableException v = assertThrows(DisassemblerUnavailableException.class,
                () -> Disassembler.open(Arch.ARM64, Syntax.INTEL, DataRegions.NONE, (a, s) -> {
                    throw new RuntimeException("Different API version between core 1280 & binding 1024 (CS_ERR_VERSION)");
                }));
        assertTrue(v.getMessage().contains("Capstone 4"), v.getMessage());
    }

    @Test
    void armMoveAliasesFollowTheArmArm() throws IOException {
        try (Disassembler arm = Disassembler.open(Arch.ARM64, Syntax.INTEL)) {
            // MOVZ W0,#0; MOVN W0,#0; MOVZ X8,#1,LSL #32; MOVZ W0,#0,LSL #16; MOVN W0,#0xffff
            int[] words = {0x52800000, 0x12800000, 0xd2c00028, 0x52a00000, 0x129fffe0};
            byte[] code = new byte[words.length * 4];
            for (int i = 0; i < words.length; i++) {
                for (int b = 0; b < 4; b++) {
                    code[i * 4 + b] = (byte) (words[i] >>> (8 * b));
                }
            }
            assertEquals(List.of("mov w0, #0x0", "mov w0, #-0x1", "mov x8, #0x100000000", "movz w0, #0, lsl #16",
                    "movn w0, #0xffff"), arm.decode(code, 0, 0).stream().map(Instruction::text).toList());
        }
    }
}
