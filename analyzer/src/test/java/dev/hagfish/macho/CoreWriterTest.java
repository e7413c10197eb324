package dev.hagfish.macho;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hagfish.io.ByteSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes a core and reads it back through the independent load-command decoder. */
class CoreWriterTest {
    @Test
    void aWrittenCoreReadsBack() throws IOException {
        byte[] text = new byte[0x180];
        text[0] = (byte) 0xcf;
        byte[] uuid = new byte[16];
        for (int i = 0; i < 16; i++) {
            uuid[i] = (byte) (0xa0 + i);
        }
        CoreWriter w = new CoreWriter(CpuType.X86_64, 3)
                .segment(0xffffff8001e00000L, 0x1000, ByteSource.of(text, "text"), 5)
                .segment(0xffffff8001f00000L, 0x2000, ByteSource.of(new byte[0x10], "bss"), 3)
                .thread(List.of(ThreadState.x86_64(Map.of("rip", 0xffffff8001e00010L, "rbp", 0xffffff8001f00100L))))
                .note(MainBinSpec.OWNER, new MainBinSpec(2, 1, 0xffffff8001e00000L, 0x1c00000L, uuid, 12, 0).encodeV2())
                .kernelVersionNote("Darwin Kernel Version 11.3.0");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(out);
        MachOFile core = MachOFile.parse(ByteSource.of(out.toByteArray(), "core"));

        assertEquals(MachHeader.MH_CORE, core.header().fileType());
        List<SegmentCommand> segs = core.segments();
        assertEquals(2, segs.size());
        assertEquals(0xffffff8001e00000L, segs.get(0).vmaddr());
        assertEquals(0x180, segs.get(0).filesize());
        assertEquals(0, segs.get(0).fileoff() % 4096);
        assertEquals(0x2000, segs.get(1).vmsize());
        assertEquals(0x10, segs.get(1).filesize());
        assertEquals(0xcf, core.source().u8(segs.get(0).fileoff()));

        Map<String, Long> regs = core.commands(ThreadCommand.class).get(0).states().get(0).registers();
        assertEquals(0xffffff8001e00010L, regs.get("rip"));
        assertEquals(0xffffff8001f00100L, regs.get("rbp"));

        List<NoteCommand> notes = core.commands(NoteCommand.class);
        assertEquals("main bin spec", notes.get(0).dataOwner());
        MainBinSpec spec = MainBinSpec.decode(core.source(), notes.get(0).offset(), notes.get(0).size());
        assertEquals(0x1c00000L, spec.slide());
        assertEquals(0xffffff8001e00000L, spec.address());
        assertArrayEquals(uuid, spec.uuid());
        assertEquals("kern ver str", notes.get(1).dataOwner());
        assertEquals("Darwin Kernel Version 11.3.0", core.source().cstring(notes.get(1).offset() + 4, 100));
    }
}
