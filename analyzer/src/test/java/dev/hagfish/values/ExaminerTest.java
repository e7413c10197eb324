package dev.hagfish.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hagfish.memory.MemoryFaultException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** gdb's {@code x/FMT}: the format letters, gdb's defaults, the rows, and where a fault stops them. */
class ExaminerTest {
    private final Scope scope = FakeKernel.scope();

    @ParameterizedTest(name = "x{0}")
    @CsvSource({
        "'', 1, x, 4",
        "/11xg, 11, x, 8",
        "/s, 1, s, 1",
        "/4c, 4, c, 1",
        "/cw, 1, c, 4",
        "/a, 1, a, 8",
        "/2ah, 2, a, 8",
        "/10i, 10, i, 1",
        "/tb, 1, t, 1",
    })
    void formats(String spec, int count, char format, int unit) {
        assertEquals(new ExamineFormat(count, format, unit), ExamineFormat.parse(spec, (char) 0, (char) 0, 0, 8));
    }

    @Test
    void optionsFillWhatTheSpecLeavesOut() {
        assertEquals(new ExamineFormat(6, 'd', 2), ExamineFormat.parse(null, 'd', 'h', 6, 8));
        assertEquals(new ExamineFormat(2, 'u', 2), ExamineFormat.parse("/2", 'u', 'h', 6, 8));
        assertEquals("undefined output format \"q\" in /3q", assertThrows(IllegalArgumentException.class,
                () -> ExamineFormat.parse("/3q", (char) 0, (char) 0, 0, 8)).getMessage());
        assertEquals("the count must be from 1 to 1048576: 2000000", assertThrows(IllegalArgumentException.class,
                () -> ExamineFormat.parse("/2000000x", (char) 0, (char) 0, 0, 8)).getMessage());
    }

    private List<String> x(long address, String spec) throws Exception {
        List<String> out = new ArrayList<>();
        ExamineFormat f = ExamineFormat.parse(spec, (char) 0, (char) 0, 0, 8);
        new Examiner(scope, null).examine(address, f, r -> out.add(r.text(false)));
        return out;
    }

    @Test
    void rowsAreLabelledWithTheirSymbol() throws Exception {
        // head: next (8 bytes), id = 1 and "head" (68 65 61 64), then name's NULs and the
        // bit-field byte 0xed (flags 5 | level -3 << 3), then color 2 and the union's 7.
        assertEquals(List.of("0xffffff8000100000 <head>:\t0xffffff8000100040\t0x6461656800000001",
                "0xffffff8000100010 <head+16>:\t0x000000ed00000000\t0x0000000700000002"), x(FakeKernel.BASE, "/4xg"));
        assertEquals(List.of("0xffffff8000100100 <count>:\t17\t0\t0\t0"), x(FakeKernel.BASE + 0x100, "/4dw"));
        assertEquals(List.of("0xffffff8000100000 <head>:\t0xffffff8000100040 <tail>\t0x6461656800000001"),
                x(FakeKernel.BASE, "/2a"));
        assertEquals(List.of("0xffffff800010000c <head+12>:\t104 'h'\t101 'e'\t97 'a'\t100 'd'\t0 '\\000'"),
                x(FakeKernel.BASE + 12, "/5c"));
    }

    @Test
    void stringsContinueWhereTheLastStopped() throws Exception {
        assertEquals(List.of("0xffffff8000100200 <big>:\t'A' <repeats 200 times>...",
                "0xffffff80001002c8 <big+200>:\t'A' <repeats 100 times>"), x(FakeKernel.BASE + 0x200, "/2s"));
        assertEquals(List.of("0xffffff8000100180 <text>:\t\"hi\\n\\\"\\\\\\001\", 'x' <repeats 20 times>",
                "0xffffff800010019b <text+27>:\t\"\""), x(FakeKernel.BASE + 0x180, "/2s"));
    }

    @Test
    void aFaultStopsTheRowsWhereMemoryEnds() {
        List<String> out = new ArrayList<>();
        long last = FakeKernel.BASE + 0x1000 - 16;
        MemoryFaultException e = assertThrows(MemoryFaultException.class, () -> new Examiner(scope, null)
                .examine(last, new ExamineFormat(6, 'x', 8), r -> out.add(r.text(false))));
        assertEquals(List.of("0xfffff" + "f8000100ff0:\t0x0000000000000000\t0x0000000000000000"), out);
        assertEquals(FakeKernel.BASE + 0x1000, e.address());
    }

    @Test
    void instructionsComeFromThePrinter() throws Exception {
        InstructionPrinter fake = (memory, address, count) -> List.of(
                new InstructionPrinter.Instruction(address, 1, "int3"),
                new InstructionPrinter.Instruction(address + 1, 3, "mov    %rsp,%rbp"));
        Examination e = new Examiner(scope, fake).examine(FakeKernel.BASE + 0x100, new ExamineFormat(2, 'i', 1));
        assertEquals("   0xffffff8000100100 <count>:\tint3", e.rows().get(0).text(true));
        assertEquals("   0xffffff8000100101 <count+1>:\tmov    %rsp,%rbp", e.rows().get(1).text(true));
        assertEquals(FakeKernel.BASE + 0x104, e.next());
        assertThrows(IllegalStateException.class, () -> new Examiner(scope, null).examine(0, new ExamineFormat(1, 'i', 1)));
    }
}
