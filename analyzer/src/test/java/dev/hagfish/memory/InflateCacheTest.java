package dev.hagfish.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InflateCache}: the budget, least recently used first, the copy in use kept, stale temporaries. */
class InflateCacheTest {
    @TempDir
    Path tmp;

    /** Writes a gzip file that inflates to {@code size} bytes of {@code fill}. */
    private Path gz(String name, int size, int fill) throws Exception {
        Path p = tmp.resolve(name);
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) fill);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(b);
        }
        return p;
    }

    private static void age(Path p, Duration ago) throws Exception {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(ago)));
    }

    @Test
    void aNewCopyDeletesTheLeastRecentlyUsedOnesBeyondTheBudget() throws Exception {
        InflateCache cache = new InflateCache(tmp.resolve("cache"), 2500);
        Path a = CompressedInput.cached(gz("a.gz", 1000, 1), CompressedInput.Kind.GZIP, cache, Progress.NONE);
        Path b = CompressedInput.cached(gz("b.gz", 1000, 2), CompressedInput.Kind.GZIP, cache, Progress.NONE);
        age(a, Duration.ofHours(2));
        age(b, Duration.ofHours(3));
        // Using a again makes b the least recently used.
        assertEquals(a, CompressedInput.cached(tmp.resolve("a.gz"), CompressedInput.Kind.GZIP, cache, Progress.NONE));
        Path c = CompressedInput.cached(gz("c.gz", 1000, 3), CompressedInput.Kind.GZIP, cache, Progress.NONE);
        assertTrue(Files.exists(a), "a was used last, so it stays");
        assertFalse(Files.exists(b), "3000 bytes are over the 2500-byte budget: b, used longest ago, goes");
        assertTrue(Files.exists(c));
        assertEquals(1000, Files.size(c));
    }

    @Test
    void theCopyInUseStaysEvenWhenItAloneIsOverTheBudget() throws Exception {
        InflateCache cache = new InflateCache(tmp.resolve("cache"), 100);
        Path a = CompressedInput.cached(gz("a.gz", 1000, 1), CompressedInput.Kind.GZIP, cache, Progress.NONE);
        age(a, Duration.ofHours(1));
        Path b = CompressedInput.cached(gz("b.gz", 1000, 2), CompressedInput.Kind.GZIP, cache, Progress.NONE);
        assertFalse(Files.exists(a));
        assertTrue(Files.exists(b));
        assertEquals(List.of(), cache.prune(b), "nothing else is left to delete");
    }

    @Test
    void onlyDayOldTemporariesAndNoOtherFilesAreDeleted() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cache"));
        Path stale = Files.writeString(dir.resolve("x.inflated.1.tmp"), "left by a killed run");
        age(stale, Duration.ofDays(2));
        Path fresh = Files.writeString(dir.resolve("y.inflated.2.tmp"), "another run is inflating");
        Path other = Files.writeString(dir.resolve("notes.txt"), "not ours");
        age(other, Duration.ofDays(30));
        new InflateCache(dir, 0).prune(null);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh));
        assertTrue(Files.exists(other));
    }

    @Test
    void sizes() {
        assertEquals(512, InflateCache.parseSize("X", "512"));
        assertEquals(3L << 30, InflateCache.parseSize("X", "3G"));
        assertEquals(10L << 20, InflateCache.parseSize("X", " 10m "));
        assertEquals(1L << 40, InflateCache.parseSize("X", "1T"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InflateCache.parseSize(InflateCache.ENV, "lots"));
        assertEquals("HAGFISH_CACHE_MAX=lots is not a size (bytes, or a number with K, M, G or T)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InflateCache.parseSize("X", "-1"));
        assertThrows(IllegalArgumentException.class, () -> InflateCache.parseSize("X", "99999999999T"));
        assertThrows(IllegalArgumentException.class, () -> new InflateCache(tmp, -1));
    }
}
