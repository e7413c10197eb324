import dev.hagfish.index.KernelStore;
import dev.hagfish.index.SymbolSearch;
import dev.hagfish.index.TypeHit;
import dev.hagfish.index.TypeSearch;
import dev.hagfish.report.GdbPtype;
import dev.hagfish.types.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * In-process latency of index queries on a warm searcher: {@code sym} exact, wildcard and fuzzy,
 * and {@code struct} (search, layout parsed from its JSON, printed as gdb's {@code ptype /o}).
 * Run by bench/index.sh with the hagfish jar on the class path:
 * {@code java -cp cli/target/hagfish.jar bench/IndexQueryBench.java STORE NAMES STRUCTS N SEED}.
 *
 * <p>NAMES holds symbol names (one a line), STRUCTS struct names; each kind of query draws N of
 * them with the seed (exact: a name; wildcard: its first five characters and {@code *}; fuzzy:
 * {@code ~} and the name with one character dropped; struct: a struct name), runs N/5 unmeasured
 * first, then N measured. Prints one line per kind: p50 and p99 in microseconds, and how many
 * queries found nothing.
 */
public class IndexQueryBench {
    interface Query {
        int run(String q) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        List<String> names = Files.readAllLines(Path.of(args[1]));
        List<String> structs = Files.readAllLines(Path.of(args[2]));
        int n = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        try (KernelStore s = KernelStore.open(store)) {
            String uuid = s.kernel(null).uuid();
            SymbolSearch sym = new SymbolSearch(s, uuid);
            TypeSearch types = new TypeSearch(s, uuid);
            Random r = new Random(seed);
            report("sym exact", n, draw(names, n, r), q -> sym.search(q, null, 20).size());
            report("sym wildcard", n, draw(names, n, r).stream()
                    .map(q -> q.substring(0, Math.min(5, q.length())) + "*").toList(), q -> sym.search(q, null, 20).size());
            report("sym fuzzy", n, draw(names, n, r).stream().map(q -> "~" + dropOne(q, r)).toList(),
                    q -> sym.search(q, null, 20).size());
            report("struct", n, draw(structs, n, r), q -> struct(types, q));
        }
    }

    static int struct(TypeSearch types, String name) throws Exception {
        List<TypeHit> hits = types.named("struct " + name);
        if (hits.isEmpty()) {
            return 0;
        }
        Optional<Layout> l = hits.get(0).layout();
        return l.isPresent() ? GdbPtype.print(l.get(), true, false).length() : 0;
    }

    static List<String> draw(List<String> from, int n, Random r) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(from.get(r.nextInt(from.size())));
        }
        return out;
    }

    static String dropOne(String s, Random r) {
        if (s.length() < 4) {
            return s;
        }
        int i = r.nextInt(s.length());
        return s.substring(0, i) + s.substring(i + 1);
    }

    static void report(String what, int n, List<String> queries, Query q) throws Exception {
        for (int i = 0; i < n / 5; i++) {
            q.run(queries.get(i));
        }
        long[] t = new long[n];
        int empty = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            empty += q.run(queries.get(i)) == 0 ? 1 : 0;
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        System.out.printf("%-13s p50 %8.1f us  p99 %8.1f us  (%d queries, %d found nothing)%n", what,
                t[n / 2] / 1e3, t[(int) (n * 0.99)] / 1e3, n, empty);
    }
}
