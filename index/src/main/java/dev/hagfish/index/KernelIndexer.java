package dev.hagfish.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.dwarf.DwarfSummary;
import dev.hagfish.symbols.Parameter;
import dev.hagfish.symbols.Program;
import dev.hagfish.symbols.DebugInfo;
import dev.hagfish.symbols.Symbol;
import dev.hagfish.symbols.SymbolKind;
import dev.hagfish.symbols.SymbolRanges;
import dev.hagfish.symbols.Symbolizer;
import dev.hagfish.symbols.Variable;
import dev.hagfish.types.Layout;
import dev.hagfish.types.SourceLocation;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import dev.hagfish.types.TypeNames;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.util.BytesRef;

/**
 * {@code KernelIndexer} turns one kernel and its DWARF into the store's documents: the kernel
 * record, its symbols (with the DWARF's declaration lines), its distinct named types with their
 * layouts as JSON, their members and enumerators, and the address table that answers
 * {@code addr} without the DWARF. It adds them to a writer; the caller commits.
 */
final class KernelIndexer {
    /** How many types of the reduced type graph one document holds. */
    static final int TYPES_PER_DOCUMENT = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IndexWriter writer;
    private final IndexProgress progress;
    private final int threads;
    private long members;
    private long enumerators;

    KernelIndexer(IndexWriter writer, IndexProgress progress, int threads) {
        this.writer = writer;
        this.progress = progress;
        this.threads = threads;
    }

    /**
     * Adds every document of a kernel; returns the summary without timing. Types, functions and
     * variables come from one pass, which the symbolizer reuses. The address table needs only the
     * symbolizer: with more than one thread it is built on a second thread while this one adds the
     * types and symbols (the writer takes documents from both).
     */
    IndexSummary add(IndexInput input) throws IOException {
        String uuid = input.uuid();
        DwarfSections dwarf = input.dwarf();
        SymbolRanges ranges = input.ranges();
        TypeGraph graph = null;
        Program program = null;
        long types = 0;
        Symbolizer symbolizer = null;
        List<String> sources = new ArrayList<>();
        if (dwarf != null) {
            progress.update("types", 0, 1);
            DebugInfo info = DebugInfo.read(dwarf, threads);
            graph = info.types();
            program = info.program();
            symbolizer = Symbolizer.of(dwarf, info, ranges);
            progress.update("types", 1, 1);
            TreeSet<String> names = new TreeSet<>();
            for (DwarfSummary.UnitSummary u : DwarfSummary.of(dwarf).units()) {
                if (u.name() != null) {
                    names.add(u.name());
                }
            }
            sources.addAll(names);
        }
        ExecutorService pool = threads > 1 ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hagfish-addresses");
            t.setDaemon(true);
            return t;
        }) : null;
        // On its own thread the table reports nothing: this one reports for it while waiting.
        AddressIndexer addresses = new AddressIndexer(writer, uuid, symbolizer, ranges,
                pool == null ? progress : IndexProgress.NONE);
        long[] intervals;
        long symbols;
        try {
            Future<long[]> pending = pool == null ? null : pool.submit(addresses);
            if (graph != null) {
                types = addTypes(uuid, graph);
            }
            TypeReduction reduction = graph == null ? null : new TypeReduction(graph);
            if (reduction != null) {
                reduction.qualifyEnumerators(EnumScopes.of(graph, dwarf));
            }
            symbols = addSymbols(uuid, input.symbols(), symbolizer, program, graph, reduction);
            if (reduction != null) {
                addTypeGraph(uuid, reduction);
            }
            graph = null; // the rest needs only the symbolizer
            program = null;
            reduction = null;
            intervals = pending == null ? addresses.call() : await(pending, addresses);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        progress.update("addresses", addresses.total(), addresses.total());
        KernelRecord record = new KernelRecord(uuid, input.version(), input.arch(), input.base(),
                input.path().toAbsolutePath().normalize().toString(),
                input.dwarfPath() == null ? null : input.dwarfPath().toAbsolutePath().normalize().toString(),
                Instant.now().toString(), symbols, types, intervals[0]);
        Document d = doc(uuid, Fields.KIND_KERNEL);
        d.add(new StoredField(Fields.JSON, JSON.writeValueAsString(record)));
        writer.addDocument(d);
        Document paths = doc(uuid, Fields.KIND_SOURCES);
        paths.add(new StoredField(Fields.JSON, JSON.writeValueAsString(sources)));
        writer.addDocument(paths);
        return new IndexSummary(record, false, members, enumerators, intervals[1], 0);
    }

    /** Waits for the address table, reporting its progress meanwhile; rethrows what it threw. */
    private long[] await(Future<long[]> pending, AddressIndexer addresses) throws IOException {
        while (true) {
            try {
                return pending.get(250, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                progress.update("addresses", addresses.done(), addresses.total());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                } else if (cause instanceof RuntimeException re) {
                    throw re;
                } else if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while building the address table");
            }
        }
    }

    static Document doc(String uuid, String kind) {
        Document d = new Document();
        d.add(new StringField(Fields.KERNEL, uuid, Field.Store.NO));
        d.add(new StringField(Fields.DOC, kind, Field.Store.NO));
        return d;
    }

    private long addSymbols(String uuid, List<Symbol> all, Symbolizer symbolizer, Program program, TypeGraph graph,
            TypeReduction reduction) throws IOException {
        TypeNames names = graph == null ? null : new TypeNames(graph);
        long n = 0;
        for (int i = 0; i < all.size(); i++) {
            Symbol s = all.get(i);
            if (!s.isDefined() || s.kind() == SymbolKind.INDIRECT) {
                continue;
            }
            Document d = doc(uuid, Fields.KIND_SYMBOL);
            String cname = Tokens.cName(s.name());
            String demangled = s.demangled();
            String qualified = Tokens.qualified(demangled);
            d.add(new StringField(Fields.NAME, s.name(), Field.Store.YES));
            // The C name and the qualified name are indexed only where they differ from the name:
            // queries search every form, so the matches are the same, and PrefixHits relies on it.
            // (The demangled name is stored, so a document without it would break Lucene's rule
            // that a field is indexed alike in every document.)
            if (!cname.equals(s.name())) {
                d.add(new StringField(SymbolSearch.CNAME, cname, Field.Store.NO));
            }
            d.add(new StringField(Fields.DEMANGLED, demangled, Field.Store.YES));
            if (!qualified.equals(s.name())) {
                d.add(new StringField(SymbolSearch.QUALIFIED, qualified, Field.Store.NO));
            }
            d.add(new TextField(Fields.TOKENS, Tokens.of(cname) + " " + Tokens.of(qualified), Field.Store.NO));
            d.add(new SortedDocValuesField(SymbolSearch.NAME_ORDER, new BytesRef(s.name())));
            d.add(new NumericDocValuesField(SymbolSearch.ADDRESS_ORDER, Fields.sortable(s.address())));
            d.add(new LongPoint(Fields.ADDRESS, Fields.sortable(s.address())));
            d.add(new StoredField(Fields.ADDRESS, s.address()));
            d.add(new StoredField(Fields.SIZE, s.size()));
            d.add(new StringField(Fields.KIND, kindName(s.kind()), Field.Store.YES));
            if (s.section() != null) {
                d.add(new StoredField(Fields.SECTION, s.section()));
            }
            d.add(new StoredField(Fields.EXTERNAL, s.external() ? 1 : 0));
            if (symbolizer != null && s.kind() == SymbolKind.FUNCTION) {
                SourceLocation at = symbolizer.declaration(s.address());
                if (at.line() > 0) {
                    d.add(new StoredField(Fields.DECL_FILE, at.file()));
                    d.add(new StoredField(Fields.DECL_LINE, at.line()));
                }
            }
            if (program != null && names != null) {
                describe(d, s, program, names, reduction);
            }
            writer.addDocument(d);
            n++;
            if ((i & 1023) == 0) {
                progress.update("symbols", i, all.size());
            }
        }
        progress.update("symbols", all.size(), all.size());
        return n;
    }

    /**
     * Adds what DWARF says of a symbol: a variable's type and declaration (so that {@code print
     * allproc} knows it holds a {@code struct proclist}), a function's signature, and the id of
     * either's type in the stored type graph.
     */
    private static void describe(Document d, Symbol s, Program program, TypeNames names, TypeReduction reduction) {
        if (s.kind() == SymbolKind.DATA) {
            for (Variable v : program.variablesAt(s.address())) {
                if (v.address().isPresent() && v.address().getAsLong() == s.address()) {
                    d.add(new StoredField(Fields.VARIABLE_TYPE, names.name(v.type())));
                    d.add(new StoredField(Fields.TYPE_ID, reduction.keep(v.type())));
                    if (v.declFile() != null && d.getField(Fields.DECL_FILE) == null) {
                        d.add(new StoredField(Fields.DECL_FILE, v.declFile()));
                        d.add(new StoredField(Fields.DECL_LINE, v.declLine()));
                    }
                    return;
                }
            }
        } else if (s.kind() == SymbolKind.FUNCTION) {
            program.functionAt(s.address()).filter(f -> f.lowestAddress().isPresent()
                    && f.lowestAddress().getAsLong() == s.address()).ifPresent(f -> {
                        List<String> params = new ArrayList<>();
                        for (Parameter p : f.parameters()) {
                            if (!p.artificial()) {
                                params.add(names.declare(p.type(), p.name() == null ? "" : p.name()));
                            }
                        }
                        if (f.variadic()) {
                            params.add("...");
                        }
                        String demangled = s.demangled();
                        String name = demangled.equals(s.name()) ? Tokens.cName(s.name())
                                : Tokens.qualified(demangled);
                        d.add(new StoredField(Fields.SIGNATURE,
                                names.declare(f.returnType(), name + "(" + String.join(", ", params) + ")")));
                        List<Long> types = new ArrayList<>();
                        for (Parameter p : f.parameters()) {
                            if (!p.artificial()) {
                                types.add(p.type());
                            }
                        }
                        d.add(new StoredField(Fields.TYPE_ID, reduction.function(f.returnType(), types, f.variadic())));
                    });
        }
    }

    static String kindName(SymbolKind k) {
        return switch (k) {
            case FUNCTION -> "func";
            case DATA -> "data";
            default -> k.name().toLowerCase(Locale.ROOT);
        };
    }

    private long addTypes(String uuid, TypeGraph graph) throws IOException {
        TypeNames names = new TypeNames(graph);
        List<Type> distinct = graph.distinct();
        long n = 0;
        int i = 0;
        for (Type t : distinct) {
            if ((i++ & 255) == 0) {
                progress.update("types", i, distinct.size());
            }
            Document d = doc(uuid, Fields.KIND_TYPE);
            String name = TypeGraph.nameOf(t);
            SourceLocation at = graph.location(t.id());
            if (t instanceof Type.Struct s && !s.declaration()) {
                Layout l = Layout.of(graph, s);
                d.add(new StringField(Fields.KIND, s.kind().name().toLowerCase(Locale.ROOT), Field.Store.YES));
                d.add(new StoredField(Fields.JSON, JSON.writeValueAsString(l)));
                members(uuid, d, name, l);
            } else if (t instanceof Type.Enum e && !e.declaration()) {
                d.add(new StringField(Fields.KIND, "enum", Field.Store.YES));
                d.add(new StoredField(Fields.JSON, JSON.writeValueAsString(e)));
                for (Type.Enumerator x : e.enumerators()) {
                    Document m = doc(uuid, Fields.KIND_ENUMERATOR);
                    m.add(new StringField(Fields.OWNER, name, Field.Store.YES));
                    m.add(new StringField(Fields.NAME, x.name(), Field.Store.YES));
                    m.add(new StoredField(Fields.VALUE, x.value()));
                    writer.addDocument(m);
                    enumerators++;
                }
            } else if (t instanceof Type.Typedef td) {
                d.add(new StringField(Fields.KIND, "typedef", Field.Store.YES));
                d.add(new StringField(Fields.TARGET, names.name(td.target()), Field.Store.YES));
                Type target = graph.resolve(td.target());
                if (target instanceof Type.Struct s && !s.declaration()) {
                    Layout l = Layout.of(graph, s);
                    d.add(new StoredField(Fields.JSON, JSON.writeValueAsString(l)));
                    if (s.name() == null) {
                        members(uuid, d, name, l);
                    }
                } else if (target instanceof Type.Enum e && e.name() == null && !e.declaration()) {
                    d.add(new StoredField(Fields.JSON, JSON.writeValueAsString(e))); // the only name it has
                }
            } else {
                continue;
            }
            d.add(new StringField(Fields.NAME, name, Field.Store.YES));
            d.add(new TextField(Fields.TOKENS, Tokens.of(name), Field.Store.NO));
            long size = graph.sizeOf(t.id());
            d.add(new LongPoint(Fields.TYPE_SIZE, size));
            d.add(new StoredField(Fields.TYPE_SIZE, size));
            if (at.file() != null) {
                d.add(new StoredField(Fields.DECL_FILE, at.file()));
                d.add(new StoredField(Fields.DECL_LINE, at.line()));
            }
            writer.addDocument(d);
            n++;
        }
        return n;
    }

    /**
     * Adds the reduced type graph ({@link TypeReduction}) that {@code print} and {@code x} read,
     * {@link #TYPES_PER_DOCUMENT} types per document, as {@link StoredTypes} JSON.
     */
    private void addTypeGraph(String uuid, TypeReduction reduction) throws IOException {
        List<Type> all = reduction.types();
        for (int i = 0; i < all.size(); i += TYPES_PER_DOCUMENT) {
            Document d = doc(uuid, Fields.KIND_TYPE_GRAPH);
            d.add(new StoredField(Fields.JSON, StoredTypes.encode(all.subList(i, Math.min(all.size(), i + TYPES_PER_DOCUMENT)))));
            writer.addDocument(d);
        }
    }

    /** Adds a type's member names and member type names to its document, and one document per member. */
    private void members(String uuid, Document type, String owner, Layout l) throws IOException {
        for (Layout.Slot s : l.slots()) {
            if (s.kind() != Layout.SlotKind.MEMBER) {
                continue;
            }
            type.add(new StringField(Fields.MEMBER_TYPE, s.typeName(), Field.Store.NO));
            if (s.name() == null && s.nested() != null) {
                members(uuid, type, owner, s.nested()); // an anonymous struct's members are the owner's
                continue;
            }
            if (s.name() == null) {
                continue;
            }
            type.add(new StringField(Fields.MEMBER, s.name(), Field.Store.NO));
            Document m = doc(uuid, Fields.KIND_MEMBER);
            m.add(new StringField(Fields.OWNER, owner, Field.Store.YES));
            m.add(new StringField(Fields.NAME, s.name(), Field.Store.YES));
            m.add(new StoredField(Fields.OFFSET, s.bitOffset()));
            m.add(new StoredField(Fields.BIT_SIZE, s.bitSize()));
            m.add(new StringField(Fields.TYPE_NAME, s.typeName(), Field.Store.YES));
            writer.addDocument(m);
            members++;
        }
    }
}
