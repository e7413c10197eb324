package dev.hagfish.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.dwarf.TypeReader;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.types.Layout;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link StoredJson} reads back exactly what Jackson's default mapping writes when a kernel is
 * indexed (and what Jackson's own data binding reads): every layout and enum of the sample
 * dSYMs, and a kernel record.
 */
class StoredJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-dwarf2", "x86_64-dwarf5", "arm64-dwarf5"})
    void everyLayoutAndEnumReadsBackAsWritten(String variant) throws IOException {
        Path p = SAMPLES.resolve("kernels/" + variant + "/kernel.dSYM/Contents/Resources/DWARF/kernel");
        TypeGraph g = TypeReader.read(DwarfLoader.fromMachO(MachOFile.parse(ByteSource.open(p))));
        int layouts = 0;
        int enums = 0;
        for (Type t : g.distinct()) {
            if (t instanceof Type.Struct s && !s.declaration()) {
                Layout l = Layout.of(g, s);
                String json = JSON.writeValueAsString(l);
                assertEquals(l, StoredJson.layout(json), json);
                assertEquals(JSON.readValue(json, Layout.class), StoredJson.layout(json));
                layouts++;
            } else if (t instanceof Type.Enum e && !e.declaration()) {
                String json = JSON.writeValueAsString(e);
                assertEquals(e, StoredJson.enumeration(json), json);
                enums++;
            }
        }
        assertTrue(layouts > 40 && enums > 2, layouts + " layouts, " + enums + " enums");
    }

    @Test
    void aKernelRecordReadsBackAsWritten() throws IOException {
        KernelRecord k = new KernelRecord("ABCD", "Darwin Kernel Version 11.4.2", "x86_64", 0xffffff8000200000L,
                "/k/mach_kernel", null, "2026-11-27T12:00:00Z", 10, 20, 30);
        assertEquals(k, StoredJson.kernel(JSON.writeValueAsString(k)));
    }

    @Test
    void sourcePathsReadBackAsWritten() throws IOException {
        List<String> paths = List.of("/src/a.c", "/src/b \"quoted\".c", "/src/\u00e9t\u00e9.c");
        assertEquals(paths, StoredJson.strings(JSON.writeValueAsString(paths)));
        assertEquals(List.of(), StoredJson.strings("[]"));
    }

    @Test
    void aRecordWrittenWithItsSourcePathsStillReads() throws IOException {
        String old = "{\"uuid\":\"ABCD\",\"arch\":\"x86_64\",\"sourcePaths\":[\"/src/a.c\",\"/src/b.c\"],\"symbols\":10}";
        KernelRecord k = StoredJson.kernel(old);
        assertEquals("ABCD", k.uuid());
        assertEquals(10, k.symbols());
        assertEquals(List.of("/src/a.c", "/src/b.c"), StoredJson.recordSourcePaths(old));
        assertEquals(List.of(), StoredJson.recordSourcePaths("{\"uuid\":\"ABCD\"}"));
    }

    @Test
    void unknownFieldsAreSkippedAndMissingOnesDefault() throws IOException {
        Layout l = StoredJson.layout("{\"future\":{\"a\":[1,2,{}]},\"id\":7,\"kind\":\"UNION\",\"name\":\"union u\","
                + "\"slots\":[{\"kind\":\"MEMBER\",\"name\":\"x\",\"later\":[3],\"byteSize\":4}]}");
        assertEquals(7, l.id());
        assertEquals(Type.Kind.UNION, l.kind());
        assertEquals(1, l.slots().size());
        assertNull(l.slots().get(0).pahole()); // an index made before --format pahole
        assertEquals(List.of(), l.slots().get(0).enumerators());
        assertEquals(4, l.slots().get(0).byteSize());
    }

    @Test
    void malformedJsonIsAnIoException() {
        assertThrows(IOException.class, () -> StoredJson.layout("{\"slots\":[{\"name\":"));
        assertThrows(IOException.class, () -> StoredJson.kernel("[1]"));
        assertThrows(IOException.class, () -> StoredJson.kernel("{\"sourcePaths\":[\"a\","));
        assertThrows(IOException.class, () -> StoredJson.strings("[\"a\","));
        assertThrows(IOException.class, () -> StoredJson.recordSourcePaths("{\"sourcePaths\":[\"a\","));
        assertThrows(IOException.class, () -> StoredJson.enumeration("{\"byteSize\":\"four\"}"));
    }
}
