package dev.hagfish.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.FormatException;
import dev.hagfish.io.TestBytes;
import org.junit.jupiter.api.Test;

class ChainedFixupsHeaderTest {
    private static TestBytes image(int datasize) {
        return TestBytes.le().u32(MachHeader.MH_MAGIC_64).u32(CpuType.ARM64.code()).u32(0).u32(MachHeader.MH_EXECUTE)
                .u32(1).u32(16).u32(0).u32(0)
                .u32(LoadCommandType.LC_DYLD_CHAINED_FIXUPS).u32(16).u32(48).u32(datasize);
    }

    @Test
    void decodesTheHeader() throws FormatException {
        MachOFile f = MachOFile.parse(image(32).u32(0).u32(0x20).u32(0x40).u32(0x50).u32(3).u32(1).u32(0).zeros(4)
                .source("t"));
        LinkeditDataCommand cmd = f.commands(LinkeditDataCommand.class).get(0);
        assertEquals(new ChainedFixupsHeader(0, 0x20, 0x40, 0x50, 3, 1, 0), ChainedFixupsHeader.decode(f, cmd));
    }

    @Test
    void aShortBlobIsRefused() throws FormatException {
        MachOFile f = MachOFile.parse(image(8).zeros(8).source("t"));
        FormatException e = assertThrows(FormatException.class,
                () -> ChainedFixupsHeader.decode(f, f.commands(LinkeditDataCommand.class).get(0)));
        assertTrue(e.getMessage().contains("smaller than the 28-byte header"), e.getMessage());
    }

    @Test
    void aBlobPastTheEndIsRefused() throws FormatException {
        MachOFile f = MachOFile.parse(image(64).zeros(8).source("t"));
        assertThrows(FormatException.class,
                () -> ChainedFixupsHeader.decode(f, f.commands(LinkeditDataCommand.class).get(0)));
    }
}
