package dev.hagfish.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * {@code SymbolSearch} finds symbols of one kernel by name:
 * <ul>
 *   <li>a plain query matches exactly, by symbol name, by C name (without the leading
 *       underscore), by demangled name with or without its parameters ({@code OSKext::load}),
 *       then by prefix, then by word ({@code alloc} finds {@code kext_alloc});
 *   <li>{@code kext_*} and {@code OSKext::*} are wildcards, {@code /regex/} a regular expression,
 *       {@code ~name} a fuzzy match (up to two edits).
 * </ul>
 * Hits are ranked: exact matches first, then prefix matches, then by score, then by name.
 */
public final class SymbolSearch {
    /** The name without the Mach-O underscore. */
    static final String CNAME = "cname";
    /** The demangled name without its parameters. */
    static final String QUALIFIED = "qualified";
    private static final String[] NAME_FIELDS = {Fields.NAME, CNAME, Fields.DEMANGLED, QUALIFIED};
    /**
     * The fields a fuzzy query searches: the C name (within one edit of the symbol name) and the
     * qualified demangled name. Lucene builds a Levenshtein automaton per field and query, which
     * is most of a fuzzy query's time, so the two redundant fields are left out.
     */
    private static final String[] FUZZY_FIELDS = {CNAME, QUALIFIED};

    private final KernelStore store;
    private final String uuid;

    /** Creates a search over one kernel of a store. */
    public SymbolSearch(KernelStore store, String uuid) {
        this.store = store;
        this.uuid = uuid;
    }

    /**
     * Searches.
     *
     * @param query the query, in the syntax above
     * @param kind {@code func}, {@code data}, or null for any
     * @param limit the most hits to return
     */
    public List<SymbolHit> search(String query, String kind, int limit) throws IOException {
        BooleanQuery.Builder b = KernelStore.of(uuid, Fields.KIND_SYMBOL);
        if (kind != null) {
            b.add(new TermQuery(new Term(Fields.KIND, kind)), BooleanClause.Occur.FILTER);
        }
        b.add(nameQuery(query), BooleanClause.Occur.MUST);
        IndexSearcher s = store.searcher();
        List<SymbolHit> hits = new ArrayList<>();
        if (s == null) {
            return hits;
        }
        String plain = plain(query);
        StoredFields stored = s.storedFields();
        for (ScoreDoc d : s.search(b.build(), Math.max(limit * 4, 100)).scoreDocs) {
            hits.add(hit(stored.document(d.doc), plain, d.score));
        }
        hits.sort(Comparator.comparingInt((SymbolHit h) -> rank(h.match()))
                .thenComparing(Comparator.comparingDouble((SymbolHit h) -> h.score()).reversed())
                .thenComparing(SymbolHit::name)
                .thenComparing(h -> h.address(), Long::compareUnsigned));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    /** The query text a plain query matches exactly, or null for wildcard, regex and fuzzy queries. */
    private static String plain(String q) {
        if (q.startsWith("~") || (q.length() > 1 && q.startsWith("/") && q.endsWith("/")) || isWildcard(q)) {
            return null;
        }
        return q;
    }

    private static boolean isWildcard(String q) {
        return q.indexOf('*') >= 0 || q.indexOf('?') >= 0;
    }

    static Query nameQuery(String q) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (q.startsWith("~") && q.length() > 1) {
            for (String f : FUZZY_FIELDS) {
                any.add(new FuzzyQuery(new Term(f, q.substring(1)), 2), BooleanClause.Occur.SHOULD);
            }
        } else if (q.length() > 1 && q.startsWith("/") && q.endsWith("/")) {
            for (String f : NAME_FIELDS) {
                any.add(new RegexpQuery(new Term(f, q.substring(1, q.length() - 1))), BooleanClause.Occur.SHOULD);
            }
        } else if (isWildcard(q)) {
            for (String f : NAME_FIELDS) {
                any.add(new WildcardQuery(new Term(f, q)), BooleanClause.Occur.SHOULD);
            }
        } else {
            for (String f : NAME_FIELDS) {
                any.add(new BoostQuery(new TermQuery(new Term(f, q)), 100f), BooleanClause.Occur.SHOULD);
                any.add(new BoostQuery(new PrefixQuery(new Term(f, q)), 10f), BooleanClause.Occur.SHOULD);
            }
            String words = Tokens.of(q);
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (String w : words.split(" ")) {
                if (!w.isEmpty()) {
                    all.add(new TermQuery(new Term(Fields.TOKENS, w.toLowerCase(Locale.ROOT))),
                            BooleanClause.Occur.MUST);
                }
            }
            any.add(all.build(), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    private static SymbolHit hit(Document d, String plain, float score) {
        String name = d.get(Fields.NAME);
        String demangled = d.get(Fields.DEMANGLED);
        String cname = Tokens.cName(name);
        String qualified = Tokens.qualified(demangled);
        String match = "other";
        if (plain != null) {
            if (plain.equals(name) || plain.equals(cname) || plain.equals(demangled) || plain.equals(qualified)) {
                match = "exact";
            } else if (name.startsWith(plain) || cname.startsWith(plain) || qualified.startsWith(plain)) {
                match = "prefix";
            }
        }
        IndexableField line = d.getField(Fields.DECL_LINE);
        IndexableField section = d.getField(Fields.SECTION);
        return new SymbolHit(name, demangled, d.getField(Fields.ADDRESS).numericValue().longValue(),
                d.getField(Fields.SIZE).numericValue().longValue(), d.get(Fields.KIND),
                section == null ? null : section.stringValue(), d.getField(Fields.EXTERNAL).numericValue().intValue() != 0,
                d.get(Fields.DECL_FILE), line == null ? 0 : line.numericValue().longValue(), d.get(Fields.VARIABLE_TYPE),
                d.get(Fields.SIGNATURE), match, score);
    }

    private static int rank(String match) {
        return switch (match) {
            case "exact" -> 0;
            case "prefix" -> 1;
            default -> 2;
        };
    }
}
