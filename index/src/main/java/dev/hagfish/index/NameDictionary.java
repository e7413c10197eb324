package dev.hagfish.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * A {@code NameDictionary} holds the distinct terms of some fields of a reader, sorted, and finds
 * those within a few edits of a word: the edit distance with transpositions (optimal string
 * alignment, as Lucene's fuzzy queries count it) over characters.
 *
 * <p>It walks the sorted terms as a trie: consecutive terms share the rows of the edit-distance
 * table for their common prefix, and once every cell of a row exceeds the limit, no term with
 * that prefix can match, so a binary search skips them all. Lucene's {@code FuzzyQuery} instead
 * builds a Levenshtein automaton per query and field, which costs several milliseconds for a
 * two-edit automaton of a 20-character name, far more than this walk.
 *
 * <p>Immutable once built; {@link #within} allocates its own table, so it is thread-safe.
 */
final class NameDictionary {
    private final String[] terms;

    private NameDictionary(String[] terms) {
        this.terms = terms;
    }

    /** Reads the terms of the given fields (of every document, of every kernel) of a reader. */
    static NameDictionary of(IndexReader reader, String... fields) throws IOException {
        List<String> all = new ArrayList<>();
        for (String f : fields) {
            Terms t = MultiTerms.getTerms(reader, f);
            if (t == null) {
                continue;
            }
            TermsEnum e = t.iterator();
            for (BytesRef b = e.next(); b != null; b = e.next()) {
                all.add(b.utf8ToString());
            }
        }
        return of(all);
    }

    /** Builds a dictionary of the given terms (in any order, duplicates allowed). */
    static NameDictionary of(List<String> words) {
        String[] sorted = words.toArray(new String[0]);
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (n == 0 || !sorted[i].equals(sorted[n - 1])) {
                sorted[n++] = sorted[i];
            }
        }
        return new NameDictionary(Arrays.copyOf(sorted, n));
    }

    /** Returns the number of distinct terms. */
    int size() {
        return terms.length;
    }

    /**
     * Returns every term within {@code maxEdits} edits of {@code word} (insertions, deletions,
     * substitutions and transpositions of adjacent characters), with its distance, in term order.
     */
    Map<String, Integer> within(String word, int maxEdits) {
        int m = word.length();
        int maxLength = m + maxEdits;
        int[][] rows = new int[maxLength + 1][m + 1];
        for (int[] r : rows) {
            Arrays.fill(r, maxEdits + 1); // outside its band a row is never written
        }
        for (int j = 0; j <= Math.min(m, maxEdits); j++) {
            rows[0][j] = j;
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        String previous = "";
        int valid = 0; // rows[0..valid] belong to prefixes of previous
        int i = 0;
        while (i < terms.length) {
            String t = terms[i];
            int depth = Math.min(commonPrefix(previous, t), valid);
            int skipAt = -1; // a prefix length no term that has it can match at
            while (depth < t.length()) {
                if (depth == maxLength) {
                    skipAt = depth + 1; // every term with this prefix is too long
                    break;
                }
                if (row(rows, depth, t, word, maxEdits) > maxEdits) {
                    skipAt = ++depth;
                    break;
                }
                depth++;
            }
            previous = t;
            valid = depth;
            if (skipAt < 0) {
                if (rows[t.length()][m] <= maxEdits) {
                    out.put(t, rows[t.length()][m]);
                }
                i++;
            } else {
                i = skipPrefix(i, t, skipAt);
            }
        }
        return out;
    }

    /**
     * Fills {@code rows[depth + 1]}, the distances of {@code word}'s prefixes to the first
     * {@code depth + 1} characters of {@code t}, capped at {@code maxEdits + 1}; returns that
     * row's least value. A distance is at least the difference of the lengths, so only the band
     * of {@code 2 * maxEdits + 1} cells around the diagonal can be within the limit: the cells
     * outside keep the cap.
     */
    private static int row(int[][] rows, int depth, String t, String word, int maxEdits) {
        int cap = maxEdits + 1;
        int[] above = rows[depth];
        int[] row = rows[depth + 1];
        char c = t.charAt(depth);
        row[0] = Math.min(depth + 1, cap);
        int least = row[0];
        int last = Math.min(word.length(), depth + 1 + maxEdits);
        for (int j = Math.max(1, depth + 1 - maxEdits); j <= last; j++) {
            int d = Math.min(above[j] + 1, row[j - 1] + 1);
            d = Math.min(d, above[j - 1] + (word.charAt(j - 1) == c ? 0 : 1));
            if (depth > 0 && j > 1 && word.charAt(j - 2) == c && word.charAt(j - 1) == t.charAt(depth - 1)) {
                d = Math.min(d, rows[depth - 1][j - 2] + 1);
            }
            row[j] = Math.min(d, cap);
            least = Math.min(least, row[j]);
        }
        return least;
    }

    /**
     * Returns the index of the first term after {@code from} that does not start with {@code t}'s
     * first {@code length} characters. Most skipped runs are short, so it gallops from
     * {@code from} before it bisects.
     */
    private int skipPrefix(int from, String t, int length) {
        int known = from; // the terms from from to known start with the prefix
        int step = 1;
        int probe = from + 1;
        while (probe < terms.length && startsWith(terms[probe], t, length)) {
            known = probe;
            step <<= 1;
            probe = from + step;
        }
        int lo = known + 1;
        int hi = Math.min(terms.length, probe); // the probe does not (or is past the end)
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (startsWith(terms[mid], t, length)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean startsWith(String term, String t, int length) {
        return term.length() >= length && term.regionMatches(0, t, 0, length);
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
