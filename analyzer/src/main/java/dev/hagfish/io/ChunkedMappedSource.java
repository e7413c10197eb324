package dev.hagfish.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@code ChunkedMappedSource} is a {@link ByteSource} over a memory-mapped file of any size.
 * {@link FileChannel#map} is limited to 2 GiB per mapping, so the file is mapped in chunks of
 * {@code 2^chunkPower} bytes (as Lucene's MMapDirectory does); a read that straddles two chunks
 * takes a slow byte-by-byte path. Small chunk powers exist so that tests can exercise the
 * straddling code with small files.
 *
 * <p>Instances are immutable; the mapped buffers are only read through absolute methods, so the
 * source is safe to share between threads.
 */
public final class ChunkedMappedSource implements ByteSource {
    /** The chunk size used for real files: 1 GiB. */
    public static final int DEFAULT_CHUNK_POWER = 30;

    private final ByteBuffer[] chunks;
    private final int chunkPower;
    private final long chunkMask;
    private final long base;
    private final long length;
    private final String name;
    private final ByteOrder order;

    private ChunkedMappedSource(ByteBuffer[] chunks, int chunkPower, long base, long length,
            String name, ByteOrder order) {
        this.chunks = chunks;
        this.chunkPower = chunkPower;
        this.chunkMask = (1L << chunkPower) - 1;
        this.base = base;
        this.length = length;
        this.name = name;
        this.order = order;
    }

    /**
     * Maps a whole file read-only, little-endian.
     *
     * @param file the file
     * @param chunkPower log2 of the chunk size, 2 to 30
     * @throws IOException if the file cannot be opened or mapped
     */
    public static ChunkedMappedSource open(Path file, int chunkPower) throws IOException {
        if (chunkPower < 2 || chunkPower > 30) {
            throw new IllegalArgumentException("chunkPower out of range: " + chunkPower);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long chunkSize = 1L << chunkPower;
            int n = Math.toIntExact((size + chunkSize - 1) >>> chunkPower);
            ByteBuffer[] chunks = new ByteBuffer[n];
            for (int i = 0; i < n; i++) {
                long start = (long) i << chunkPower;
                long len = Math.min(chunkSize, size - start);
                MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, start, len);
                // Every chunk carries the source's order, so absolute reads need no copy.
                chunks[i] = mapped.order(ByteOrder.LITTLE_ENDIAN);
            }
            return new ChunkedMappedSource(chunks, chunkPower, 0, size, file.toString(),
                    ByteOrder.LITTLE_ENDIAN);
        }
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public ByteOrder order() {
        return order;
    }

    @Override
    public void read(long off, byte[] dst, int dstOff, int len) throws FormatException {
        checkRange(off, len);
        long pos = base + off;
        int done = 0;
        while (done < len) {
            ByteBuffer chunk = chunks[(int) (pos >>> chunkPower)];
            int inChunk = (int) (pos & chunkMask);
            int n = Math.min(len - done, chunk.limit() - inChunk);
            chunk.get(inChunk, dst, dstOff + done, n);
            done += n;
            pos += n;
        }
    }

    @Override
    public int u8(long off) throws FormatException {
        checkRange(off, 1);
        long pos = base + off;
        return chunks[(int) (pos >>> chunkPower)].get((int) (pos & chunkMask)) & 0xff;
    }

    @Override
    public int u16(long off) throws FormatException {
        ByteBuffer c = chunkFor(off, 2);
        return c == null ? ByteSource.super.u16(off) : c.getShort(inChunk(off)) & 0xffff;
    }

    @Override
    public long u32(long off) throws FormatException {
        ByteBuffer c = chunkFor(off, 4);
        return c == null ? ByteSource.super.u32(off) : c.getInt(inChunk(off)) & 0xffffffffL;
    }

    @Override
    public long u64(long off) throws FormatException {
        ByteBuffer c = chunkFor(off, 8);
        return c == null ? ByteSource.super.u64(off) : c.getLong(inChunk(off));
    }

    /** Returns the chunk holding all of {@code [off, off+len)} in our order, or null if it straddles. */
    private ByteBuffer chunkFor(long off, int len) throws FormatException {
        checkRange(off, len);
        long pos = base + off;
        ByteBuffer chunk = chunks[(int) (pos >>> chunkPower)];
        int in = (int) (pos & chunkMask);
        if (in + len > chunk.limit()) {
            return null;
        }
        return chunk;
    }

    private int inChunk(long off) {
        return (int) ((base + off) & chunkMask);
    }

    @Override
    public ByteSource slice(long off, long len, String sliceName) throws FormatException {
        checkRange(off, len);
        return new ChunkedMappedSource(chunks, chunkPower, base + off, len, sliceName, order);
    }

    @Override
    public ByteSource withOrder(ByteOrder newOrder) {
        ByteBuffer[] ordered = new ByteBuffer[chunks.length];
        for (int i = 0; i < chunks.length; i++) {
            ordered[i] = chunks[i].duplicate().order(newOrder);
        }
        return new ChunkedMappedSource(ordered, chunkPower, base, length, name, newOrder);
    }
}
