package dev.hagfish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.dwarf.RealInputs;
import dev.hagfish.dwarf.TypeReader;
import dev.hagfish.types.Layout;
import dev.hagfish.types.TypeGraph;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Reorganizer} on the sample's stress structs, against layouts worked out by hand from
 * samples/kernel/osfmk/kern/layouts.c and the ABIs (LP64: long and pointers 8 bytes; i386: 4),
 * and on every struct of every sample variant and of libc, each suggestion checked here again
 * with rules of this test's own.
 */
class ReorganizerTest {
    /** Name, bit offset in bytes, of each member in order. */
    private static List<String> placed(Layout l) {
        List<String> out = new ArrayList<>();
        for (Layout.Slot s : l.slots()) {
            out.add(s.name() + "@" + (s.bitOffset() / 8));
        }
        return out;
    }

    @Test
    void holeyLp64LosesItsHolesAndSixteenBytes() throws IOException {
        Reorganizer.Result r = Reorganizer.of(SampleLayouts.layout("x86_64-dwarf4", "struct holey"));
        assertEquals("saved", r.status());
        assertEquals(0, r.cap());
        // 8-byte members first, then 4, 2 and 1: 25 bytes of members, rounded to 8.
        assertEquals(List.of("l@0", "p@8", "i@16", "s@20", "c1@22", "c2@23", "c3@24"), placed(r.layout()));
        assertEquals(32, r.layout().byteSize());
        assertEquals(7 * 8, r.layout().paddingBits());
        assertEquals(0, r.layout().holes());
        StructReport rep = SampleLayouts.report("x86_64-dwarf4", "struct holey", new ReportOptions(64, false, true, 20));
        assertEquals(16L, rep.reorganized().savedBytes());
        assertEquals(32L, rep.reorganized().size());
        assertEquals(List.of(), rep.reorganized().holes());
        assertEquals(7L, rep.reorganized().padding());
    }

    @Test
    void holeyI386LosesEightBytes() throws IOException {
        Layout l = SampleLayouts.layout("i386-layouts", "struct holey");
        assertEquals(28, l.byteSize());
        Reorganizer.Result r = Reorganizer.of(l);
        assertEquals("saved", r.status());
        assertEquals(List.of("l@0", "i@4", "p@8", "s@12", "c1@14", "c2@15", "c3@16"), placed(r.layout()));
        assertEquals(20, r.layout().byteSize());
    }

    @Test
    void theAlignedMemberMovesFirst() throws IOException {
        Reorganizer.Result r = Reorganizer.of(SampleLayouts.layout("x86_64-dwarf4", "struct layout_contains_aligned"));
        assertEquals("saved", r.status());
        assertEquals(List.of("inner@0", "c@64", "d@65"), placed(r.layout()));
        assertEquals(128, r.layout().byteSize());
        // the nested layout moved with its member
        Layout inner = r.layout().slots().get(0).nested();
        assertEquals(0, inner.bitOffset());
        assertEquals(0, inner.slots().get(0).bitOffset());
        assertEquals(32, inner.slots().get(1).bitOffset());
    }

    @Test
    void structsWithoutSlackAreOptimal() throws IOException {
        for (String s : List.of("struct layout_aligned64", "struct layout_bits", "struct layout_base", "struct layout_flex",
                "struct layout_anon")) {
            Reorganizer.Result r = Reorganizer.of(SampleLayouts.layout("x86_64-dwarf4", s));
            assertEquals("optimal", r.status(), s + ": " + r.reason());
            assertNull(r.layout());
        }
    }

    @Test
    void packingIsRecognisedAndKept() throws IOException {
        // __attribute__((packed)): only an alignment cap of 1 gives its offsets 0, 1, 9, 11.
        Reorganizer.Result packed = Reorganizer.of(SampleLayouts.layout("x86_64-dwarf4", "struct layout_packed"));
        assertEquals(1, packed.cap());
        assertEquals("optimal", packed.status());
        // #pragma pack(4): 8-byte members at offsets 4 divides (kmod.h).
        Reorganizer.Result kmod = Reorganizer.of(SampleLayouts.layout("x86_64-dwarf4", "struct kmod_info"));
        assertEquals(4, kmod.cap());
        // i386 aligns 8-byte scalars (unsigned long long bit-fields' units) to 4 in structs.
        Reorganizer.Result bits = Reorganizer.of(SampleLayouts.layout("i386-layouts", "struct layout_bits"));
        assertFalse(bits.status().equals("skipped") && bits.reason().startsWith("no verified"), bits.reason());
    }

    @Test
    void unionsAreLeftAlone() throws IOException {
        Reorganizer.Result r = Reorganizer.of(SampleLayouts.layout("x86_64-dwarf4", "union layout_value"));
        assertEquals("skipped", r.status());
        assertTrue(r.reason().contains("union"), r.reason());
    }

    @Test
    void unnamedBitsAtTheEndOfARunMoveWithIt() throws IOException {
        // vm_map_entry: 16 bits of bit-fields in an unsigned int, then wired_count at 28, not 26:
        // the rest of the unit is taken, as by an unnamed bit-field that DWARF does not show.
        Reorganizer.Result r = Reorganizer.of(SampleLayouts.layout("x86_64-dwarf4", "struct vm_map_entry"));
        assertEquals("optimal", r.status(), r.reason());
        assertEquals(0, r.cap());
    }

    @Test
    void aDerivedClassKeepsItsBaseFirstAndItsMembersInTheBasesTailPadding() throws IOException {
        for (String c : List.of("class OSKext", "class OSString", "class OSArray")) {
            Layout l = SampleLayouts.layout("x86_64-dwarf4", c.replace("class ", "struct "));
            Reorganizer.Result r = Reorganizer.of(l);
            assertFalse(r.status().equals("skipped"), c + ": " + r.reason());
            if (r.layout() != null) {
                assertEquals(Layout.SlotKind.BASE, r.layout().slots().get(0).kind());
                assertEquals(0, r.layout().slots().get(0).bitOffset());
            }
        }
    }

    static Stream<String> variants() {
        return Stream.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5", "i386-layouts",
                "i386-kern_proc", "i386-OSKext", "i386-kext_alloc");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everySampleSuggestionHoldsUp(String variant) throws IOException {
        check(SampleLayouts.graph(variant), variant, 0);
    }

    @Test
    void everyLibcSuggestionHoldsUp() throws IOException {
        TypeGraph g = TypeReader.read(RealInputs.dwarf(RealInputs.byId("libc6-dbg-libc")));
        // struct timex ends in eleven unnamed `int :32;` fields, which DWARF does not describe: its
        // size is more than its members' end needs, which no alignment rule explains.
        check(g, "libc", 1);
    }

    /**
     * Checks every suggestion of a graph with this test's own rules: the same members, each
     * member's offset divisible by its alignment (capped as the result says), a bit-field moved
     * by a multiple of its unit's alignment, no two members that were apart in the old layout
     * overlapping in the new one, and the size the members' end rounded to the struct's alignment
     * (at least that with bit-fields), smaller than before. No struct fails the reorganizer's own verification, and at most
     * {@code maxUnreproduced} follow no alignment rule it knows.
     */
    private static void check(TypeGraph g, String what, int maxUnreproduced) {
        List<String> bad = new ArrayList<>();
        int saved = 0;
        List<String> unreproduced = new ArrayList<>();
        for (Layout l : SampleLayouts.all(g)) {
            Reorganizer.Result r = Reorganizer.of(l);
            if (r.status().equals("skipped")) {
                if (r.reason().startsWith("no verified")) {
                    bad.add(l.name() + ": " + r.reason());
                }
                if (r.reason().startsWith("the compiler's layout")) {
                    unreproduced.add(l.name());
                }
                continue;
            }
            if (r.layout() == null) {
                continue;
            }
            saved++;
            String err = independentCheck(l, r.layout(), r.cap());
            if (err != null) {
                bad.add(l.name() + ": " + err);
            }
        }
        assertTrue(bad.isEmpty(), what + ":\n" + String.join("\n", bad));
        assertTrue(unreproduced.size() <= maxUnreproduced, what + ": " + unreproduced.size()
                + " structs follow no known rule: " + unreproduced);
        assertTrue(saved > 0 || what.startsWith("i386-"), what + ": nothing saved anywhere");
    }

    private static String independentCheck(Layout old, Layout now, long cap) {
        if (now.byteSize() >= old.byteSize()) {
            return "not smaller: " + now.byteSize();
        }
        List<String> a = old.slots().stream().map(s -> s.name() + "/" + s.typeName() + "/" + s.bitSize()).sorted().toList();
        List<String> b = now.slots().stream().map(s -> s.name() + "/" + s.typeName() + "/" + s.bitSize()).sorted().toList();
        if (!a.equals(b)) {
            return "members differ: " + a + " vs " + b;
        }
        long structAlign = cap > 0 ? Math.max(Math.min(old.alignment(), cap), old.explicitAlignment()) : old.alignment();
        if (now.byteSize() % Math.max(1, structAlign) != 0) {
            return "size " + now.byteSize() + " not a multiple of " + structAlign;
        }
        long end = 0;
        for (Layout.Slot s : now.slots()) {
            long align = Math.max(cap > 0 ? Math.min(Math.max(1, s.alignment()), cap) : Math.max(1, s.alignment()),
                    s.explicitAlignment());
            Layout.Slot o = old.slots().stream().filter(x -> x.name() == null ? s.name() == null && x.type() == s.type()
                    && x.kind() == s.kind() : x.name().equals(s.name())).findFirst().orElseThrow();
            long moved = s.bitOffset() - o.bitOffset();
            if (Math.floorMod(moved, align * 8) != 0) {
                return s.name() + " moved by " + moved + " bits, not a multiple of its " + align + "-byte alignment";
            }
            if (!s.bitField() && Math.floorMod(s.bitOffset(), align * 8) != 0) {
                return s.name() + " at bit " + s.bitOffset() + " is not " + align + "-byte aligned";
            }
            end = Math.max(end, s.endBit());
        }
        long tight = alignUp((end + 7) / 8, structAlign);
        boolean bitFields = now.slots().stream().anyMatch(Layout.Slot::bitField);
        // A bit-field run may keep unused bits of its last unit (unnamed bit-fields), so with
        // bit-fields the size may exceed the tight one; never the other way.
        if (now.byteSize() < tight || (!bitFields && now.byteSize() != tight)) {
            return "size " + now.byteSize() + " is not the members' end " + (end + 7) / 8 + " rounded to " + structAlign;
        }
        List<Layout.Slot> sorted = new ArrayList<>(now.slots());
        sorted.sort(Comparator.comparingLong(Layout.Slot::bitOffset));
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                Layout.Slot x = sorted.get(i);
                Layout.Slot y = sorted.get(j);
                if (overlap(x, y) && !overlap(old(old, x), old(old, y))) {
                    return x.name() + " and " + y.name() + " overlap";
                }
            }
        }
        return null;
    }

    private static Layout.Slot old(Layout old, Layout.Slot s) {
        return old.slots().stream().filter(x -> x.name() == null ? s.name() == null && x.type() == s.type()
                && x.kind() == s.kind() : x.name().equals(s.name())).findFirst().orElseThrow();
    }

    private static boolean overlap(Layout.Slot x, Layout.Slot y) {
        return x.bitsUsed() > 0 && y.bitsUsed() > 0 && x.bitOffset() < y.endBit() && y.bitOffset() < x.endBit();
    }

    private static long alignUp(long v, long a) {
        return a <= 1 ? v : (v + a - 1) / a * a;
    }
}
