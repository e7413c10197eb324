package dev.hagfish.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * {@code TypeSearch} finds the named types of one kernel: by name for {@code struct}, and by any
 * mix of filters for {@code types}: a name glob, a member name, an exact size, a member type
 * ({@code struct proc *}), a kind.
 */
public final class TypeSearch {
    private final KernelStore store;
    private final String uuid;

    /** Creates a search over one kernel of a store. */
    public TypeSearch(KernelStore store, String uuid) {
        this.store = store;
        this.uuid = uuid;
    }

    /** What {@code types} filters on; null fields do not filter. */
    public record Filter(String nameGlob, String member, Long size, String contains, String kind) {}

    /**
     * Finds the types a name denotes: {@code proc}, {@code struct proc}, {@code union u},
     * {@code enum e} or a typedef name. A keyword restricts the kind; without one, every type of
     * that name is returned (a struct tag and a typedef may share it).
     */
    public List<TypeHit> named(String query) throws IOException {
        String q = query.strip();
        String kind = null;
        for (String k : List.of("struct", "union", "class", "enum")) {
            if (q.startsWith(k + " ")) {
                kind = k;
                q = q.substring(k.length()).strip();
            }
        }
        BooleanQuery.Builder b = KernelStore.of(uuid, Fields.KIND_TYPE)
                .add(new TermQuery(new Term(Fields.NAME, q)), BooleanClause.Occur.FILTER);
        if (kind != null) {
            BooleanQuery.Builder kinds = new BooleanQuery.Builder();
            kinds.add(new TermQuery(new Term(Fields.KIND, kind)), BooleanClause.Occur.SHOULD);
            if (kind.equals("struct")) {
                kinds.add(new TermQuery(new Term(Fields.KIND, "class")), BooleanClause.Occur.SHOULD);
            }
            b.add(kinds.build(), BooleanClause.Occur.FILTER);
        }
        return sorted(b);
    }

    /** Finds the types that pass every filter given. */
    public List<TypeHit> search(Filter f) throws IOException {
        BooleanQuery.Builder b = KernelStore.of(uuid, Fields.KIND_TYPE);
        b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        if (f.nameGlob() != null) {
            b.add(new WildcardQuery(new Term(Fields.NAME, f.nameGlob())), BooleanClause.Occur.FILTER);
        }
        if (f.member() != null) {
            b.add(new TermQuery(new Term(Fields.MEMBER, f.member())), BooleanClause.Occur.FILTER);
        }
        if (f.size() != null) {
            b.add(LongPoint.newExactQuery(Fields.TYPE_SIZE, f.size()), BooleanClause.Occur.FILTER);
        }
        if (f.contains() != null) {
            b.add(new TermQuery(new Term(Fields.MEMBER_TYPE, f.contains().strip())), BooleanClause.Occur.FILTER);
        }
        if (f.kind() != null) {
            b.add(new TermQuery(new Term(Fields.KIND, f.kind().toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER);
        }
        return sorted(b);
    }

    private List<TypeHit> sorted(BooleanQuery.Builder b) throws IOException {
        List<TypeHit> out = new ArrayList<>();
        for (Document d : store.all(b.build(), Integer.MAX_VALUE)) {
            IndexableField line = d.getField(Fields.DECL_LINE);
            out.add(new TypeHit(d.get(Fields.NAME), d.get(Fields.KIND), d.getField(Fields.TYPE_SIZE).numericValue().longValue(),
                    d.get(Fields.DECL_FILE), line == null ? 0 : line.numericValue().longValue(), d.get(Fields.TARGET),
                    d.get(Fields.JSON)));
        }
        out.sort(Comparator.comparing(TypeHit::name).thenComparing(TypeHit::kind)
                .thenComparing(h -> h.declFile() == null ? "" : h.declFile()).thenComparingLong(TypeHit::declLine));
        return out;
    }
}
