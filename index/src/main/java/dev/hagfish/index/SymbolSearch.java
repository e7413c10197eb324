package dev.hagfish.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * {@code SymbolSearch} finds symbols of one kernel by name:
 * <ul>
 *   <li>a plain query matches exactly, by symbol name, by C name (without the leading
 *       underscore), by demangled name with or without its parameters ({@code OSKext::load}),
 *       then by prefix, then by word ({@code alloc} finds {@code kext_alloc});
 *   <li>{@code kext_*} and {@code OSKext::*} are wildcards, {@code /regex/} a regular expression,
 *       {@code ~name} a fuzzy match (up to two edits, a transposition of adjacent characters
 *       counting as one) of the C name or the demangled name without parameters.
 * </ul>
 * Hits are ranked: exact matches first, then prefix matches, then by score, then by name (then by
 * address). Every hit of a wildcard or a regular expression scores the same, so those are ranked
 * by name; a fuzzy hit scores 3 minus its edits (the fewest over its names), so closer names come
 * first.
 *
 * <p>Wildcard, regex and fuzzy hits are ranked in the index (by the name and address doc values
 * of {@link #NAME_ORDER} and {@link #ADDRESS_ORDER}), so only the hits returned are read; a
 * wildcard {@code abc*} reads the name dictionaries from {@code abc} on and stops when it has
 * enough ({@link PrefixHits}).
 *
 * <p>Not thread-safe: it keeps the fuzzy queries' dictionary of names and the kernel's symbol ids.
 */
public final class SymbolSearch {
    /** The name without the Mach-O underscore. */
    static final String CNAME = "cname";
    /** The demangled name without its parameters. */
    static final String QUALIFIED = "qualified";
    /** The symbol name, as sorted doc values: the order of wildcard, regex and fuzzy hits. */
    static final String NAME_ORDER = "name_order";
    /** The address ({@link Fields#sortable}), as numeric doc values: the order of equal names. */
    static final String ADDRESS_ORDER = "address_order";
    private static final String[] NAME_FIELDS = {Fields.NAME, CNAME, Fields.DEMANGLED, QUALIFIED};
    /**
     * The fields a fuzzy query searches: the name, the C name and the demangled name without its
     * parameters (the last two are indexed only where they differ from the name).
     */
    private static final String[] FUZZY_FIELDS = {Fields.NAME, CNAME, QUALIFIED};
    private static final int MAX_EDITS = 2;
    private static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField(NAME_ORDER, SortField.Type.STRING),
            new SortField(ADDRESS_ORDER, SortField.Type.LONG));

    private final KernelStore store;
    private final String uuid;
    private IndexReader dictionaryReader;
    private NameDictionary dictionary;
    private IndexReader symbolsReader;
    private final Map<String, FixedBitSet> symbols = new HashMap<>();

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
        IndexSearcher s = store.searcher();
        List<SymbolHit> hits = new ArrayList<>();
        if (s == null) {
            return hits;
        }
        boolean ranked = isFuzzy(query) || isRegex(query) || isWildcard(query);
        Query names = isFuzzy(query) ? fuzzyQuery(s.getIndexReader(), query.substring(1))
                : ranked ? new ConstantScoreQuery(patternQuery(query)) : plainQuery(query);
        if (names == null) {
            return hits;
        }
        BooleanQuery.Builder b = KernelStore.of(uuid, Fields.KIND_SYMBOL);
        if (kind != null) {
            b.add(new TermQuery(new Term(Fields.KIND, kind)), BooleanClause.Occur.FILTER);
        }
        b.add(names, BooleanClause.Occur.MUST);
        StoredFields stored = s.storedFields();
        String prefix = prefix(query);
        if (prefix != null && hasNameOrder(s.getIndexReader())) {
            for (int doc : PrefixHits.first(s.getIndexReader(), symbols(s, kind), prefix, limit)) {
                hits.add(hit(stored.document(doc), null, 1f));
            }
        } else if (ranked) {
            for (ScoreDoc d : s.search(b.build(), limit, ORDER).scoreDocs) {
                hits.add(hit(stored.document(d.doc), null, (Float) ((FieldDoc) d).fields[0]));
            }
        } else {
            String plain = plain(query);
            for (ScoreDoc d : s.search(b.build(), Math.max(limit * 4, 100)).scoreDocs) {
                hits.add(hit(stored.document(d.doc), plain, d.score));
            }
        }
        hits.sort(Comparator.comparingInt((SymbolHit h) -> rank(h.match()))
                .thenComparing(Comparator.comparingDouble((SymbolHit h) -> h.score()).reversed())
                .thenComparing(SymbolHit::name)
                .thenComparing(h -> h.address(), Long::compareUnsigned));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    /** The query text a plain query matches exactly, or null for wildcard, regex and fuzzy queries. */
    private static String plain(String q) {
        if (q.startsWith("~") || isRegex(q) || isWildcard(q)) {
            return null;
        }
        return q;
    }

    /** Returns the prefix of a wildcard {@code abc*} (no other wildcard, escape or parenthesis), else null. */
    private static String prefix(String q) {
        if (q.length() < 2) {
            return null;
        }
        String p = q.substring(0, q.length() - 1);
        return q.endsWith("*") && !isWildcard(p) && p.indexOf('\\') < 0 && p.indexOf('(') < 0 && !isFuzzy(q)
                && !isRegex(q) ? p : null;
    }

    /** Tells whether the store's symbols carry {@link #NAME_ORDER} (stores indexed before it did not). */
    private static boolean hasNameOrder(IndexReader reader) {
        return FieldInfos.getMergedFieldInfos(reader).fieldInfo(NAME_ORDER) != null;
    }

    /**
     * Returns the store-wide ids of this kernel's symbols (of one kind, unless null), kept for
     * the reader they were read from.
     */
    private FixedBitSet symbols(IndexSearcher s, String kind) throws IOException {
        if (symbolsReader != s.getIndexReader()) {
            symbols.clear();
            symbolsReader = s.getIndexReader();
        }
        String key = kind == null ? "" : kind;
        FixedBitSet bits = symbols.get(key);
        if (bits == null) {
            BooleanQuery.Builder b = KernelStore.of(uuid, Fields.KIND_SYMBOL);
            if (kind != null) {
                b.add(new TermQuery(new Term(Fields.KIND, kind)), BooleanClause.Occur.FILTER);
            }
            FixedBitSet all = new FixedBitSet(Math.max(1, s.getIndexReader().maxDoc()));
            Weight w = s.createWeight(s.rewrite(b.build()), ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Scorer sc = w.scorer(leaf);
                if (sc == null) {
                    continue;
                }
                DocIdSetIterator it = sc.iterator();
                for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                    all.set(leaf.docBase + d);
                }
            }
            bits = all;
            symbols.put(key, bits);
        }
        return bits;
    }

    private static boolean isFuzzy(String q) {
        return q.startsWith("~") && q.length() > 1;
    }

    private static boolean isRegex(String q) {
        return q.length() > 1 && q.startsWith("/") && q.endsWith("/");
    }

    private static boolean isWildcard(String q) {
        return q.indexOf('*') >= 0 || q.indexOf('?') >= 0;
    }

    /**
     * Returns the query of the names within {@link #MAX_EDITS} edits of {@code word}, scoring
     * 3 minus the edits, or null when there is none.
     */
    private Query fuzzyQuery(IndexReader reader, String word) throws IOException {
        if (dictionary == null || dictionaryReader != reader) {
            dictionary = NameDictionary.of(reader, FUZZY_FIELDS);
            dictionaryReader = reader;
        }
        Map<String, Integer> near = dictionary.within(word, MAX_EDITS);
        if (near.isEmpty()) {
            return null;
        }
        List<Query> byEdits = new ArrayList<>();
        for (int edits = 0; edits <= MAX_EDITS; edits++) {
            List<BytesRef> terms = new ArrayList<>();
            for (Map.Entry<String, Integer> e : near.entrySet()) {
                if (e.getValue() == edits) {
                    terms.add(new BytesRef(e.getKey()));
                }
            }
            if (terms.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String f : FUZZY_FIELDS) {
                any.add(new TermInSetQuery(f, terms), BooleanClause.Occur.SHOULD);
            }
            byEdits.add(new BoostQuery(new ConstantScoreQuery(any.build()), MAX_EDITS + 1 - edits));
        }
        return new DisjunctionMaxQuery(byEdits, 0f);
    }

    /** Returns the query of a wildcard or a regular expression over every form of the name. */
    private static Query patternQuery(String q) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String f : NAME_FIELDS) {
            any.add(isRegex(q) ? new RegexpQuery(new Term(f, q.substring(1, q.length() - 1)))
                    : new WildcardQuery(new Term(f, q)), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /** Returns the query of a plain name: exact, prefix, then words. */
    private static Query plainQuery(String q) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String f : NAME_FIELDS) {
            any.add(new BoostQuery(new TermQuery(new Term(f, q)), 100f), BooleanClause.Occur.SHOULD);
            any.add(new BoostQuery(new PrefixQuery(new Term(f, q)), 10f), BooleanClause.Occur.SHOULD);
        }
        String words = Tokens.of(q);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String w : words.split(" ")) {
            if (!w.isEmpty()) {
                all.add(new TermQuery(new Term(Fields.TOKENS, w.toLowerCase(Locale.ROOT))), BooleanClause.Occur.MUST);
            }
        }
        any.add(all.build(), BooleanClause.Occur.SHOULD);
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
