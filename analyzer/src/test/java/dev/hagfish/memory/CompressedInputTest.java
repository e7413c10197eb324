package dev.hagfish.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CompressedInput}: the sample .core.gz (made by gzip -9 in build.sh), xz, the cache, corrupt streams. */
class CompressedInputTest {
    static final Path GZ = LldbMemoryRows.SAMPLES.resolve("snapshots/x86_64-dwarf4.core.gz");
    static final Path CORE = LldbMemoryRows.SAMPLES.resolve("snapshots/x86_64-dwarf4.core");

    @TempDir
    Path tmp;

    private static byte[] all(ByteSource s) throws IOException {
        return s.bytes(0, Math.toIntExact(s.size()));
    }

    @Test
    void theGzippedCoreInflatesOnceAndReadsAsLldbReadTheCore() throws IOException {
        Path cache = tmp.resolve("cache");
        List<String> phases = new ArrayList<>();
        ByteSource s = CompressedInput.open(GZ, unbounded(cache), (p, done, total) -> phases.add(p));
        assertArrayEquals(Files.readAllBytes(CORE), all(s));
        assertTrue(phases.contains("hash") && phases.contains("inflate"), phases.toString());
        assertTrue(s.describe().startsWith(GZ + " (gzip, inflated to " + cache), s.describe());
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(1, files.count(), "one copy, no temporary left");
        }
        CoreFile c = CoreFile.open(s);
        for (LldbMemoryRows.Row r : LldbMemoryRows.of(CoreFileTest.CORE)) {
            assertArrayEquals(r.bytes(), c.read(r.address(), r.bytes().length), r.line());
        }
        phases.clear();
        ByteSource again = CompressedInput.open(GZ, unbounded(cache), (p, done, total) -> phases.add(p));
        assertFalse(phases.contains("inflate"), "the second open uses the cached copy: " + phases);
        assertEquals(s.size(), again.size());
    }

    @Test
    void detectionIsByMagicNotName() throws IOException {
        Path renamed = tmp.resolve("core.bin");
        Files.copy(GZ, renamed);
        assertEquals(CompressedInput.Kind.GZIP, CompressedInput.detect(renamed));
        assertEquals(CompressedInput.Kind.NONE, CompressedInput.detect(CORE));
        Path xz = tmp.resolve("core.gz");
        try (OutputStream os = new XZCompressorOutputStream(Files.newOutputStream(xz))) {
            os.write(Files.readAllBytes(CORE));
        }
        assertEquals(CompressedInput.Kind.XZ, CompressedInput.detect(xz));
        assertArrayEquals(Files.readAllBytes(CORE), all(CompressedInput.open(xz, unbounded(tmp.resolve("c")), Progress.NONE)));
        // An uncompressed file is mapped as it is, with no copy.
        ByteSource plain = CompressedInput.open(CORE, unbounded(tmp.resolve("none")), Progress.NONE);
        assertEquals(CORE.toString(), plain.describe());
        assertFalse(Files.exists(tmp.resolve("none")));
        Path tiny = tmp.resolve("tiny");
        Files.write(tiny, new byte[] {0x1f});
        assertEquals(CompressedInput.Kind.NONE, CompressedInput.detect(tiny));
    }

    @Test
    void aTruncatedOrCorruptStreamIsAFormatErrorAndLeavesNoCopy() throws IOException {
        byte[] gz = Files.readAllBytes(GZ);
        Path cut = tmp.resolve("cut.core.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length / 2));
        Path cache = tmp.resolve("cache");
        FormatException e = assertThrows(FormatException.class, () -> CompressedInput.open(cut, unbounded(cache), Progress.NONE));
        assertTrue(e.getMessage().startsWith(cut + ": at offset 0x"), e.getMessage());
        assertTrue(e.getMessage().contains("gzip stream is corrupt or truncated"), e.getMessage());
        byte[] bad = gz.clone();
        for (int i = 100; i < 200; i++) {
            bad[i] = (byte) 0xff;
        }
        Path corrupt = tmp.resolve("bad.gz");
        Files.write(corrupt, bad);
        assertThrows(FormatException.class, () -> CompressedInput.open(corrupt, unbounded(cache), Progress.NONE));
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(0, files.count(), "no copy and no temporary left");
        }
    }

    /** A cache directory without a budget. */
    static InflateCache unbounded(Path dir) {
        return new InflateCache(dir, Long.MAX_VALUE);
    }
}
