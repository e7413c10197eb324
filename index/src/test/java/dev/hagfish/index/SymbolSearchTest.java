package dev.hagfish.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.image.KernelImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking of wildcard, regex and fuzzy queries on the x86_64 DWARF 4 sample kernel: by score
 * (edits, for fuzzy ones), then by name, then by address, whatever the limit.
 */
class SymbolSearchTest {
    private static final Comparator<SymbolHit> BY_NAME = Comparator.comparing(SymbolHit::name)
            .thenComparing(SymbolHit::address, Long::compareUnsigned);

    @TempDir
    static Path dir;
    static KernelStore store;
    static SymbolSearch search;

    @BeforeAll
    static void index() throws IOException {
        store = KernelStore.open(dir.resolve("store"));
        KernelImage k = KernelStoreTest.image("x86_64-dwarf4");
        store.index(IndexInput.of(k), IndexProgress.NONE, 1);
        search = new SymbolSearch(store, k.uuid());
    }

    @AfterAll
    static void close() throws IOException {
        store.close();
    }

    @Test
    void wildcardHitsComeByNameWhateverTheLimit() throws IOException {
        List<SymbolHit> all = search.search("kext_*", null, 10_000);
        assertTrue(all.size() > 5, all.size() + " hits");
        assertEquals(all.stream().sorted(BY_NAME).toList(), all);
        List<SymbolHit> every = search.search("*", null, 10_000);
        assertTrue(every.size() > 300, every.size() + " hits");
        assertEquals(every.stream().sorted(BY_NAME).toList(), every);
        assertEquals(every.subList(0, 20), search.search("*", null, 20));
        assertEquals(all.subList(0, 5), search.search("kext_*", null, 5));
        List<SymbolHit> regex = search.search("/_?kext_.*/", null, 10_000);
        assertEquals(all.stream().map(SymbolHit::name).toList(), regex.stream().map(SymbolHit::name).toList());
        assertEquals(regex.subList(0, 3), search.search("/_?kext_.*/", null, 3));
    }

    /** A wildcard {@code abc*} reads the dictionaries from the prefix on: it finds what the general path finds. */
    @Test
    void prefixWildcardsAgreeWithRegularExpressions() throws IOException {
        for (String[] q : new String[][] {{"kext_*", "/kext_.*/"}, {"_kext_*", "/_kext_.*/"},
                {"OSKext::*", "/OSKext::.*/"}, {"_*", "/_.*/"}, {"OSKext::load(*", "/OSKext::load\\(.*/"}}) {
            for (String kind : new String[] {null, "func", "data"}) {
                List<SymbolHit> regex = search.search(q[1], kind, 10_000);
                assertEquals(regex, search.search(q[0], kind, 10_000), q[0] + " " + kind);
                assertEquals(regex.subList(0, Math.min(3, regex.size())), search.search(q[0], kind, 3), q[0] + " " + kind);
            }
        }
        assertTrue(search.search("OSKext::*", null, 100).size() > 3);
    }

    @Test
    void fuzzyFindsTwoEditsButNotThree() throws IOException {
        assertTrue(names("~kxt_aloc").contains("_kext_alloc")); // two deletions
        assertTrue(names("~kxet_allco").contains("_kext_alloc")); // two transpositions
        assertFalse(names("~kt_aloc").contains("_kext_alloc")); // three deletions
        assertTrue(search.search("~kt_aloc_zz", null, 50).isEmpty());
    }

    @Test
    void fuzzyHitsComeByEditsThenName() throws IOException {
        SymbolHit exact = search.search("~kext_alloc", null, 10).get(0);
        assertEquals("_kext_alloc", exact.name());
        assertEquals(3f, exact.score()); // no edit
        List<SymbolHit> hits = search.search("~kext_alloc_bas", null, 10);
        assertEquals(List.of("_kext_alloc_base", "_kext_alloc_max"), hits.stream().map(SymbolHit::name).toList());
        assertEquals(List.of(2f, 1f), hits.stream().map(SymbolHit::score).toList()); // one edit, two
        assertEquals(hits.subList(0, 1), search.search("~kext_alloc_bas", null, 1));
        List<SymbolHit> all = search.search("~kext_alloc_ini", null, 100);
        for (int i = 1; i < all.size(); i++) {
            SymbolHit a = all.get(i - 1);
            SymbolHit b = all.get(i);
            assertTrue(a.score() > b.score() || (a.score() == b.score() && BY_NAME.compare(a, b) <= 0), a + " before " + b);
        }
        assertEquals(List.of("_kext_alloc_base"), search.search("~kext_alloc_bas", "data", 1).stream()
                .map(SymbolHit::name).toList());
        assertTrue(search.search("~kext_alloc_bas", "func", 10).isEmpty());
    }

    private static List<String> names(String query) throws IOException {
        return search.search(query, null, 100).stream().map(SymbolHit::name).toList();
    }
}
