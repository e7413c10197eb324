package dev.hagfish.index;

import dev.hagfish.symbols.DataSymbol;
import dev.hagfish.symbols.Demangler;
import dev.hagfish.symbols.Frame;
import dev.hagfish.symbols.SymbolRanges;
import dev.hagfish.symbols.Symbolizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.util.BytesRef;

/**
 * An {@code AddressIndexer} adds a kernel's address table to a writer: the answer of the
 * symbolizer (or of the symbol table alone, without DWARF) at every boundary where it may change,
 * merged with the previous interval when it is the same, written a chunk of {@link #CHUNK}
 * intervals at a time ({@link AddressTable}), so that only one chunk of answers is ever held.
 * {@link #call} returns {intervals, chunks}.
 *
 * <p>Runs on one thread, which may be another than the one adding the kernel's other documents
 * (the writer and the symbolizer are thread-safe); {@link #done} and {@link #total} may be read
 * from any thread.
 */
final class AddressIndexer implements Callable<long[]> {
    /** Intervals per chunk document. */
    static final int CHUNK = 2048;

    private final IndexWriter writer;
    private final String uuid;
    private final Symbolizer symbolizer;
    private final SymbolRanges ranges;
    private final IndexProgress progress;
    private volatile long done;
    private volatile long total;

    /**
     * Prepares the table of one kernel.
     *
     * @param symbolizer the kernel's symbolizer, or null to answer from the symbol table alone
     * @param progress receives the progress (from the thread that calls {@link #call})
     */
    AddressIndexer(IndexWriter writer, String uuid, Symbolizer symbolizer, SymbolRanges ranges,
            IndexProgress progress) {
        this.writer = writer;
        this.uuid = uuid;
        this.symbolizer = symbolizer;
        this.ranges = ranges;
        this.progress = progress;
    }

    /** Returns the boundaries answered so far. */
    long done() {
        return done;
    }

    /** Returns the number of boundaries, once known (0 before). */
    long total() {
        return total;
    }

    @Override
    public long[] call() throws IOException {
        long[] starts = withZero(symbolizer != null ? symbolizer.boundaries() : symbolBoundaries(ranges));
        total = starts.length;
        ChunkWriter out = new ChunkWriter();
        AddressAnswer previous = null;
        for (int i = 0; i < starts.length; i++) {
            AddressAnswer a = symbolizer != null
                    ? new AddressAnswer(symbolizer.symbolize(starts[i]), symbolizer.symbolizeData(starts[i]))
                    : symbolOnly(ranges, starts[i]);
            if (!a.equals(previous)) {
                out.add(starts[i], a);
                previous = a;
            }
            if ((i & 4095) == 0) {
                done = i;
                progress.update("addresses", i, starts.length);
            }
        }
        out.flush();
        done = starts.length;
        progress.update("addresses", starts.length, starts.length);
        return new long[] {out.intervals, out.chunks};
    }

    /** Collects intervals and writes them as chunks of {@link #CHUNK}. */
    private final class ChunkWriter {
        private final long[] starts = new long[CHUNK];
        private final List<AddressAnswer> answers = new ArrayList<>(CHUNK);
        long intervals;
        long chunks;

        void add(long start, AddressAnswer a) throws IOException {
            if (answers.size() == CHUNK) {
                flush();
            }
            starts[answers.size()] = start;
            answers.add(a);
            intervals++;
        }

        void flush() throws IOException {
            if (answers.isEmpty()) {
                return;
            }
            Document d = KernelIndexer.doc(uuid, Fields.KIND_ADDRESSES);
            d.add(new StoredField(Fields.FIRST, starts[0]));
            d.add(new StoredField(Fields.CHUNK, new BytesRef(AddressTable.encode(starts, answers, 0, answers.size()))));
            writer.addDocument(d);
            chunks++;
            answers.clear();
        }
    }

    private static long[] symbolBoundaries(SymbolRanges ranges) {
        TreeSet<Long> all = new TreeSet<>(Long::compareUnsigned);
        for (SymbolRanges.Entry e : ranges.entries()) {
            all.add(e.address());
            if (e.size() != 0) {
                all.add(e.address() + e.size());
            }
        }
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    private static AddressAnswer symbolOnly(SymbolRanges ranges, long a) {
        Optional<SymbolRanges.Entry> e = ranges.find(a);
        if (e.isEmpty()) {
            return new AddressAnswer(List.of(new Frame("", "", 0, 0, "", 0, OptionalLong.empty(), 0)),
                    Optional.empty());
        }
        String name = Demangler.demangle(e.get().name());
        return new AddressAnswer(List.of(new Frame(name, "", 0, 0, "", 0, OptionalLong.of(e.get().address()), 0)),
                Optional.of(new DataSymbol(name, e.get().address(), e.get().size())));
    }

    private static long[] withZero(long[] b) {
        if (b.length > 0 && b[0] == 0) {
            return b;
        }
        long[] out = new long[b.length + 1];
        System.arraycopy(b, 0, out, 1, b.length);
        return out;
    }
}
