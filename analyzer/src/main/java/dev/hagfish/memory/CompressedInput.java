package dev.hagfish.memory;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * {@code CompressedInput} opens a snapshot file that may be compressed. A gzip or xz file
 * (recognised by its magic bytes, not its name) is inflated once into a cache directory, under the
 * SHA-256 of its compressed bytes, and the inflated copy is memory-mapped like any other file; a
 * later run finds the copy by the same hash and only re-reads the compressed file to hash it. The
 * copy is written to a temporary file and renamed into place, so a copy that exists is complete,
 * even if a run is killed or two runs inflate the same file at once. Inflating streams through a
 * fixed buffer: cores of several GB never pass through the heap. The cache keeps to a size budget
 * ({@link InflateCache}): a new copy makes room by deleting the least recently used ones.
 *
 * <p>Multi-member gzip files and multi-stream xz files inflate to the concatenation of their
 * members, as {@code gzip -d} and {@code xz -d} do.
 */
public final class CompressedInput {
    private static final int BUFFER = 1 << 20;
    /** The ending of an inflated copy's name (after the SHA-256 of the compressed file). */
    static final String SUFFIX = ".inflated";

    /** What a file is compressed with. */
    public enum Kind {
        /** Not compressed (no known magic). */
        NONE,
        /** gzip (RFC 1952): {@code 1f 8b}. */
        GZIP,
        /** xz: {@code fd 37 7a 58 5a 00}. */
        XZ
    }

    private CompressedInput() {}

    /** Tells how a file is compressed, from its first bytes. */
    public static Kind detect(Path file) throws IOException {
        byte[] head = new byte[6];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Kind.GZIP;
        }
        if (n == 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X'
                && head[4] == 'Z' && head[5] == 0) {
            return Kind.XZ;
        }
        return Kind.NONE;
    }

    /**
     * Opens a file for random access: the file itself when it is not compressed, else its inflated
     * copy in {@code cacheDir} (made now if missing). The source's {@link ByteSource#describe()}
     * names the given file.
     *
     * @param file the snapshot file
     * @param cache where inflated copies live (the directory is created if missing)
     * @param progress receives the phases {@code hash} and {@code inflate}, in compressed bytes
     * @throws FormatException if the compressed stream is corrupt or truncated (the offset is in
     *     the compressed file)
     * @throws IOException if a file cannot be read or written
     */
    public static ByteSource open(Path file, InflateCache cache, Progress progress) throws IOException {
        Kind kind = detect(file);
        if (kind == Kind.NONE) {
            return ByteSource.open(file);
        }
        Path copy = cached(file, kind, cache, progress);
        ByteSource inflated = ByteSource.open(copy);
        return inflated.slice(0, inflated.size(), file + " (" + kind.name().toLowerCase(java.util.Locale.ROOT)
                + ", inflated to " + copy + ")");
    }

    /**
     * Returns the inflated copy of a compressed file in the cache, inflating it first if it is not
     * there (and then pruning the cache to its budget); a copy found is marked as used.
     */
    public static Path cached(Path file, Kind kind, InflateCache cache, Progress progress) throws IOException {
        Path cacheDir = cache.dir();
        Path copy = cacheDir.resolve(sha256(file, progress) + SUFFIX);
        if (Files.isRegularFile(copy)) {
            cache.touch(copy);
            return copy;
        }
        Files.createDirectories(cacheDir);
        Path tmp = Files.createTempFile(cacheDir, copy.getFileName().toString() + ".", ".tmp");
        try {
            inflate(file, kind, tmp, progress);
            try {
                Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        cache.prune(copy);
        return copy;
    }

    private static void inflate(Path file, Kind kind, Path out, Progress progress) throws IOException {
        long total = Files.size(file);
        Counting counted = new Counting(Files.newInputStream(file));
        try (InputStream in = open(file, kind, counted); OutputStream os = Files.newOutputStream(out)) {
            byte[] buf = new byte[BUFFER];
            progress.update("inflate", 0, total);
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                os.write(buf, 0, n);
                progress.update("inflate", counted.count, total);
            }
        } catch (FormatException e) {
            throw e;
        } catch (IOException e) {
            if (!Files.isReadable(file)) {
                throw e;
            }
            throw new FormatException(file.toString(), counted.count, kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " stream is corrupt or truncated: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        }
    }

    private static InputStream open(Path file, Kind kind, Counting counted) throws IOException {
        try {
            BufferedInputStream buffered = new BufferedInputStream(counted, BUFFER);
            return kind == Kind.GZIP ? new GzipCompressorInputStream(buffered, true)
                    : new XZCompressorInputStream(buffered, true);
        } catch (IOException e) {
            counted.close();
            throw new FormatException(file.toString(), counted.count, kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " header is corrupt: " + e.getMessage());
        }
    }

    /** Returns the SHA-256 of a file's bytes, in lower-case hex. */
    static String sha256(Path file, Progress progress) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long total = ch.size();
            ByteBuffer buf = ByteBuffer.allocate(BUFFER);
            long done = 0;
            progress.update("hash", 0, total);
            while (ch.read(buf) >= 0) {
                buf.flip();
                done += buf.remaining();
                md.update(buf);
                buf.clear();
                progress.update("hash", done, total);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Counts the compressed bytes read, for progress and for error offsets. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
