package dev.hagfish.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * A {@code KernelStore} is the persistent Lucene store of indexed kernels, in one directory.
 * Indexing a kernel deletes any documents of its UUID and adds the new ones in a single commit,
 * so a reader sees the old kernel or the new one, never a mix; a run killed before its commit
 * leaves the previous commit, which Lucene opens as it was. Queries open the last commit.
 */
public final class KernelStore implements Closeable {
    /** Set to a number of milliseconds to pause just before the commit (tests kill the process there). */
    public static final String STALL_BEFORE_COMMIT = "HAGFISH_TEST_STALL_BEFORE_COMMIT_MS";

    private final Path dir;
    private final Directory directory;
    private DirectoryReader reader;

    private KernelStore(Path dir) throws IOException {
        this.dir = dir;
        this.directory = FSDirectory.open(dir);
    }

    /**
     * Returns the default store: {@code $HAGFISH_HOME/index}, else {@code ~/.hagfish/index}; the
     * system property {@code hagfish.home} overrides the variable (tests use it).
     */
    public static Path defaultDir() {
        String home = System.getProperty("hagfish.home", System.getenv("HAGFISH_HOME"));
        Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".hagfish");
        return base.resolve("index");
    }

    /** Opens (and creates when missing) the store in a directory. */
    public static KernelStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new KernelStore(dir);
    }

    /**
     * Opens the store in a directory read-only, reads its kernel records, asks one type query and
     * closes it again: the classes of that path (Lucene's codecs and readers, whose static
     * initialisers ask the VM for its flags, and the JSON reader) are then loaded and initialised,
     * so that a command running next in this process opens the store faster. The CLI calls it on a
     * second thread while it parses the command line. A directory without an index is left alone
     * (nothing is created).
     *
     * @param dir the store's directory
     * @throws IOException as opening the store and reading its kernels would
     */
    public static void warmUp(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (KernelStore s = new KernelStore(dir)) {
            List<KernelRecord> kernels = s.kernels();
            if (!kernels.isEmpty()) {
                new TypeSearch(s, kernels.get(0).uuid()).named("");
            }
        }
    }

    /** Returns the store's directory. */
    public Path dir() {
        return dir;
    }

    /**
     * Indexes a kernel, replacing any kernel with the same UUID in one commit.
     *
     * @param input the kernel, its symbols and its DWARF (null to index the symbol table alone)
     * @param progress receives progress
     * @param threads how many threads parse the DWARF
     */
    public IndexSummary index(IndexInput input, IndexProgress progress, int threads) throws IOException {
        long t0 = System.nanoTime();
        boolean replaced = kernels().stream().anyMatch(k -> k.uuid().equals(input.uuid()));
        IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(256)
                .setCommitOnClose(false);
        IndexSummary s;
        try (IndexWriter w = new IndexWriter(directory, config)) {
            w.deleteDocuments(new Term(Fields.KERNEL, input.uuid()));
            s = new KernelIndexer(w, progress, threads).add(input);
            stallForTests();
            progress.update("commit", 0, 1);
            w.commit();
            progress.update("commit", 1, 1);
        }
        refresh();
        return new IndexSummary(s.kernel(), replaced, s.members(), s.enumerators(), s.chunks(),
                (System.nanoTime() - t0) / 1e9);
    }

    private static void stallForTests() {
        String ms = System.getenv(STALL_BEFORE_COMMIT);
        if (ms != null) {
            System.err.println("hagfish: stalling " + ms + " ms before the commit");
            try {
                Thread.sleep(Long.parseLong(ms));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void refresh() throws IOException {
        if (reader != null) {
            DirectoryReader next = DirectoryReader.openIfChanged(reader);
            if (next != null) {
                reader.close();
                reader = next;
            }
        }
    }

    /** Returns a searcher over the last commit, or null when nothing was ever indexed. */
    IndexSearcher searcher() throws IOException {
        if (reader == null) {
            if (!DirectoryReader.indexExists(directory)) {
                return null;
            }
            reader = DirectoryReader.open(directory);
        }
        return new IndexSearcher(reader);
    }

    /** Returns the indexed kernels, by version then UUID. */
    public List<KernelRecord> kernels() throws IOException {
        IndexSearcher s = searcher();
        List<KernelRecord> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        for (ScoreDoc d : top(s, new TermQuery(new Term(Fields.DOC, Fields.KIND_KERNEL)), Integer.MAX_VALUE)) {
            Document doc = s.storedFields().document(d.doc);
            out.add(StoredJson.kernel(doc.get(Fields.JSON)));
        }
        out.sort(Comparator.comparing((KernelRecord k) -> k.version() == null ? "" : k.version())
                .thenComparing(KernelRecord::uuid));
        return out;
    }

    /**
     * Returns the compilation directories and unit names that a kernel's DWARF names, sorted; empty
     * when the kernel is not in the store or was indexed without DWARF. They are a document of
     * their own, so that the kernel record every query reads stays small; a store indexed before
     * that kept them in the record, where they are read from then.
     */
    public List<String> sourcePaths(String uuid) throws IOException {
        List<Document> paths = all(of(uuid, Fields.KIND_SOURCES).build(), 1);
        if (!paths.isEmpty()) {
            return StoredJson.strings(paths.get(0).get(Fields.JSON));
        }
        List<Document> record = all(of(uuid, Fields.KIND_KERNEL).build(), 1);
        return record.isEmpty() ? List.of() : StoredJson.recordSourcePaths(record.get(0).get(Fields.JSON));
    }

    /**
     * Selects a kernel: by UUID (or a unique prefix of it, any case), or by the path of the kernel
     * or DWARF file that was indexed; with no selector, the store's only kernel.
     *
     * @throws KernelNotFoundException if nothing or more than one kernel matches
     */
    public KernelRecord kernel(String selector) throws IOException {
        List<KernelRecord> all = kernels();
        if (all.isEmpty()) {
            throw new KernelNotFoundException("the store " + dir + " holds no kernel: run 'hagfish index KERNEL' first");
        }
        if (selector == null) {
            if (all.size() == 1) {
                return all.get(0);
            }
            throw new KernelNotFoundException("the store holds " + all.size() + " kernels; choose one with --kernel "
                    + String.join(" or ", all.stream().map(KernelRecord::uuid).toList()));
        }
        String up = selector.toUpperCase(Locale.ROOT);
        String path = Path.of(selector).toAbsolutePath().normalize().toString();
        List<KernelRecord> hits = all.stream().filter(k -> k.uuid().startsWith(up) || path.equals(k.kernelPath())
                || path.equals(k.dsymPath())).toList();
        if (hits.size() == 1) {
            return hits.get(0);
        }
        throw new KernelNotFoundException(hits.isEmpty() ? "no indexed kernel matches " + selector
                : selector + " matches " + hits.size() + " kernels: "
                        + String.join(", ", hits.stream().map(KernelRecord::uuid).toList()));
    }

    /** Returns a query for documents of one kind of one kernel, with more clauses. */
    static BooleanQuery.Builder of(String uuid, String kind) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KERNEL, uuid)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.DOC, kind)), BooleanClause.Occur.FILTER);
    }

    /** Runs a query and returns every hit, best first. */
    List<Document> all(Query q, int limit) throws IOException {
        IndexSearcher s = searcher();
        List<Document> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        StoredFields stored = s.storedFields();
        for (ScoreDoc d : top(s, q, limit)) {
            out.add(stored.document(d.doc));
        }
        return out;
    }

    /**
     * Returns up to {@code limit} hits of a query, best first. The collector is sized by the number
     * of matches, not by the limit: Lucene fills a collector's queue with one placeholder per
     * possible hit up front, so asking for {@code Integer.MAX_VALUE} hits costs one object per
     * document of the store (a vmlinux's store holds about 300,000) on every query.
     */
    static ScoreDoc[] top(IndexSearcher s, Query q, int limit) throws IOException {
        int n = Math.min(limit, s.count(q));
        return n == 0 ? new ScoreDoc[0] : s.search(q, n).scoreDocs;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
        directory.close();
    }
}
