package dev.hagfish.index;

import dev.hagfish.io.FormatException;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * {@code AddressLookup} answers "what is at this unslid address" for one kernel from the
 * address table the indexer stored: the chunk starts are read once, and chunks are kept, least
 * recently used first out, up to {@value #CACHE_BYTES} bytes of chunk data (a vmlinux's whole
 * table is about 40 MB), so that a batch of addresses reads and checks each chunk once; a chunk
 * builds an answer only when an address needs it ({@link AddressTable.Chunk}).
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
    private final Map<Integer, AddressTable.Chunk> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, AddressTable.Chunk> e) {
            if (cached > CACHE_BYTES && size() > 1) {
                cached -= e.getValue().weight();
                return true;
            }
            return false;
        }
    };

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
    }

    /** Returns what is at an unslid address. @throws FormatException if the stored table is damaged */
    public synchronized AddressAnswer find(long address) throws IOException {
        int i = Arrays.binarySearch(firsts, Fields.sortable(address));
        int chunk = i >= 0 ? i : -i - 2;
        if (chunk < 0) {
            chunk = 0;
        }
        AddressTable.Chunk c = cache.get(chunk);
        if (c == null) {
            Document d = stored.document(docs[chunk], java.util.Set.of(Fields.CHUNK));
            BytesRef b = d.getBinaryValue(Fields.CHUNK);
            c = AddressTable.decode(Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length),
                    "index of kernel " + uuid + " address chunk " + chunk);
            cached += c.weight();
            cache.put(chunk, c);
        }
        AddressAnswer a = c.find(address);
        if (a == null) {
            throw new FormatException("index of kernel " + uuid, chunk, "address chunk does not cover 0x"
                    + Long.toHexString(address));
        }
        return a;
    }
}
