package dev.hagfish.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.image.KernelImage;
import dev.hagfish.types.Member;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import dev.hagfish.types.TypeNames;
import dev.hagfish.values.Global;
import dev.hagfish.values.SymbolRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the store keeps for values: the reduced type graph (closed under references, one copy of
 * each named type, JSON round trip), the globals' type ids, C++ enumerator names as gdb spells
 * them, and the symbol holding an address. Facts come from samples/kernel/README.md and the
 * llvm-nm golden.
 */
class ValueIndexTest {
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    @TempDir
    static Path dir;
    static KernelStore store;
    static ValueIndex values;
    static TypeGraph graph;

    @BeforeAll
    static void index() throws IOException {
        store = KernelStore.open(dir.resolve("store"));
        KernelImage k = KernelImage.open(SAMPLES.resolve("kernels/x86_64-dwarf4/kernel"), null, null, false);
        store.index(IndexInput.of(k), IndexProgress.NONE, 2);
        values = new ValueIndex(store, k.uuid());
        graph = values.types();
    }

    @AfterAll
    static void close() throws IOException {
        store.close();
    }

    private static long nm(String name) throws IOException {
        for (String l : Files.readAllLines(SAMPLES.resolve("expected/x86_64-dwarf4/nm-n.txt"))) {
            String[] f = l.split(" ");
            if (f.length == 3 && f[2].equals(name)) {
                return Long.parseUnsignedLong(f[0], 16);
            }
        }
        throw new AssertionError(name + " is not in nm-n.txt");
    }

    @Test
    void theGraphIsClosedAndHoldsEachNamedTypeOnce() {
        Set<Long> ids = new HashSet<>();
        graph.all().forEach(t -> ids.add(t.id()));
        for (Type t : graph.all()) {
            for (long ref : refs(t)) {
                assertTrue(ref == Type.VOID || ids.contains(ref), t + " refers to missing type " + ref);
            }
        }
        long procs = graph.named("proc").stream().filter(t -> t instanceof Type.Struct).count();
        assertEquals(1, procs, "every unit's struct proc became one");
    }

    private static List<Long> refs(Type t) {
        List<Long> out = new ArrayList<>();
        if (t instanceof Type.Pointer p) {
            out.add(p.target());
        } else if (t instanceof Type.Qualified q) {
            out.add(q.target());
        } else if (t instanceof Type.Typedef d) {
            out.add(d.target());
        } else if (t instanceof Type.Array a) {
            out.add(a.element());
        } else if (t instanceof Type.Function f) {
            out.add(f.returnType());
            out.addAll(f.parameters());
        } else if (t instanceof Type.Struct s) {
            s.members().forEach(m -> out.add(m.type()));
            s.bases().forEach(b -> out.add(b.type()));
        }
        return out;
    }

    @Test
    void structProcMembersKeepTheirTypes() {
        Type.Struct proc = (Type.Struct) graph.named("proc").stream().filter(t -> t instanceof Type.Struct)
                .findFirst().orElseThrow();
        TypeNames names = new TypeNames(graph);
        Member pptr = proc.members().stream().filter(m -> "p_pptr".equals(m.name())).findFirst().orElseThrow();
        assertEquals("struct proc *", names.name(pptr.type()));
        Member comm = proc.members().stream().filter(m -> "p_comm".equals(m.name())).findFirst().orElseThrow();
        assertEquals("char [17]", names.name(comm.type()));
        Member nice = proc.members().stream().filter(m -> "p_lflag_nice".equals(m.name())).findFirst().orElseThrow();
        assertEquals(6, nice.bitSize());
        assertEquals(248, graph.sizeOf(proc.id()), "sizeof(struct proc), as gdb's golden prints it");
    }

    @Test
    void globalsCarryTheirAddressAndType() throws IOException {
        Global allproc = values.find("allproc").orElseThrow();
        assertEquals(nm("_allproc"), allproc.address());
        assertEquals("struct proclist", new TypeNames(graph).name(allproc.type().getAsLong()));
        assertFalse(allproc.function());
        Global debugger = values.find("Debugger").orElseThrow();
        assertTrue(debugger.function());
        assertEquals("void (const char *)", new TypeNames(graph).name(debugger.type().getAsLong()));
        Global statics = values.find("OSKext::sLoadedKexts").orElseThrow();
        assertEquals(nm("__ZN6OSKext12sLoadedKextsE"), statics.address());
        assertTrue(values.find("no_such_symbol").isEmpty());
    }

    @Test
    void enumClassEnumeratorsAreQualifiedAsGdbNamesThem() {
        Type.Enum state = (Type.Enum) graph.named("OSKextLoadState").get(0);
        assertTrue(state.enumerators().stream().anyMatch(x -> x.name().equals("OSKextLoadState::Started")),
                state.toString());
        Type.Enum color = graph.all().stream().filter(t -> t instanceof Type.Enum e
                && e.enumerators().stream().anyMatch(x -> x.name().equals("LAYOUT_BLUE"))).map(Type.Enum.class::cast)
                .findFirst().orElseThrow();
        assertEquals(2, color.enumerators().get(2).value(), "C enumerators keep their plain names");
    }

    @Test
    void enumClassEnumeratorsAreQualifiedInDwarf5Too() throws IOException {
        // DWARF 5 names are string indexes (DW_FORM_strx); DWARF 2 has no DW_AT_enum_class at all.
        KernelStore other = KernelStore.open(dir.resolve("dwarf5"));
        try (other) {
            KernelImage k = KernelImage.open(SAMPLES.resolve("kernels/arm64-dwarf5/kernel"), null, null, false);
            other.index(IndexInput.of(k), IndexProgress.NONE, 2);
            Type.Enum state = (Type.Enum) new ValueIndex(other, k.uuid()).types().named("OSKextLoadState").get(0);
            assertTrue(state.enumerators().stream().allMatch(x -> x.name().startsWith("OSKextLoadState::")),
                    state.toString());
        }
    }

    @Test
    void symbolizeNamesTheObjectAndTheOffset() throws IOException {
        assertEquals(new SymbolRef("proc_kernel_task", 165), values.symbolize(nm("_proc_kernel_task") + 165).orElseThrow());
        assertEquals(new SymbolRef("Debugger", 0), values.symbolize(nm("_Debugger")).orElseThrow());
    }

    @Test
    void aKernelIndexedWithoutDwarfHasNoTypes() throws IOException {
        KernelStore other = KernelStore.open(dir.resolve("symbols-only"));
        try (other) {
            KernelImage k = KernelImage.open(SAMPLES.resolve("kernels/x86_64-dwarf4/kernel"), null, null, false);
            IndexInput in = IndexInput.of(k);
            other.index(new IndexInput(in.uuid(), in.version(), in.arch(), in.base(), in.path(), null, in.symbols(),
                    in.ranges(), null), IndexProgress.NONE, 1);
            KernelNotFoundException e = assertThrows(KernelNotFoundException.class,
                    () -> new ValueIndex(other, k.uuid()).types());
            assertTrue(e.getMessage().contains("re-index"), e.getMessage());
            assertInstanceOf(Global.class, new ValueIndex(other, k.uuid()).find("allproc").orElseThrow());
        }
    }
}
