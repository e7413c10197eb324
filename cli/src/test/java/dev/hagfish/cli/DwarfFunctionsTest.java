package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code dwarf functions} and {@code dwarf variables} list what llvm-dwarfdump-19 printed
 * (samples/expected/x86_64-dwarf4/functions.jsonl and variables.jsonl): ranges, declaring file
 * and line, addresses.
 */
class DwarfFunctionsTest {
    private static final String DSYM = "kernels/x86_64-dwarf4/kernel.dSYM/Contents/Resources/DWARF/kernel";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, JsonNode> golden(String file) throws IOException {
        Map<String, JsonNode> byDie = new HashMap<>();
        for (String l : Files.readAllLines(Golden.expected("x86_64-dwarf4/" + file))) {
            JsonNode n = JSON.readTree(l);
            byDie.put(n.get("die").asText(), n);
        }
        return byDie;
    }

    @Test
    void jsonFunctionsAgreeWithLlvmDwarfdump() throws IOException {
        CliRun r = CliRun.of("dwarf", "functions", "--json", "--name", "proc_*", Golden.SAMPLES.resolve(DSYM).toString());
        assertEquals(0, r.exitCode(), r.err());
        Map<String, JsonNode> golden = golden("functions.jsonl");
        JsonNode functions = JSON.readTree(r.out()).get("functions");
        assertTrue(functions.size() >= 5, r.out());
        for (JsonNode f : functions) {
            JsonNode g = golden.get(f.get("die").asText());
            assertEquals(g.get("name").asText(), f.get("name").asText());
            assertEquals(Long.parseUnsignedLong(g.get("low_pc").asText().substring(2), 16),
                    Long.parseUnsignedLong(f.get("ranges").get(0).get(0).asText().substring(2), 16));
            assertEquals(Long.parseUnsignedLong(g.get("high_pc").asText().substring(2), 16),
                    Long.parseUnsignedLong(f.get("ranges").get(0).get(1).asText().substring(2), 16));
            assertEquals(g.get("decl_file").asText(), f.get("decl_file").asText());
            assertEquals(g.get("decl_line").asLong(), f.get("decl_line").asLong());
            assertEquals(g.path("parameters").size(), f.get("parameters").size());
        }
    }

    @Test
    void textIsOneDeclarationPerFunction() throws IOException {
        CliRun r = CliRun.of("dwarf", "functions", "--name", "proc_find", Golden.SAMPLES.resolve(DSYM).toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("0xffffff8000200950-0xffffff800020098c proc_t proc_find(pid_t pid);  "
                + "/SourceCache/xnu/xnu-1699.24.23/bsd/kern/kern_proc.c:428\n", r.out());
    }

    @Test
    void jsonVariablesAgreeWithLlvmDwarfdump() throws IOException {
        CliRun r = CliRun.of("dwarf", "variables", "--json", Golden.SAMPLES.resolve(DSYM).toString());
        assertEquals(0, r.exitCode(), r.err());
        Map<String, JsonNode> golden = golden("variables.jsonl");
        JsonNode variables = JSON.readTree(r.out()).get("variables");
        assertEquals(golden.size(), variables.size());
        for (JsonNode v : variables) {
            JsonNode g = golden.get(v.get("die").asText());
            assertEquals(Long.parseUnsignedLong(g.get("address").asText().substring(2), 16),
                    Long.parseUnsignedLong(v.get("address").asText().substring(2), 16));
            JsonNode resolved = g.has("resolved") ? g.get("resolved") : g;
            assertEquals(resolved.get("name").asText(), v.get("name").asText());
            assertEquals(resolved.get("decl_line").asLong(), v.get("decl_line").asLong());
        }
    }

    @Test
    void noMatchIsNotFound() {
        CliRun r = CliRun.of("dwarf", "functions", "--name", "no_such_function", Golden.SAMPLES.resolve(DSYM).toString());
        assertEquals(5, r.exitCode());
        assertEquals(1, r.err().lines().count());
    }
}
