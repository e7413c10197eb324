package dev.hagfish.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.MachOFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Address-to-symbol lookups agree with llvm-symbolizer-19 on every query of the golden files:
 * the outermost frame's function for code, and the data symbol's name and start for data.
 */
class SymbolTableTest {
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    static SymbolTable table(String variant) throws IOException {
        return SymbolTable.of(MachOFile.parse(ByteSource.open(SAMPLES.resolve("kernels/" + variant + "/kernel"))));
    }

    static String sourceName(Symbol s) {
        return Demangler.isMangled(s.name()) ? Demangler.demangle(s.name()) : s.name().substring(1);
    }

    @Test
    void lookupsAgreeWithLlvmSymbolizer() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String v : List.of("x86_64-dwarf4", "x86_64-dwarf2", "x86_64-dwarf5", "arm64-dwarf5")) {
            SymbolTable t = table(v);
            List<String> bad = new ArrayList<>();
            int code = 0;
            int data = 0;
            for (String line : Files.readAllLines(SAMPLES.resolve("expected/" + v + "/symbolizer.jsonl"))) {
                JsonNode q = json.readTree(line);
                long addr = Unsigned.parseAddress(q.get("Address").asText());
                var hit = t.lookup(addr);
                if (q.has("Data")) {
                    JsonNode d = q.get("Data");
                    String got = hit.map(h -> sourceName(h.symbol()) + "@" + Unsigned.shortHex(h.symbol().address())).orElse("none");
                    String want = d.get("Name").asText() + "@" + d.get("Start").asText();
                    if (!got.equals(want)) {
                        bad.add(v + " DATA " + q.get("Address").asText() + ": " + got + " != " + want);
                    }
                    data++;
                } else {
                    JsonNode frames = q.get("Symbol");
                    JsonNode outer = frames.get(frames.size() - 1);
                    String got = hit.map(h -> sourceName(h.symbol()) + "@" + Unsigned.shortHex(h.symbol().address())).orElse("none");
                    String want = outer.get("FunctionName").asText() + "@" + outer.get("StartAddress").asText();
                    if (!got.equals(want)) {
                        bad.add(v + " " + q.get("Address").asText() + ": " + got + " != " + want);
                    }
                    code++;
                }
            }
            assertEquals(List.of(), bad);
            assertTrue(code >= 300 && data >= 100, v + ": " + code + " code and " + data + " data queries");
        }
    }

    @Test
    void namesAndPrefixesFindTheirSymbols() throws IOException {
        SymbolTable t = table("x86_64-dwarf4");
        Symbol ka = t.byName("_kext_alloc").get(0);
        assertEquals("__TEXT,__text", ka.section());
        assertEquals(SymbolKind.FUNCTION, ka.kind());
        assertTrue(ka.size() > 0);
        assertEquals(ka, t.lookup(ka.address() + ka.size() - 1).orElseThrow().symbol());
        assertEquals("_kext_alloc+0x14", t.lookup(ka.address() + 0x14).orElseThrow().text());
        List<String> prefixed = t.byPrefix("_kext_").stream().map(Symbol::name).toList();
        assertTrue(prefixed.containsAll(List.of("_kext_alloc", "_kext_alloc_init", "_kext_free")), prefixed.toString());
        assertTrue(prefixed.stream().allMatch(n -> n.startsWith("_kext_")));
        assertTrue(t.lookup(0x1000).isEmpty());
        assertTrue(t.lookup(-1L).isEmpty());
    }

    @Test
    void theDebugMapNamesEveryObjectAndItsFunctions() throws IOException {
        SymbolTable t = table("x86_64-dwarf4");
        DebugMap map = DebugMap.of(t.stabs());
        // llvm-nm -a lists one OSO stab per object that carries debug information.
        List<String> oso = Files.readAllLines(SAMPLES.resolve("expected/x86_64-dwarf4/nm-na.txt")).stream()
                .filter(l -> l.contains("   OSO ")).map(l -> l.substring(l.indexOf("OSO ") + 4)).sorted().toList();
        assertEquals(oso, map.objects().stream().map(DebugMap.ObjectFile::path).sorted().toList());
        DebugMap.ObjectFile kext = map.objects().stream()
                .filter(o -> o.path().endsWith("/osfmk/kern/kext_alloc.o")).findFirst().orElseThrow();
        assertEquals("/SourceCache/xnu/xnu-1699.24.23/osfmk/kern/kext_alloc.c", kext.source());
        Symbol ka = t.byName("_kext_alloc").get(0);
        DebugMap.Entry e = kext.entries().stream().filter(x -> x.name().equals("_kext_alloc")).findFirst().orElseThrow();
        assertEquals(ka.address(), e.address());
        assertEquals(ka.size(), e.size());
    }
}
