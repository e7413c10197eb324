package dev.hagfish.memory;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code InflateCache} keeps the directory of inflated snapshot copies ({@link CompressedInput})
 * within a size budget. A copy's modification time is its last use: a run that finds a copy
 * touches it. After a new copy is made, the least recently used other copies are deleted until
 * the copies together fit the budget; the copy in use is never deleted, even when it alone is
 * larger. Temporary files that a killed run left behind are deleted once they are a day old (a
 * younger one may be another run's inflation in progress).
 *
 * <p>The budget is {@value #ENV} (bytes, or a number with {@code K}, {@code M}, {@code G} or
 * {@code T}), {@value #DEFAULT_GIB} GiB when unset.
 */
public final class InflateCache {
    /** The environment variable that sets the budget. */
    public static final String ENV = "HAGFISH_CACHE_MAX";
    /** The budget when {@link #ENV} is unset, in GiB. */
    public static final long DEFAULT_GIB = 32;
    private static final Duration STALE_TEMPORARY = Duration.ofDays(1);

    private final Path dir;
    private final long budget;

    /** A cache directory with a budget in bytes. */
    public InflateCache(Path dir, long budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("a cache budget cannot be negative: " + budget);
        }
        this.dir = dir;
        this.budget = budget;
    }

    /** A cache directory with the budget {@link #ENV} gives, or the default. */
    public static InflateCache of(Path dir) {
        String v = System.getenv(ENV);
        return new InflateCache(dir, v == null || v.isBlank() ? DEFAULT_GIB << 30 : parseSize(ENV, v));
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** The budget in bytes. */
    public long budget() {
        return budget;
    }

    /**
     * Parses a size: digits, optionally followed by K, M, G or T (powers of 1024).
     *
     * @throws IllegalArgumentException naming {@code what} if it is not one
     */
    public static long parseSize(String what, String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K' -> shift = 10;
                case 'M' -> shift = 20;
                case 'G' -> shift = 30;
                case 'T' -> shift = 40;
                default -> shift = 0;
            }
        }
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n < 0 || n > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + "=" + text + " is not a size (bytes, or a number with K, M, G or T)");
        }
    }

    /** Marks a copy as used now. */
    void touch(Path copy) throws IOException {
        Files.setLastModifiedTime(copy, FileTime.from(Instant.now()));
    }

    /**
     * Deletes the least recently used copies other than {@code keep} until all copies fit the
     * budget, and day-old temporary files. Files that vanish meanwhile (another run pruning) are
     * passed over.
     *
     * @return the copies deleted
     */
    public List<Path> prune(Path keep) throws IOException {
        List<Entry> copies = new ArrayList<>();
        long total = 0;
        Instant staleBefore = Instant.now().minus(STALE_TEMPORARY);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (!a.isRegularFile()) {
                    continue;
                }
                if (name.endsWith(CompressedInput.SUFFIX)) {
                    copies.add(new Entry(p, a.size(), a.lastModifiedTime()));
                    total += a.size();
                } else if (name.endsWith(".tmp") && a.lastModifiedTime().toInstant().isBefore(staleBefore)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause(); // the iterator's way of reporting an I/O error
        }
        copies.sort(Comparator.comparing(Entry::used).thenComparing(e -> e.path().getFileName().toString()));
        List<Path> deleted = new ArrayList<>();
        for (Entry e : copies) {
            if (total <= budget) {
                break;
            }
            if (e.path().equals(keep)) {
                continue;
            }
            if (Files.deleteIfExists(e.path())) {
                deleted.add(e.path());
            }
            total -= e.size();
        }
        return deleted;
    }

    private record Entry(Path path, long size, FileTime used) {}
}
