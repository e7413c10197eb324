package dev.hagfish.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hagfish.io.FormatException;
import dev.hagfish.io.TestBytes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An MH_FILESET opens each LC_FILESET_ENTRY as a sub-image whose offsets are file-absolute. */
class FilesetTest {
    @Test
    void entriesOpenAsSubImages() throws FormatException {
        int entryOff = 0x100;
        TestBytes b = TestBytes.le().u32(MachHeader.MH_MAGIC_64).u32(CpuType.ARM64.code()).u32(0)
                .u32(MachHeader.MH_FILESET).u32(1).u32(56).u32(0).u32(0)
                .u32(LoadCommandType.LC_FILESET_ENTRY).u32(56).u64(0xfffffe0007004000L).u64(entryOff).u32(32).u32(0)
                .fixed("com.apple.kernel", 24);
        b.zeros(entryOff - b.size());
        // The entry: an MH_EXECUTE with one segment whose fileoff is absolute in the collection.
        b.u32(MachHeader.MH_MAGIC_64).u32(CpuType.ARM64.code()).u32(0).u32(MachHeader.MH_EXECUTE).u32(2)
                .u32(72 + 24).u32(0).u32(0)
                .u32(LoadCommandType.LC_SEGMENT_64).u32(72).fixed("__TEXT", 16).u64(0xfffffe0007004000L)
                .u64(0x4000).u64(entryOff).u64(0x4000).u32(5).u32(5).u32(0).u32(0)
                .u32(LoadCommandType.LC_UUID).u32(24).bytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        MachOFile kc = MachOFile.parse(b.source("kc"));
        List<FilesetEntryCommand> entries = kc.commands(FilesetEntryCommand.class);
        assertEquals("com.apple.kernel", entries.get(0).entryId());
        MachOFile kernel = kc.filesetEntry(entries.get(0));
        assertEquals(entryOff, kernel.headerOffset());
        assertEquals(MachHeader.MH_EXECUTE, kernel.header().fileType());
        assertEquals(0xfffffe0007004000L, kernel.segment("__TEXT").orElseThrow().vmaddr());
        assertEquals("01020304-0506-0708-090A-0B0C0D0E0F10", kernel.uuid().orElseThrow().text());
        assertEquals(entryOff + 32, kernel.commands().get(0).fileOffset());
    }
}
