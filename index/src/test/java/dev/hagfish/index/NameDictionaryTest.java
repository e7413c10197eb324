package dev.hagfish.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link NameDictionary}'s trie walk finds exactly what a plain edit-distance table finds. */
class NameDictionaryTest {
    @Test
    void countsInsertionsDeletionsSubstitutionsAndTranspositions() {
        NameDictionary d = NameDictionary.of(List.of("kext_alloc", "kext_free", "kalloc", "kext_alloc_pages", "zalloc"));
        assertEquals(Map.of("kext_alloc", 0), d.within("kext_alloc", 0));
        assertEquals(Map.of("kext_alloc", 2), d.within("kxt_aloc", 2)); // two deletions
        assertEquals(Map.of(), d.within("kt_aloc", 2)); // three
        assertEquals(Map.of("kext_alloc", 2), d.within("kxet_allco", 2)); // two transpositions
        assertEquals(Map.of("kext_alloc", 1), d.within("kext_allox", 1));
        assertEquals(Map.of("kalloc", 1, "zalloc", 2), d.within("kallocx", 2).entrySet().stream()
                .filter(e -> e.getKey().endsWith("alloc") && e.getKey().length() == 6)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(Map.of(), d.within("kext_alloc_pages_and_more", 2)); // longer than every term by more than two
    }

    @Test
    void agreesWithAPlainTableOnRandomWords() {
        long seed = System.nanoTime();
        System.out.println("NameDictionaryTest seed " + seed);
        Random r = new Random(seed);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            words.add(word(r, 1 + r.nextInt(9)));
        }
        NameDictionary d = NameDictionary.of(words);
        for (int q = 0; q < 300; q++) {
            String w = q % 2 == 0 ? word(r, 1 + r.nextInt(9)) : mutate(words.get(r.nextInt(words.size())), r);
            Map<String, Integer> want = new TreeMap<>();
            for (String t : words) {
                int e = osa(w, t);
                if (e <= 2) {
                    want.put(t, e);
                }
            }
            assertEquals(want, new TreeMap<>(d.within(w, 2)), "seed " + seed + " word " + w);
        }
    }

    private static String word(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("abc_d".charAt(r.nextInt(5)));
        }
        return b.toString();
    }

    private static String mutate(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        for (int k = r.nextInt(4); k > 0 && b.length() > 1; k--) {
            int i = r.nextInt(b.length() - 1);
            switch (r.nextInt(4)) {
                case 0 -> b.deleteCharAt(i);
                case 1 -> b.insert(i, 'x');
                case 2 -> b.setCharAt(i, 'y');
                default -> {
                    char c = b.charAt(i);
                    b.setCharAt(i, b.charAt(i + 1));
                    b.setCharAt(i + 1, c);
                }
            }
        }
        return b.toString();
    }

    /** The optimal string alignment distance, the textbook table. */
    private static int osa(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
