package dev.hagfish.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.SegmentCommand;
import dev.hagfish.macho.ThreadCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The cores agree with lldb-22 and with the kernel's own DWARF (golden files in samples/expected). */
class CoreAgreementTest {
    private static final Path EXPECTED = SampleCorpusTest.SAMPLES.resolve("expected");

    /** Reads {@code len} bytes at a virtual address of a core through its segments. */
    static byte[] read(MachOFile core, long addr, int len) throws IOException {
        for (SegmentCommand s : core.segments()) {
            if (Unsigned.inRange(addr, s.vmaddr(), s.filesize()) && Unsigned.inRange(addr + len - 1, s.vmaddr(), s.filesize())) {
                return core.source().bytes(s.fileoff() + (addr - s.vmaddr()), len);
            }
        }
        throw new AssertionError("unmapped " + Unsigned.hex(addr));
    }

    @Test
    void everyByteLldbReadEqualsTheCore() throws IOException {
        Pattern cmd = Pattern.compile("^\\(lldb\\) target create --core \"(\\S+)\"$");
        Pattern row = Pattern.compile("^(0x[0-9a-f]{16}): ((?:[0-9a-f]{2} ){1,16}) .*$");
        MachOFile core = null;
        int rows = 0;
        for (String l : Files.readAllLines(EXPECTED.resolve("lldb/core-memory-read.txt"))) {
            Matcher c = cmd.matcher(l);
            if (c.matches()) {
                core = SnapshotTest.open(c.group(1));
                continue;
            }
            Matcher r = row.matcher(l);
            if (r.matches()) {
                String[] hex = r.group(2).strip().split(" ");
                byte[] mine = read(core, Unsigned.parseAddress(r.group(1)), hex.length);
                for (int i = 0; i < hex.length; i++) {
                    assertEquals(Integer.parseInt(hex[i], 16), mine[i] & 0xff, l);
                }
                rows++;
            }
        }
        assertTrue(rows >= 40, "only " + rows + " rows of lldb memory read");
    }

    private static long memberOffset(List<JsonNode> types, String struct, String member) {
        for (JsonNode t : types) {
            if (struct.equals(t.path("name").asText()) && t.get("tag").asText().equals("DW_TAG_structure_type")
                    && !t.get("declaration").asBoolean()) {
                for (JsonNode m : t.get("members")) {
                    if (member.equals(m.path("name").asText())) {
                        return m.get("data_member_location").asLong();
                    }
                }
            }
        }
        throw new AssertionError(struct + "." + member + " not in types.jsonl");
    }

    @Test
    void theCoreThreadIsThePanickedThreadsSavedState() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> types = new java.util.ArrayList<>();
        for (String l : Files.readAllLines(EXPECTED.resolve("x86_64-dwarf4/types.jsonl"))) {
            types.add(json.readTree(l));
        }
        long ss = memberOffset(types, "thread", "machine") + memberOffset(types, "machine_thread", "ss");
        long threadPanic = -1;
        for (String l : Files.readAllLines(EXPECTED.resolve("x86_64-dwarf4/nm-n.txt"))) {
            if (l.endsWith(" _thread_panic")) {
                threadPanic = Unsigned.parseAddress(l.substring(0, 16));
            }
        }
        assertTrue(threadPanic != -1);
        for (var e : Map.of("x86_64-dwarf4.core", 0x1c00000L, "x86_64-dwarf4-nonote.core", 0x4600000L).entrySet()) {
            MachOFile core = SnapshotTest.open("snapshots/" + e.getKey());
            Map<String, Long> regs = core.commands(ThreadCommand.class).get(0).states().get(0).registers();
            for (String reg : List.of("rip", "rbp", "rsp")) {
                long at = threadPanic + e.getValue() + ss + memberOffset(types, "x86_saved_state64", reg);
                long saved = java.nio.ByteBuffer.wrap(read(core, at, 8)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
                assertEquals(saved, regs.get(reg), e.getKey() + " " + reg);
            }
        }
    }
}
