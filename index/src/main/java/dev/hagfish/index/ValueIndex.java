package dev.hagfish.index;

import dev.hagfish.symbols.DataSymbol;
import dev.hagfish.symbols.Frame;
import dev.hagfish.types.SourceLocation;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import dev.hagfish.values.Global;
import dev.hagfish.values.Globals;
import dev.hagfish.values.SymbolRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;

/**
 * {@code ValueIndex} is what {@code print} and {@code x} read from the store for one kernel: the
 * reduced type graph (loaded once, on first use, from the {@code type_graph} documents), the
 * globals by name with their type ids, and the symbol holding an address (through {@link
 * AddressLookup}). Addresses are unslid.
 *
 * <p>Not thread-safe.
 */
public final class ValueIndex implements Globals {
    private final KernelStore store;
    private final String uuid;
    private TypeGraph types;
    private AddressLookup lookup;

    /** Opens the values of one kernel of a store. */
    public ValueIndex(KernelStore store, String uuid) {
        this.store = store;
        this.uuid = uuid;
    }

    /**
     * Returns the kernel's type graph.
     *
     * @throws KernelNotFoundException if the kernel was indexed without DWARF, or before the
     *     store kept type graphs (re-index it)
     * @throws dev.hagfish.io.FormatException if the stored graph is damaged
     */
    public TypeGraph types() throws IOException {
        if (types == null) {
            List<Type> all = new ArrayList<>();
            int chunk = 0;
            for (Document d : store.all(KernelStore.of(uuid, Fields.KIND_TYPE_GRAPH).build(), Integer.MAX_VALUE)) {
                all.addAll(StoredTypes.decode(d.get(Fields.JSON), "index of kernel " + uuid + " type chunk " + chunk++));
            }
            if (all.isEmpty()) {
                throw new KernelNotFoundException("kernel " + uuid + " has no stored types: it was indexed without "
                        + "DWARF, or before the store kept them (re-index it with its dSYM)");
            }
            all.sort(Comparator.comparingLong(Type::id));
            types = new TypeGraph(all, Map.<Long, SourceLocation>of(), new BitSet());
        }
        return types;
    }

    @Override
    public Optional<Global> find(String name) throws IOException {
        BooleanQuery.Builder names = new BooleanQuery.Builder();
        for (String field : List.of(Fields.NAME, SymbolSearch.CNAME, SymbolSearch.QUALIFIED)) {
            names.add(new TermQuery(new Term(field, name)), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder kinds = new BooleanQuery.Builder();
        for (String kind : List.of("data", "func")) {
            kinds.add(new TermQuery(new Term(Fields.KIND, kind)), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery q = KernelStore.of(uuid, Fields.KIND_SYMBOL).add(names.build(), BooleanClause.Occur.FILTER)
                .add(kinds.build(), BooleanClause.Occur.FILTER).build();
        Document best = null;
        for (Document d : store.all(q, 64)) {
            if (best == null || rank(d) > rank(best)) {
                best = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        IndexableField type = best.getField(Fields.TYPE_ID);
        return Optional.of(new Global(name, best.getField(Fields.ADDRESS).numericValue().longValue(),
                type == null ? OptionalLong.empty() : OptionalLong.of(type.numericValue().longValue()),
                "func".equals(best.get(Fields.KIND))));
    }

    /** Prefers a symbol whose type DWARF gives, then an external one. */
    private static int rank(Document d) {
        return (d.getField(Fields.TYPE_ID) != null ? 2 : 0)
                + (d.getField(Fields.EXTERNAL).numericValue().intValue() != 0 ? 1 : 0);
    }

    @Override
    public Optional<SymbolRef> symbolize(long unslidAddress) throws IOException {
        if (lookup == null) {
            lookup = new AddressLookup(store, uuid);
        }
        AddressAnswer a = lookup.find(unslidAddress);
        if (a.data().isPresent()) {
            DataSymbol d = a.data().get();
            return Optional.of(new SymbolRef(d.name(), unslidAddress - d.start()));
        }
        Frame outer = a.frames().get(a.frames().size() - 1);
        if (!outer.functionName().isEmpty() && outer.startAddress().isPresent()) {
            return Optional.of(new SymbolRef(outer.functionName(), unslidAddress - outer.startAddress().getAsLong()));
        }
        return Optional.empty();
    }
}
