package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.dwarf.DwarfSections;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code dwarf info} agrees with llvm-dwarfdump-19's unit headers and section sizes. */
class DwarfInfoTest {
    private static final Pattern UNIT = Pattern.compile("^0x([0-9a-f]+): \\w+ Unit: length = 0x([0-9a-f]+), "
            + "format = (DWARF32|DWARF64), version = 0x([0-9a-f]+), (?:unit_type = \\w+, )?abbr_offset = 0x([0-9a-f]+), "
            + "addr_size = 0x([0-9a-f]+) .*$");
    private static final Pattern SIZE = Pattern.compile("^(__\\w+)\\s+(\\d+) \\(.*$");

    @Test
    void unitsAndSectionSizesEqualLlvmDwarfdump() throws IOException {
        for (String v : List.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5")) {
            CliRun r = CliRun.of("dwarf", "info", "--json",
                    Golden.SAMPLES.resolve("kernels/" + v + "/kernel.dSYM/Contents/Resources/DWARF/kernel").toString());
            assertEquals(0, r.exitCode(), r.err());
            JsonNode d = new ObjectMapper().readTree(r.out()).get("dwarf");
            List<String> expected = new ArrayList<>();
            for (String l : Files.readAllLines(Golden.expected(v + "/units.txt"))) {
                Matcher m = UNIT.matcher(l);
                assertTrue(m.matches(), l);
                expected.add(Long.parseLong(m.group(1), 16) + " " + Long.parseLong(m.group(2), 16) + " " + m.group(3)
                        + " " + Integer.parseInt(m.group(4), 16) + " " + Long.parseLong(m.group(5), 16) + " "
                        + Integer.parseInt(m.group(6), 16));
            }
            List<String> ours = new ArrayList<>();
            for (JsonNode u : d.get("units")) {
                ours.add(u.get("offset").asLong() + " " + u.get("length").asLong() + " " + u.get("format").asText() + " "
                        + u.get("version").asInt() + " " + u.get("abbrev_offset").asLong() + " "
                        + u.get("address_size").asInt());
                assertTrue(u.get("producer").asText().startsWith("Debian clang version 19"), u.toString());
            }
            assertEquals(expected, ours, v);

            Map<String, Long> sizes = new TreeMap<>();
            for (String l : Files.readAllLines(Golden.expected(v + "/section-sizes.txt"))) {
                Matcher m = SIZE.matcher(l);
                if (m.matches()) {
                    sizes.put(DwarfSections.canonical(m.group(1)), Long.parseLong(m.group(2)));
                }
            }
            Map<String, Long> ourSizes = new TreeMap<>();
            d.get("sections").fields().forEachRemaining(e -> ourSizes.put(e.getKey(), e.getValue().asLong()));
            assertEquals(sizes, ourSizes, v);
            boolean v5 = v.endsWith("5");
            assertEquals(v5, d.get("debug_names").asBoolean(), v);
            assertEquals(!v5, d.get("apple_names").asBoolean(), v);
        }
    }
}
