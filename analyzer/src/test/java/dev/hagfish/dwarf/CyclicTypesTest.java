package dev.hagfish.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.FormatException;
import dev.hagfish.io.TestBytes;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import dev.hagfish.types.TypeNames;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hand-made type graphs whose references loop, through {@link TypeReader}, {@link TypeNames} and
 * {@link TypeGraph#sizeOf}: each returns a bounded answer in bounded time. The DIEs sit in one
 * DWARF 4 unit at offset 0, so a unit-relative {@code DW_FORM_ref4} is the DIE's offset.
 */
class CyclicTypesTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** The first DIE after the unit DIE (header 11 bytes, then code 1 of the unit DIE). */
    private static final int FIRST = 12;
    private static final int CU = 1, TYPEDEF = 2, POINTER = 3, CONST = 4, VOLATILE = 5, ARRAY = 6, SUBRANGE = 7,
            FUNCTION = 8, PARAMETER = 9, STRUCT = 10, BITFIELD = 11;

    private static byte[] abbrev() {
        TestBytes t = TestBytes.le();
        DwarfBytes.abbrev(t, CU, DwTag.COMPILE_UNIT, true);
        DwarfBytes.abbrev(t, TYPEDEF, DwTag.TYPEDEF, false, DwAt.NAME, DwForm.STRING, DwAt.TYPE, DwForm.REF4);
        DwarfBytes.abbrev(t, POINTER, DwTag.POINTER_TYPE, false, DwAt.TYPE, DwForm.REF4);
        DwarfBytes.abbrev(t, CONST, DwTag.CONST_TYPE, false, DwAt.TYPE, DwForm.REF4);
        DwarfBytes.abbrev(t, VOLATILE, DwTag.VOLATILE_TYPE, false, DwAt.TYPE, DwForm.REF4);
        DwarfBytes.abbrev(t, ARRAY, DwTag.ARRAY_TYPE, true, DwAt.TYPE, DwForm.REF4);
        DwarfBytes.abbrev(t, SUBRANGE, DwTag.SUBRANGE_TYPE, false, DwAt.COUNT, DwForm.DATA1);
        DwarfBytes.abbrev(t, FUNCTION, DwTag.SUBROUTINE_TYPE, true, DwAt.TYPE, DwForm.REF4, DwAt.PROTOTYPED,
                DwForm.FLAG_PRESENT);
        DwarfBytes.abbrev(t, PARAMETER, DwTag.FORMAL_PARAMETER, false, DwAt.TYPE, DwForm.REF4);
        DwarfBytes.abbrev(t, STRUCT, DwTag.STRUCTURE_TYPE, true, DwAt.NAME, DwForm.STRING, DwAt.BYTE_SIZE,
                DwForm.DATA1);
        // A DWARF 2 bit-field without DW_AT_byte_size: its storage size comes from its type.
        DwarfBytes.abbrev(t, BITFIELD, DwTag.MEMBER, false, DwAt.NAME, DwForm.STRING, DwAt.TYPE, DwForm.REF4,
                DwAt.DATA_MEMBER_LOCATION, DwForm.DATA1, DwAt.BIT_OFFSET, DwForm.DATA1, DwAt.BIT_SIZE, DwForm.DATA1);
        return t.u8(0).build();
    }

    /** Reads a unit whose DIEs follow the unit DIE; {@code dies} must end the unit DIE's children. */
    private static TypeGraph read(TestBytes dies) throws FormatException {
        byte[] body = TestBytes.le().uleb(CU).bytes(dies.build()).build();
        return TypeReader.read(DwarfBytes.sections("debug_info", DwarfBytes.unit(4, 0, body), "debug_abbrev",
                abbrev()));
    }

    /** Names and sizes every type in bounded time; returns the names' total length. */
    private static int nameAndSizeAll(TypeGraph g) {
        return assertTimeoutPreemptively(BOUND, () -> {
            TypeNames names = new TypeNames(g);
            int length = 0;
            for (Type t : g.all()) {
                length += names.name(t.id()).length();
                g.sizeOf(t.id());
            }
            return length;
        });
    }

    @Test
    void typesWhoseTypeIsThemselves() throws FormatException {
        int t = FIRST;
        int p = t + 7;
        int c = p + 5;
        int v = c + 5;
        TestBytes dies = TestBytes.le().uleb(TYPEDEF).cstr("T").u32(t).uleb(POINTER).u32(p).uleb(CONST).u32(c)
                .uleb(VOLATILE).u32(v).u8(0);
        TypeGraph g = read(dies);
        assertEquals(4, g.all().size());
        assertTrue(nameAndSizeAll(g) < 4 * 1024, "names of bounded length");
        TypeNames names = new TypeNames(g);
        assertEquals("T", names.name(t));
        assertEquals(-1, g.sizeOf(t));
        assertTrue(names.name(p).startsWith("<cyclic type>"), names.name(p));
    }

    @Test
    void aPairOfTypedefsThatNameEachOther() throws FormatException {
        int a = FIRST;
        int b = a + 7;
        int p = b + 7;
        TestBytes dies = TestBytes.le().uleb(TYPEDEF).cstr("A").u32(b).uleb(TYPEDEF).cstr("B").u32(a)
                .uleb(POINTER).u32(a).u8(0);
        TypeGraph g = read(dies);
        nameAndSizeAll(g);
        TypeNames names = new TypeNames(g);
        assertEquals("A", names.name(a));
        assertEquals("B", names.name(b));
        assertEquals("A *", names.name(p));
        assertEquals(-1, g.sizeOf(a));
        assertEquals(8, g.sizeOf(p));
    }

    /**
     * A pointer to a const type of itself: {@code TypeNames} looks through the qualifiers of a
     * pointer's target (to parenthesize a pointer to an array or function) with an unbounded loop.
     */
    @Test
    void aPointerToAConstOfItself() throws FormatException {
        int p = FIRST;
        int c = p + 5;
        nameAndSizeAll(read(TestBytes.le().uleb(POINTER).u32(c).uleb(CONST).u32(c).u8(0)));
    }

    /**
     * An array whose element type is the array: {@code TypeGraph.sizeOf} recurses into the element
     * without bound and overflows the stack, during {@link TypeReader#read} itself when a DWARF 2
     * bit-field's storage size is taken from such a type.
     */
    @Test
    void anArrayOfItself() throws FormatException {
        int s = FIRST;
        int array = s + (1 + 2 + 1) + (1 + 2 + 4 + 1 + 1 + 1) + 1; // the struct, its member, its children's end
        TestBytes dies = TestBytes.le().uleb(STRUCT).cstr("S").u8(4)
                .uleb(BITFIELD).cstr("f").u32(array).u8(0).u8(0).u8(3).u8(0)
                .uleb(ARRAY).u32(array).uleb(SUBRANGE).u8(4).u8(0).u8(0);
        TypeGraph g = assertTimeoutPreemptively(BOUND, () -> read(dies));
        nameAndSizeAll(g);
    }

    /**
     * A function type whose parameters are the function type: {@code TypeNames} spells every
     * parameter (and the return type) out again, one level deeper each time, so the work grows as
     * the number of references to the power of its depth limit (64).
     */
    @Test
    void aFunctionThatTakesItself() throws FormatException {
        int f = FIRST;
        TestBytes dies = TestBytes.le().uleb(FUNCTION).u32(f).uleb(PARAMETER).u32(f).uleb(PARAMETER).u32(f).u8(0)
                .u8(0);
        nameAndSizeAll(read(dies));
    }
}
