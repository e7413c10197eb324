package dev.hagfish.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Addresses of the x86_64 DWARF 4 sample kernel from its reference-tool goldens (llvm-nm-19 -n,
 * llvm-otool-19 -l), so that tests follow the samples when they are rebuilt. Shared with the cli
 * tests.
 */
public final class SampleLayout {
    private static final Path EXPECTED = LldbMemoryRows.SAMPLES.resolve("expected/x86_64-dwarf4");

    private SampleLayout() {}

    /** Returns the unslid address llvm-nm gives a symbol, e.g. {@code _version}. */
    public static long symbol(String name) throws IOException {
        for (String l : Files.readAllLines(EXPECTED.resolve("nm-n.txt"))) {
            if (l.endsWith(" " + name)) {
                return Long.parseUnsignedLong(l.substring(0, 16), 16);
            }
        }
        throw new AssertionError(name + " is not in nm-n.txt");
    }

    /** Returns {vmaddr, vmsize} of a segment, as llvm-otool -l lists it. */
    public static long[] segment(String name) throws IOException {
        List<String> lines = Files.readAllLines(EXPECTED.resolve("otool-l.txt"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("segname " + name) && lines.get(i - 1).strip().startsWith("cmdsize")) {
                return new long[] {hex(lines.get(i + 1)), hex(lines.get(i + 2))};
            }
        }
        throw new AssertionError(name + " is not in otool-l.txt");
    }

    private static long hex(String line) {
        String v = line.strip().split("\\s+")[1];
        return Long.parseUnsignedLong(v.substring(2), 16);
    }
}
