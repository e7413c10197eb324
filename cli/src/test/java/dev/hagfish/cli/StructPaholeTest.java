package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code struct NAME --format pahole} on the indexed sample kernel prints what pahole 1.24 printed
 * for the same DWARF (samples/expected/pahole, made by make-expected-pahole.sh), with
 * {@code --cacheline} as pahole's {@code -c}.
 */
class StructPaholeTest {
    @TempDir
    static Path store;

    @BeforeAll
    static void index() {
        CliRun r = CliRun.of("index", Golden.SAMPLES.resolve("kernels/x86_64-dwarf4/kernel").toString(), "--index",
                store.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    /** pahole's answer for one name in a golden. */
    private static String pahole(String golden, String asked) throws IOException {
        String text = Files.readString(Golden.expected("pahole/" + golden + ".txt"));
        int at = text.indexOf("==== " + asked + "\n");
        assertTrue(at >= 0, asked + " not in " + golden);
        at += asked.length() + 6;
        int end = text.indexOf("====", at);
        return text.substring(at, end < 0 ? text.length() : end);
    }

    private static CliRun struct(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "struct";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--index";
        all[args.length + 2] = store.toString();
        return CliRun.of(all);
    }

    @Test
    void holeyIsPaholes() throws IOException {
        CliRun r = struct("holey", "--format", "pahole");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(pahole("x86_64-dwarf4", "struct holey"), r.out());
    }

    @Test
    void bitFieldsPackingAndAlignment() throws IOException {
        for (String name : new String[] {"layout_bits", "layout_packed_bits", "layout_contains_aligned", "kmod_info",
                "union layout_value", "enum layout_unsigned"}) {
            CliRun r = struct(name, "--format", "pahole");
            assertEquals(0, r.exitCode(), name + ": " + r.err());
            String asked = name.contains(" ") ? name : "struct " + name;
            assertEquals(pahole("x86_64-dwarf4", asked), r.out(), name);
        }
    }

    @Test
    void aTypedefOfAnAnonymousEnumIsTheEnum() throws IOException {
        CliRun r = struct("layout_color_t", "--format", "pahole");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(pahole("x86_64-dwarf4", "typedef layout_color_t"), r.out());
        // gdb 13's `ptype /o layout_color_t` on the same DWARF (an ELF copy, as make-expected-gdb.sh
        // makes) prints the anonymous enum it names.
        r = struct("layout_color_t");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("type = enum {LAYOUT_RED, LAYOUT_GREEN, LAYOUT_BLUE, LAYOUT_ALPHA = 6}\n", r.out());
    }

    @Test
    void cachelineIsPaholesDashC() throws IOException {
        for (String name : new String[] {"kmod_info", "kernel_stack_region", "task"}) {
            CliRun r = struct(name, "--format", "pahole", "--cacheline", "32");
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(pahole("x86_64-dwarf4-cacheline32", "struct " + name), r.out(), name);
        }
    }

    @Test
    void expandIsForGdbOnly() {
        CliRun r = struct("proc", "--format", "pahole", "--expand");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--expand works with --format gdb only"), r.err());
        assertEquals(2, struct("proc", "--format", "nm").exitCode());
    }
}
