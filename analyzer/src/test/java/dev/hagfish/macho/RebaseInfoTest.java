package dev.hagfish.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.TestBytes;
import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoded rebase opcodes equal llvm-objdump-19 --macho --rebase on every sample kernel. */
class RebaseInfoTest {
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    @Test
    void pointersEqualLlvmObjdump() throws IOException {
        for (String v : List.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5")) {
            List<Long> expected = Files.readAllLines(SAMPLES.resolve("expected/" + v + "/rebase.txt")).stream()
                    .filter(l -> l.endsWith(" pointer"))
                    .map(l -> l.trim().split("\\s+"))
                    .map(f -> Unsigned.parseAddress(f[f.length - 2]))
                    .toList();
            MachOFile k = MachOFile.parse(ByteSource.open(SAMPLES.resolve("kernels/" + v + "/kernel")));
            assertTrue(expected.size() > 500, v);
            assertEquals(expected, RebaseInfo.pointers(k), v);
        }
    }

    @Test
    void aPointerRunPastItsSegmentIsRefused() {
        // A one-page __DATA segment, and opcodes asking for 0x1000 pointers at offset 0.
        TestBytes b = TestBytes.le().u32(MachHeader.MH_MAGIC_64).u32(CpuType.X86_64.code()).u32(3)
                .u32(MachHeader.MH_EXECUTE).u32(2).u32(72 + 48).u32(0).u32(0)
                .u32(LoadCommandType.LC_SEGMENT_64).u32(72).fixed("__DATA", 16).u64(0x1000).u64(0x1000)
                .u64(0).u64(0x1000).u32(3).u32(3).u32(0).u32(0)
                .u32(LoadCommandType.LC_DYLD_INFO_ONLY).u32(48).u32(152).u32(5).zeros(32);
        b.u8(0x20).uleb(0).u8(0x60).uleb(0x1000).u8(0);
        FormatException e = assertThrows(FormatException.class,
                () -> RebaseInfo.pointers(MachOFile.parse(b.source("t"))));
        assertTrue(e.getMessage().contains("run past segment __DATA"), e.getMessage());
        assertEquals(154, e.offset());
    }
}
