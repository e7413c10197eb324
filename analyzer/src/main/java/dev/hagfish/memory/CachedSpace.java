package dev.hagfish.memory;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code CachedSpace} keeps the pages read from a slow address space (a live target over KDP or
 * a GDB stub) in an LRU cache, so that reading a struct member by member costs one round trip per
 * page. A read is served from whole cached pages; a page that cannot be read whole (it is only
 * partly mapped) is not cached, and the read goes to the slow space as asked, so faults are
 * reported exactly as the slow space reports them. Faults are not cached.
 *
 * <p>The cache assumes the memory does not change under it: call {@link #invalidate()} when a live
 * target runs again. Instances are safe to share between threads (reads are serialized).
 */
public final class CachedSpace implements AddressSpace {
    private final AddressSpace slow;
    private final int pageSize;
    private final long pageMask;
    private final Map<Long, byte[]> pages;
    private long hits;
    private long misses;

    /**
     * Creates a cache.
     *
     * @param slow the space to cache
     * @param pageSize the page size in bytes, a power of two (4096 matches KDP and x86_64)
     * @param maxPages how many pages to keep, at least 1
     */
    public CachedSpace(AddressSpace slow, int pageSize, int maxPages) {
        if (pageSize <= 0 || Integer.bitCount(pageSize) != 1 || maxPages < 1) {
            throw new IllegalArgumentException("page size " + pageSize + ", " + maxPages + " pages");
        }
        this.slow = slow;
        this.pageSize = pageSize;
        this.pageMask = -(long) pageSize;
        this.pages = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                return size() > maxPages;
            }
        };
    }

    @Override
    public String describe() {
        return slow.describe();
    }

    @Override
    public ByteOrder order() {
        return slow.order();
    }

    @Override
    public List<MappedRange> ranges() {
        return slow.ranges();
    }

    @Override
    public List<MappedRange> dataRanges() {
        return slow.dataRanges();
    }

    @Override
    public synchronized void read(long addr, byte[] dst, int off, int len) throws IOException {
        long a = addr;
        int done = 0;
        while (done < len) {
            long page = a & pageMask;
            int in = (int) (a - page);
            int n = Math.min(len - done, pageSize - in);
            byte[] p = page(page);
            if (p == null) {
                // Part of this page is unmapped: read the rest as asked, uncached, so the slow
                // space reports the fault (or the bytes) itself.
                try {
                    slow.read(a, dst, off + done, len - done);
                } catch (MemoryFaultException e) {
                    throw new MemoryFaultException(e.space(), e.address(), len, done + e.readable(), e.nearest());
                }
                return;
            }
            System.arraycopy(p, in, dst, off + done, n);
            done += n;
            a += n;
        }
    }

    /** Returns the cached page at {@code page}, reading it if needed, or null if it is not all readable. */
    private byte[] page(long page) throws IOException {
        byte[] p = pages.get(page);
        if (p != null) {
            hits++;
            return p;
        }
        misses++;
        p = new byte[pageSize];
        try {
            slow.read(page, p, 0, pageSize);
        } catch (MemoryFaultException e) {
            return null;
        }
        pages.put(page, p);
        return p;
    }

    /** Forgets every cached page (the target ran, and memory may have changed). */
    public synchronized void invalidate() {
        pages.clear();
    }

    /** Returns how many page lookups were served from the cache. */
    public synchronized long hits() {
        return hits;
    }

    /** Returns how many page lookups went to the slow space. */
    public synchronized long misses() {
        return misses;
    }
}
