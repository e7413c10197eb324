package dev.hagfish.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The rules of {@link FuzzHarness}: what may escape a trial, and what fails the run. */
class FuzzHarnessTest {
    private static final byte[] INPUT = TestBytes.le().u32(0x12345678).u64(-1).cstr("sample").zeros(40).build();
    private static final List<String> SECTIONS = List.of("debug_info");

    private static FuzzHarness harness() {
        return FuzzHarness.of("FuzzHarnessTest", 200);
    }

    @Test
    void wellFormedFormatExceptionsAreCountedAsRejections() {
        FuzzHarness h = harness();
        FuzzHarness.Result r = h.run("sample", SECTIONS, m -> {
            byte[] b = m.mutate(INPUT, 16);
            if (b.length != INPUT.length || (b[0] & 1) != 0) {
                throw new FormatException("sample (debug_info)", 0, "changed");
            }
        });
        assertEquals(h.mutations(), r.mutations());
        assertTrue(r.rejected() > 0 && r.rejected() < r.mutations(), r.toString());
    }

    @Test
    void anyOtherExceptionFailsWithTheSeedAndTheIndex() {
        FuzzHarness h = harness();
        AssertionError e = assertThrows(AssertionError.class, () -> h.run("sample", SECTIONS, m -> {
            m.note("the whole input");
            if (m.index() == 17) {
                throw new ArrayIndexOutOfBoundsException(3);
            }
        }));
        String msg = e.getMessage();
        assertTrue(msg.contains("sample mutation 17 (the whole input)"), msg);
        assertTrue(msg.contains("-Dfuzz.seed=" + h.seed() + " -Dfuzz.input='sample' -Dfuzz.index=17"), msg);
        assertTrue(msg.contains("ArrayIndexOutOfBoundsException"), msg);
    }

    @Test
    void aFormatExceptionThatNamesNoSectionFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> harness().run("sample", SECTIONS, m -> {
            throw new FormatException("DW_AT_data_member_location", 1, "ULEB128 overflows 64 bits");
        }));
        assertTrue(e.getMessage().contains("names none of the sections [debug_info]"), e.getMessage());
    }

    @Test
    void aHangFailsWithTheStuckStack() {
        FuzzHarness h = harness().withBudgets(Duration.ofMillis(300), Duration.ofSeconds(20), 1L << 30);
        AssertionError e = assertThrows(AssertionError.class, () -> h.run("sample", SECTIONS, m -> {
            if (m.index() == 5) {
                spin();
            }
        }));
        assertTrue(e.getMessage().contains("mutation 5, seed"), e.getMessage());
        assertTrue(e.getMessage().contains("still running after 300 ms"), e.getMessage());
        assertTrue(e.getMessage().contains("FuzzHarnessTest.spin"), e.getMessage());
    }

    @Test
    void aHugeAllocationFails() {
        FuzzHarness h = harness().withBudgets(Duration.ofSeconds(10), Duration.ofSeconds(20), 1L << 20);
        AssertionError e = assertThrows(AssertionError.class, () -> h.run("sample", SECTIONS, m -> {
            if (m.index() == 3) {
                byte[][] keep = new byte[8][];
                for (int i = 0; i < keep.length; i++) {
                    keep[i] = new byte[1 << 20];
                }
            }
        }));
        assertTrue(e.getMessage().contains("mutation 3") && e.getMessage().contains("budget"), e.getMessage());
    }

    @Test
    void eachMutationDependsOnlyOnTheSeedInputAndIndex() {
        FuzzHarness h = harness();
        Map<Integer, byte[]> first = new ConcurrentHashMap<>();
        Map<Integer, byte[]> second = new ConcurrentHashMap<>();
        h.run("sample", SECTIONS, m -> first.put(m.index(), m.mutate(INPUT, 4, 20, 8)));
        h.run("sample", SECTIONS, m -> second.put(m.index(), m.mutate(INPUT, 4, 20, 8)));
        assertEquals(h.mutations(), first.size());
        int differ = 0;
        for (int i = 0; i < h.mutations(); i++) {
            byte[] a = first.get(i);
            assertTrue(java.util.Arrays.equals(a, second.get(i)), "mutation " + i);
            assertTrue(java.util.Arrays.equals(INPUT, 0, 4, a, 0, 4), "bytes before the window are kept");
            differ += java.util.Arrays.equals(a, INPUT) ? 0 : 1;
        }
        assertTrue(differ > h.mutations() / 2, differ + " mutants differ from the input");
    }

    private static void spin() {
        long x = 0;
        while (!Thread.currentThread().isInterrupted()) {
            x++;
        }
        if (x == 42) {
            System.out.println(x);
        }
    }
}
