package dev.hagfish.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * {@code PrefixHits} answers a wildcard {@code abc*} without visiting every hit: it returns the
 * first symbols by name (then address) any of whose names starts with the prefix, reading the
 * sorted term dictionaries from the prefix on and stopping once enough symbols are found.
 *
 * <p>It relies on the symbol documents' C names and qualified names being indexed only where
 * they differ from the name ({@link KernelIndexer}): a name's terms are in name order; a C name
 * that differs is the name without its leading underscore, so its terms are in name order too
 * once the underscore is put back; a qualified name that differs says nothing of the name's
 * order, so those hits (C++ symbols only) are all taken and their names read from
 * {@link SymbolSearch#NAME_ORDER}. The demangled name with its parameters starts with a prefix
 * without {@code (} exactly when the qualified name does, so it need not be read; the caller
 * keeps prefixes with {@code (} for the general path.
 *
 * <p>Stateless; thread-safe as the reader is.
 */
final class PrefixHits {
    private PrefixHits() {}

    /** A symbol found, with its name and address (unsigned order through {@link Fields#sortable}). */
    private record Hit(int doc, String name, long sortableAddress) {}

    /**
     * Returns the store-wide ids of the first {@code limit} documents of {@code symbols}, by name
     * then address, that have a name form starting with {@code prefix}.
     */
    static int[] first(IndexReader reader, Bits symbols, String prefix, int limit) throws IOException {
        Map<Integer, String> names = new HashMap<>();
        inOrder(reader, Fields.NAME, "", prefix, symbols, limit, names);
        inOrder(reader, SymbolSearch.CNAME, "_", prefix, symbols, limit, names);
        all(reader, SymbolSearch.QUALIFIED, prefix, symbols, names);
        List<Hit> hits = new ArrayList<>(names.size());
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            hits.add(new Hit(e.getKey(), e.getValue(), address(reader, e.getKey())));
        }
        hits.sort(Comparator.comparing(Hit::name).thenComparingLong(Hit::sortableAddress));
        return hits.stream().limit(limit).mapToInt(Hit::doc).toArray();
    }

    /**
     * Adds the documents of a field's terms starting with the prefix, in term order, naming each
     * {@code namePrefix} + its term, until the term after which at least {@code limit} are found.
     */
    private static void inOrder(IndexReader reader, String field, String namePrefix, String prefix, Bits symbols,
            int limit, Map<Integer, String> names) throws IOException {
        TermsEnum te = terms(reader, field, prefix);
        BytesRef start = new BytesRef(prefix);
        int found = 0;
        PostingsEnum p = null;
        for (BytesRef t = te == null ? null : te.term(); t != null && found < limit && StringHelper.startsWith(t, start); t = te.next()) {
            String name = namePrefix + t.utf8ToString();
            p = te.postings(p, PostingsEnum.NONE);
            for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
                if (symbols.get(d)) {
                    names.putIfAbsent(d, name);
                    found++;
                }
            }
        }
    }

    /** Adds every document of a field's terms starting with the prefix, named by its doc values. */
    private static void all(IndexReader reader, String field, String prefix, Bits symbols, Map<Integer, String> names)
            throws IOException {
        TermsEnum te = terms(reader, field, prefix);
        BytesRef start = new BytesRef(prefix);
        PostingsEnum p = null;
        for (BytesRef t = te == null ? null : te.term(); t != null && StringHelper.startsWith(t, start); t = te.next()) {
            p = te.postings(p, PostingsEnum.NONE);
            for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
                if (symbols.get(d) && !names.containsKey(d)) {
                    names.put(d, name(reader, d));
                }
            }
        }
    }

    /** Returns a field's terms positioned on the first term at or after the prefix, or null. */
    private static TermsEnum terms(IndexReader reader, String field, String prefix) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return null;
        }
        TermsEnum te = terms.iterator();
        return te.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END ? null : te;
    }

    private static String name(IndexReader reader, int doc) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        SortedDocValues v = DocValues.getSorted(leaf.reader(), SymbolSearch.NAME_ORDER);
        return v.advanceExact(doc - leaf.docBase) ? v.lookupOrd(v.ordValue()).utf8ToString() : "";
    }

    private static long address(IndexReader reader, int doc) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        NumericDocValues v = DocValues.getNumeric(leaf.reader(), SymbolSearch.ADDRESS_ORDER);
        return v.advanceExact(doc - leaf.docBase) ? v.longValue() : 0;
    }
}
