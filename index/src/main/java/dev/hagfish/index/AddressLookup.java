package dev.hagfish.index;

import dev.hagfish.io.FormatException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * {@code AddressLookup} answers "what is at this unslid address" for one kernel from the
 * address table the indexer stored: the chunk starts are read once, and chunks are kept, first
 * read first out, up to {@value #CACHE_BYTES} bytes of chunk data (a vmlinux's whole table is
 * about 40 MB), so that a batch of addresses reads and checks each chunk once; a chunk builds an
 * answer only when an address needs it ({@link AddressTable.Chunk}). The cache is an array by
 * chunk number, so that a hit costs no hashing or boxing.
 *
 * <p>Thread-safe: {@link #find} is synchronized.
 */
public final class AddressLookup {
    static final long CACHE_BYTES = 256L << 20;

    private final IndexSearcher searcher;
    private final StoredFields stored;
    private final String uuid;
    private long cached;
    private final long[] firsts;
    private final int[] docs;
    private final AddressTable.Chunk[] cache;
    /** The cached chunks' numbers, oldest first. */
    private final ArrayDeque<Integer> order = new ArrayDeque<>();

    /** Opens the lookup of one kernel. @throws KernelNotFoundException if the kernel has no table */
    public AddressLookup(KernelStore store, String uuid) throws IOException {
        this.searcher = store.searcher();
        this.uuid = uuid;
        if (searcher == null) {
            throw new KernelNotFoundException("the store holds no kernel");
        }
        this.stored = searcher.storedFields();
        ScoreDoc[] hits = KernelStore.top(searcher, KernelStore.of(uuid, Fields.KIND_ADDRESSES).build(),
                Integer.MAX_VALUE);
        long[][] pairs = new long[hits.length][];
        for (int i = 0; i < hits.length; i++) {
            Document d = stored.document(hits[i].doc, java.util.Set.of(Fields.FIRST));
            pairs[i] = new long[] {Fields.sortable(d.getField(Fields.FIRST).numericValue().longValue()), hits[i].doc};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        firsts = new long[pairs.length];
        docs = new int[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            firsts[i] = pairs[i][0];
            docs[i] = (int) pairs[i][1];
        }
        if (firsts.length == 0) {
            throw new KernelNotFoundException("kernel " + uuid + " has no address table (re-index it)");
        }
        cache = new AddressTable.Chunk[firsts.length];
    }

    /** Returns what is at an unslid address. @throws FormatException if the stored table is damaged */
    public synchronized AddressAnswer find(long address) throws IOException {
        int i = Arrays.binarySearch(firsts, Fields.sortable(address));
        int chunk = i >= 0 ? i : -i - 2;
        if (chunk < 0) {
            chunk = 0;
        }
        AddressTable.Chunk c = cache[chunk];
        if (c == null) {
            c = read(chunk);
        }
        AddressAnswer a = c.find(address);
        if (a == null) {
            throw new FormatException("index of kernel " + uuid, chunk, "address chunk does not cover 0x"
                    + Long.toHexString(address));
        }
        return a;
    }

    /** Reads and checks a chunk into the cache, first dropping the oldest ones over the budget. */
    private AddressTable.Chunk read(int chunk) throws IOException {
        Document d = stored.document(docs[chunk], java.util.Set.of(Fields.CHUNK));
        BytesRef b = d.getBinaryValue(Fields.CHUNK);
        AddressTable.Chunk c = AddressTable.decode(Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length),
                "index of kernel " + uuid + " address chunk " + chunk);
        while (cached + c.weight() > CACHE_BYTES && !order.isEmpty()) {
            int oldest = order.removeFirst();
            cached -= cache[oldest].weight();
            cache[oldest] = null;
        }
        cache[chunk] = c;
        order.addLast(chunk);
        cached += c.weight();
        return c;
    }
}
