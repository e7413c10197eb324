package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one line naming the file and offset, a non-zero exit code and no stack trace. */
class MachoErrorsTest {
    @TempDir
    Path dir;

    private static void assertOneLine(CliRun r, int code, String... parts) {
        assertEquals(code, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), r.err());
        }
    }

    @Test
    void aTruncatedKernelNamesTheFileAndOffset() throws IOException {
        byte[] k = Files.readAllBytes(Golden.SAMPLES.resolve("kernels/x86_64-dwarf4/kernel"));
        Path cut = dir.resolve("kernel.cut");
        Files.write(cut, Arrays.copyOf(k, 600));
        for (String sub : new String[] {"info", "loadcmds", "symbols"}) {
            assertOneLine(CliRun.of("macho", sub, cut.toString()), 3, "hagfish: " + cut, "at offset 0x");
        }
    }

    @Test
    void aStringTablePastTheEndIsMalformed() throws IOException {
        byte[] k = Files.readAllBytes(Golden.SAMPLES.resolve("kernels/x86_64-dwarf4/kernel"));
        Path cut = dir.resolve("kernel.linkedit-cut");
        Files.write(cut, Arrays.copyOf(k, k.length - 100));
        assertOneLine(CliRun.of("macho", "symbols", cut.toString()), 3, cut.toString());
    }

    @Test
    void aMissingFileIsNotFound() {
        assertOneLine(CliRun.of("macho", "info", dir.resolve("nope").toString()), 5, "nope");
    }

    @Test
    void aMismatchedDsymIsRefusedWithBothUuids() throws IOException {
        CliRun r = CliRun.of("macho", "info", Golden.SAMPLES.resolve("kernels/x86_64-dwarf4/kernel").toString(),
                "--dsym", Golden.SAMPLES.resolve("kernels/x86_64-dwarf2/kernel.dSYM").toString());
        // Both UUIDs as llvm-dwarfdump-19 --uuid reports them.
        assertOneLine(r, 3, goldenUuid("x86_64-dwarf4"), goldenUuid("x86_64-dwarf2"));
        CliRun forced = CliRun.of("macho", "info", "--force", Golden.SAMPLES.resolve("kernels/x86_64-dwarf4/kernel").toString(),
                "--dsym", Golden.SAMPLES.resolve("kernels/x86_64-dwarf2/kernel.dSYM").toString());
        assertEquals(0, forced.exitCode(), forced.err());
    }

    /** The UUID of a sample kernel from its llvm-dwarfdump-19 golden ("UUID: X (arch) path"). */
    private static String goldenUuid(String variant) throws IOException {
        return Files.readAllLines(Golden.expected(variant + "/uuid.txt")).get(0).split(" ")[1];
    }

    @Test
    void theCoresNotesAreDecoded() throws IOException {
        CliRun r = CliRun.of("macho", "loadcmds", "--json", Golden.SAMPLES.resolve("snapshots/x86_64-dwarf4.core").toString());
        assertEquals(0, r.exitCode(), r.err());
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        var spec = java.util.stream.StreamSupport.stream(root.get("commands").spliterator(), false)
                .filter(c -> c.has("main_bin_spec")).findFirst().orElseThrow().get("main_bin_spec");
        // The kernel's UUID as llvm-dwarfdump-19 --uuid reports it; the slide the core was made at.
        assertTrue(Files.readString(Golden.expected("x86_64-dwarf4/uuid.txt")).contains(spec.get("uuid").asText()));
        assertEquals("0x1c00000", spec.get("slide").asText());
        assertEquals("0xffffff8001e00000", spec.get("address").asText());
    }

    @Test
    void aWrongArchIsNamed() {
        CliRun r = CliRun.of("macho", "symbols", "--arch", "i386", Golden.SAMPLES.resolve("kernels/fat/kernel").toString());
        assertOneLine(r, 3, "no slice for --arch i386", "x86_64, arm64");
    }
}
