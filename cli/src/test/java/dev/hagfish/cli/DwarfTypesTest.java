package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@code dwarf types} prints gdb's ptype /o text, and its JSON agrees with llvm-dwarfdump. */
class DwarfTypesTest {
    private static final String DSYM = "kernels/x86_64-dwarf4/kernel.dSYM/Contents/Resources/DWARF/kernel";

    @Test
    void textIsGdbsPtype() throws IOException {
        CliRun r = CliRun.of("dwarf", "types", "--name", "holey", Golden.SAMPLES.resolve(DSYM).toString());
        assertEquals(0, r.exitCode(), r.err());
        String gdb = Files.readString(Golden.expected("gdb/x86_64-dwarf4.ptype.txt"));
        int at = gdb.indexOf("==== struct holey\n") + "==== struct holey\n".length();
        assertEquals(gdb.substring(at, gdb.indexOf("====", at)), r.out());
    }

    @Test
    void jsonOffsetsAgreeWithLlvmDwarfdump() throws IOException {
        CliRun r = CliRun.of("dwarf", "types", "--json", "--name", "proc", Golden.SAMPLES.resolve(DSYM).toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode proc = new ObjectMapper().readTree(r.out()).get("types").get(0);
        assertEquals(248, proc.get("size").asLong());
        // llvm-dwarfdump-19 facts for the same DIE.
        JsonNode facts = null;
        for (String l : Files.readAllLines(Golden.expected("x86_64-dwarf4/types.jsonl"))) {
            JsonNode t = new ObjectMapper().readTree(l);
            if (t.get("die").asText().equals(proc.get("die").asText())) {
                facts = t;
            }
        }
        assertTrue(facts != null);
        assertEquals(1, new ObjectMapper().readTree(r.out()).get("types").size(), "proc is defined by several units");
        assertEquals(facts.get("decl_file").asText(), proc.get("decl_file").asText());
        assertEquals(facts.get("decl_line").asLong(), proc.get("decl_line").asLong());
        for (int i = 0; i < facts.get("members").size(); i++) {
            assertEquals(facts.get("members").get(i).get("name").asText(), proc.get("members").get(i).get("name").asText());
            JsonNode loc = facts.get("members").get(i).get("data_member_location");
            if (!loc.isNull()) { // DWARF 4 bit-fields carry data_bit_offset instead
                assertEquals(loc.asLong(), proc.get("members").get(i).get("offset").asLong());
            } else {
                assertEquals(facts.get("members").get(i).get("data_bit_offset").asLong(),
                        proc.get("members").get(i).get("bit_offset").asLong());
            }
        }
        assertEquals("struct proc *", proc.get("members").get(3).get("type").asText());
        assertEquals("char [17]", java.util.stream.StreamSupport.stream(proc.get("members").spliterator(), false)
                .filter(x -> x.get("name").asText().equals("p_comm")).findFirst().orElseThrow().get("type").asText());
    }

    @Test
    void noMatchIsNotFound() {
        CliRun r = CliRun.of("dwarf", "types", "--name", "no_such_struct", Golden.SAMPLES.resolve(DSYM).toString());
        assertEquals(5, r.exitCode());
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void jsonTotalsOfTheHoleyStruct() throws IOException {
        CliRun r = CliRun.of("dwarf", "types", "--json", "--name", "holey", Golden.SAMPLES.resolve(DSYM).toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode holey = new ObjectMapper().readTree(r.out()).get("types").get(0);
        // char, long, char, int, short, void *, char on LP64: holes of 7, 3 and 6 bytes, 7 of padding
        assertEquals(3, holey.get("holes").asInt());
        assertEquals(16 * 8, holey.get("hole_bits").asLong());
        assertEquals(7 * 8, holey.get("padding_bits").asLong());
        assertEquals(23, holey.get("wasted_bytes").asLong());
        assertEquals(8, holey.get("alignment").asLong());
        assertEquals(1, holey.get("cachelines").asLong());
    }
}
