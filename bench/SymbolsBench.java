import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.FatFile;
import dev.hagfish.macho.FatSlice;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.symbols.SymbolTable;
import java.nio.file.Path;

/**
 * In-process, warmed-up timing of "parse a (universal) Mach-O file and build the symbol table of
 * every slice". Run by bench/macho-symbols.sh with the hagfish jar on the class path:
 * {@code java -cp cli/target/hagfish.jar bench/SymbolsBench.java FILE ITERATIONS}.
 * Prints the median milliseconds per iteration.
 */
public class SymbolsBench {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        long[] times = new long[n];
        int symbols = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                symbols = once(file);
                times[i] = System.nanoTime() - t0;
            }
        }
        java.util.Arrays.sort(times);
        System.out.printf("%.3f ms median over %d runs (%d symbols)%n", times[n / 2] / 1e6, n, symbols);
    }

    static int once(Path file) throws Exception {
        ByteSource src = ByteSource.open(file);
        int count = 0;
        if (FatFile.isFat(src)) {
            for (FatSlice s : FatFile.slices(src)) {
                count += SymbolTable.of(MachOFile.open(src, s.archName())).symbols().size();
            }
        } else {
            count = SymbolTable.of(MachOFile.parse(src)).symbols().size();
        }
        return count;
    }
}
