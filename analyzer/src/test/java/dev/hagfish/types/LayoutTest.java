package dev.hagfish.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.dwarf.TypeReader;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.MachOFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Layouts of the sample's stress structs (samples/kernel/osfmk/kern/layouts.c) against what the
 * C ABI gives, worked out by hand from the source: holes, trailing padding, bit holes,
 * packing, 64-byte alignment, cachelines and nested expansion, on LP64 (x86_64) and ILP32 (i386).
 */
class LayoutTest {
    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    private static TypeGraph graph(String relative) throws IOException {
        MachOFile f = MachOFile.parse(ByteSource.open(SAMPLES.resolve(relative)));
        return TypeReader.read(DwarfLoader.fromMachO(f));
    }

    private static TypeGraph x86_64() throws IOException {
        return graph("kernels/x86_64-dwarf4/kernel.dSYM/Contents/Resources/DWARF/kernel");
    }

    private static Type.Struct struct(TypeGraph g, String name) {
        return g.named(name).stream().filter(t -> t instanceof Type.Struct s && !s.declaration())
                .map(Type.Struct.class::cast).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    /** "name@byte+bit/hole-before-bits" for every slot. */
    private static List<String> slots(Layout l) {
        return l.slots().stream().map(s -> s.name() + "@" + s.bitOffset() / 8 + "+" + s.bitOffset() % 8 + "/"
                + s.holeBeforeBits()).toList();
    }

    @Test
    void holeyOnLp64() throws IOException {
        Layout l = Layout.of(x86_64(), struct(x86_64(), "holey"));
        // char c1; long l; char c2; int i; short s; void *p; char c3;
        assertEquals(List.of("c1@0+0/0", "l@8+0/56", "c2@16+0/0", "i@20+0/24", "s@24+0/0", "p@32+0/48",
                "c3@40+0/0"), slots(l));
        assertEquals(48, l.byteSize());
        assertEquals(7 * 8, l.paddingBits());
        assertEquals(3, l.holes());
        assertEquals(16, l.holeBytes());
        assertEquals(0, l.holeBits());
        assertEquals(23, l.wastedBytes());
        assertEquals(7, l.memberCount());
        assertEquals(1, l.cachelines());
        assertEquals("struct holey", l.name());
    }

    @Test
    void holeyOnIlp32() throws IOException {
        TypeGraph g = graph("kernels/i386/layouts.o");
        Layout l = Layout.of(g, struct(g, "holey"));
        assertEquals(List.of("c1@0+0/0", "l@4+0/24", "c2@8+0/0", "i@12+0/24", "s@16+0/0", "p@20+0/16",
                "c3@24+0/0"), slots(l));
        assertEquals(28, l.byteSize());
        assertEquals(24, l.paddingBits());
        assertEquals(11, l.wastedBytes());
    }

    @Test
    void packedStructsHaveNoHoles() throws IOException {
        TypeGraph g = x86_64();
        Layout l = Layout.of(g, struct(g, "layout_packed"));
        assertEquals(List.of("c@0+0/0", "q@1+0/0", "s@9+0/0", "i@11+0/0"), slots(l));
        assertEquals(15, l.byteSize());
        assertEquals(0, l.wastedBytes());
        assertEquals(0, l.paddingBits());
        // uint8_t tag; unsigned a:30 from bit 8, b:6 from bit 38 (crosses a byte), c:40 from bit 44
        Layout bits = Layout.of(g, struct(g, "layout_packed_bits"));
        assertEquals(List.of("tag@0+0/0", "a@1+0/0", "b@4+6/0", "c@5+4/0"), slots(bits));
        assertEquals(11, bits.byteSize());
        assertEquals(4, bits.paddingBits()); // 84 bits used of 88
    }

    @Test
    void bitFieldsLeaveBitHoles() throws IOException {
        TypeGraph g = x86_64();
        Layout l = Layout.of(g, struct(g, "layout_bits"));
        // a:30 then b:6 cannot share the first unsigned int: 2-bit hole; x:40 starts a new
        // 8-byte unit at 64 (a 26-bit hole after b ends at 38); y:30 does not fit after x (ends
        // at 104): next unit at 128; y ends at 158, sneg:4 takes the next int at 160; the unnamed
        // :3 leaves a hole before flag at 167; :0 moves s1 to the next unit at 192.
        assertEquals(List.of("a@0+0/0", "b@4+0/2", "x@8+0/26", "y@16+0/24", "sneg@20+0/2", "flag@20+7/3",
                "s1@24+0/24", "s2@24+5/0", "c1@26+0/0", "on@26+3/0", "color@26+4/0"), slots(l));
        assertEquals(32, l.byteSize());
        assertEquals(256 - 215, l.paddingBits()); // color ends at bit 212 + 3 of 256
        assertEquals(3, l.holes()); // before x (26 bits), y (24) and s1 (24, after :0); the rest are bit holes
        assertEquals(3 + 3 + 3, l.holeBytes());
        assertEquals(2 + 2 + 2 + 3, l.holeBits());
    }

    @Test
    void alignedStructPadsToItsAlignment() throws IOException {
        TypeGraph g = x86_64();
        Type.Struct a = struct(g, "layout_aligned64");
        assertEquals(64, g.alignOf(a.id()));
        Layout l = Layout.of(g, a);
        assertEquals(64, l.byteSize());
        assertEquals(40 * 8, l.paddingBits());
        Layout outer = Layout.of(g, struct(g, "layout_contains_aligned"));
        assertEquals(List.of("c@0+0/0", "inner@64+0/504", "d@128+0/0"), slots(outer));
        assertEquals(192, outer.byteSize());
        assertEquals(3, outer.cachelines());
        assertEquals(64, g.alignOf(struct(g, "layout_contains_aligned").id()));
        assertTrue(outer.straddling().isEmpty());
        Layout.Slot inner = outer.slots().get(1);
        assertNotNull(inner.nested());
        assertEquals(List.of("head@64+0/0", "body@68+0/0"), slots(inner.nested()));
        // what the DWARF declares (DW_AT_alignment), apart from what the types imply
        assertEquals(64, l.explicitAlignment());
        assertEquals(0, outer.explicitAlignment());
        assertEquals(List.of(0L, 64L, 0L), outer.slots().stream().map(Layout.Slot::explicitAlignment).toList());
        assertEquals(List.of(1L, 64L, 1L), outer.slots().stream().map(Layout.Slot::alignment).toList());
        assertEquals(4, Layout.of(g, struct(g, "kmod_info")).explicitAlignment()); // #pragma pack(4)
        assertEquals(8, l.pointerSize());
        assertEquals(4, Layout.of(graph("kernels/i386/layouts.o"), struct(graph("kernels/i386/layouts.o"),
                "holey")).pointerSize());
        Layout small = Layout.of(g, struct(g, "layout_contains_aligned"), 32);
        assertEquals(6, small.cachelines());
        assertEquals(List.of("inner"), small.straddling().stream().map(Layout.Slot::name).toList());
    }

    @Test
    void unionsHaveNoHolesAndNestedAnonymousTypesExpand() throws IOException {
        TypeGraph g = x86_64();
        Layout u = Layout.of(g, struct(g, "layout_value"));
        assertEquals(16, u.byteSize());
        assertTrue(u.slots().stream().allMatch(s -> s.bitOffset() == 0 && s.holeBeforeBits() == 0));
        assertEquals(0, u.paddingBits());
        Layout anon = Layout.of(g, struct(g, "layout_anon"));
        Layout.Slot union = anon.slots().get(1);
        assertNull(union.name());
        assertTrue(union.expandedByGdb());
        Layout.Slot halves = union.nested().slots().get(2);
        assertEquals(List.of("low@4+0/0", "high@6+0/0"), slots(halves.nested()));
        Layout.Slot rgb = anon.slots().get(2);
        // uint8_t r, g, b; then layout_color_t (4-byte enum) at 12: a 1-byte hole at 11
        assertEquals(List.of("r@8+0/0", "g@9+0/0", "b@10+0/0", "color@12+0/8"), slots(rgb.nested()));
    }

    @Test
    void typedefMembersAreNestedButNotExpandedByGdb() throws IOException {
        TypeGraph g = x86_64();
        Layout state = Layout.of(g, struct(g, "PE_state"));
        Layout.Slot video = state.slots().get(1);
        assertEquals("PE_Video", video.typeName());
        assertNotNull(video.nested());
        assertFalse(video.expandedByGdb());
        assertThrows(IllegalArgumentException.class, () -> Layout.of(g, struct(g, "holey"), 0));
    }
}
