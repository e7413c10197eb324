package dev.hagfish.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.FormatException;
import dev.hagfish.io.TestBytes;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import dev.hagfish.types.TypeNames;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link TypeMerger} makes one type and what it keeps apart, on three hand-made DWARF 4
 * units: A declares {@code struct foo} and has {@code struct bar { struct foo *p; int n; }}; B
 * defines {@code struct foo { int x; }} and has the same {@code struct bar}; C defines another
 * {@code struct foo { int y; int z; }}. The {@code int}s are one type, the two {@code bar}s are
 * one type (a pointer is known by its target's name, so A's pointer to the declaration and B's
 * to the definition are one), and the declaration and the two definitions of {@code foo} are
 * three. Every DIE offset still answers, through the type that stands for it.
 */
class TypeMergeTest {
    private static final int CU = 1, BASE = 2, DECL = 3, STRUCT = 4, MEMBER = 5, POINTER = 6;
    private static final int HEADER = 11;

    /** The DIEs of one unit, with the unit-relative offset of each DIE as it is added. */
    private static final class Dies {
        final TestBytes b = TestBytes.le().uleb(CU);

        int at() {
            return HEADER + b.size();
        }
    }

    private static byte[] abbrev() {
        TestBytes t = TestBytes.le();
        DwarfBytes.abbrev(t, CU, DwTag.COMPILE_UNIT, true);
        DwarfBytes.abbrev(t, BASE, DwTag.BASE_TYPE, false, DwAt.NAME, DwForm.STRING, DwAt.BYTE_SIZE, DwForm.DATA1,
                DwAt.ENCODING, DwForm.DATA1);
        DwarfBytes.abbrev(t, DECL, DwTag.STRUCTURE_TYPE, false, DwAt.NAME, DwForm.STRING, DwAt.DECLARATION,
                DwForm.FLAG_PRESENT);
        DwarfBytes.abbrev(t, STRUCT, DwTag.STRUCTURE_TYPE, true, DwAt.NAME, DwForm.STRING, DwAt.BYTE_SIZE,
                DwForm.DATA1);
        DwarfBytes.abbrev(t, MEMBER, DwTag.MEMBER, false, DwAt.NAME, DwForm.STRING, DwAt.TYPE, DwForm.REF4,
                DwAt.DATA_MEMBER_LOCATION, DwForm.DATA1);
        DwarfBytes.abbrev(t, POINTER, DwTag.POINTER_TYPE, false, DwAt.BYTE_SIZE, DwForm.DATA1, DwAt.TYPE, DwForm.REF4);
        return t.u8(0).build();
    }

    private static int base(Dies d) {
        int at = d.at();
        d.b.uleb(BASE).cstr("int").u8(4).u8(5);
        return at;
    }

    private static int bar(Dies d, int pointer, int integer) {
        int at = d.at();
        d.b.uleb(STRUCT).cstr("bar").u8(16)
                .uleb(MEMBER).cstr("p").u32(pointer).u8(0)
                .uleb(MEMBER).cstr("n").u32(integer).u8(8).u8(0);
        return at;
    }

    private static int pointer(Dies d, int target) {
        int at = d.at();
        d.b.uleb(POINTER).u8(8).u32(target);
        return at;
    }

    private long a1, a2, a3, a4, b1, b2, b3, b4, c1, c2;
    private DwarfSections sections;

    TypeMergeTest() {
        Dies a = new Dies();
        int ai = base(a);
        int afoo = a.at();
        a.b.uleb(DECL).cstr("foo");
        int ap = pointer(a, afoo);
        int abar = bar(a, ap, ai);
        byte[] unitA = DwarfBytes.unit(4, 0, a.b.u8(0).build());

        Dies b = new Dies();
        int bi = base(b);
        int bfoo = b.at();
        b.b.uleb(STRUCT).cstr("foo").u8(4).uleb(MEMBER).cstr("x").u32(bi).u8(0).u8(0);
        int bp = pointer(b, bfoo);
        int bbar = bar(b, bp, bi);
        byte[] unitB = DwarfBytes.unit(4, 0, b.b.u8(0).build());

        Dies c = new Dies();
        int ci = base(c);
        int cfoo = c.at();
        c.b.uleb(STRUCT).cstr("foo").u8(8).uleb(MEMBER).cstr("y").u32(ci).u8(0)
                .uleb(MEMBER).cstr("z").u32(ci).u8(4).u8(0);
        byte[] unitC = DwarfBytes.unit(4, 0, c.b.u8(0).build());

        long bStart = unitA.length;
        long cStart = bStart + unitB.length;
        a1 = ai;
        a2 = afoo;
        a3 = ap;
        a4 = abar;
        b1 = bStart + bi;
        b2 = bStart + bfoo;
        b3 = bStart + bp;
        b4 = bStart + bbar;
        c1 = cStart + ci;
        c2 = cStart + cfoo;
        byte[] info = TestBytes.le().bytes(unitA).bytes(unitB).bytes(unitC).build();
        sections = DwarfBytes.sections("debug_info", info, "debug_abbrev", abbrev());
    }

    @Test
    void typesRepeatedByUnitsAreOneTypeWithTheLowestOffset() throws FormatException {
        TypeGraph g = TypeReader.read(sections);
        assertEquals(a1, g.get(b1).id());
        assertEquals(a1, g.get(c1).id());
        assertEquals(a4, g.get(b4).id(), "bar is one type: its pointer names struct foo in both units");
        assertEquals(a3, g.get(b3).id());
        assertEquals(List.of(a1, a2, a3, a4, b2, c2), g.all().stream().map(Type::id).toList());
        for (long die : List.of(a1, a2, a3, a4, b1, b2, b3, b4, c1, c2)) {
            assertTrue(g.contains(die), Long.toHexString(die));
        }
    }

    @Test
    void aDeclarationAndDifferentDefinitionsStayApart() throws FormatException {
        TypeGraph g = TypeReader.read(sections);
        assertNotEquals(g.get(a2).id(), g.get(b2).id());
        assertNotEquals(g.get(b2).id(), g.get(c2).id());
        assertTrue(((Type.Struct) g.get(a2)).declaration());
        assertEquals(4, g.sizeOf(b2));
        assertEquals(8, g.sizeOf(c2));
        assertEquals(b2, g.definition(g.get(a2)).id(), "the first definition of the name, in any unit");
    }

    @Test
    void mergedTypesPrintAndMeasureAsTheirDies() throws FormatException {
        TypeGraph g = TypeReader.read(sections);
        TypeNames names = new TypeNames(g);
        for (long p : List.of(a3, b3)) {
            assertEquals("struct foo *", names.name(p));
        }
        Type.Struct bar = (Type.Struct) g.get(b4);
        assertEquals(List.of("p", "n"), bar.members().stream().map(m -> m.name()).toList());
        assertEquals(List.of(0L, 64L), bar.members().stream().map(m -> m.bitOffset()).toList());
        assertEquals(16, g.sizeOf(b4));
        assertEquals(g.canonical(a4), g.canonical(b4));
    }

    @Test
    void theGraphDoesNotDependOnTheThreadCount() throws FormatException {
        assertEquals(List.copyOf(TypeReader.read(sections, 1).all()), List.copyOf(TypeReader.read(sections, 3).all()));
    }
}
