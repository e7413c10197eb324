import com.sun.management.GarbageCollectionNotificationInfo;
import dev.hagfish.dwarf.AttrValue;
import dev.hagfish.dwarf.Die;
import dev.hagfish.dwarf.DieReader;
import dev.hagfish.dwarf.DwAt;
import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.dwarf.LineProgram;
import dev.hagfish.dwarf.UnitWalker;
import dev.hagfish.dwarf.UnitHeader;
import dev.hagfish.elf.ElfFile;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.symbols.DebugInfo;
import dev.hagfish.symbols.Program;
import dev.hagfish.symbols.Symbolizer;
import dev.hagfish.types.TypeGraph;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * In-process timing of hagfish's full DWARF parse of an ELF file (issue 4): every type, every
 * unit's line program and, with {@code --symbolizer}, the symbolizer's index of functions and
 * variables. Run by bench/dwarf-parse.sh with the analyzer jar on the class path:
 * {@code java -Xmx1500m -cp analyzer.jar bench/DwarfParseBench.java FILE RUNS [--symbolizer]}.
 *
 * <p>Prints one line per run ({@code run N: MS ms}), then the median, the heap figures and what
 * was parsed. Heap figures: {@code max-after-gc} is the largest heap in use right after any
 * collection (the live set, as -Xlog:gc shows it); {@code pool-peak} is the sum of the heap pools'
 * peak usage (an upper bound on the heap ever in use, garbage included); {@code retained} is the
 * heap in use after a full collection with the last run's result still referenced.
 */
public class DwarfParseBench {
    /** What one full parse produced; kept alive so nothing is optimised away and "retained" means something. */
    record Parsed(TypeGraph types, Program program, List<LineProgram> lines, long lineRows, Symbolizer symbolizer) {}

    /**
     * The full parse: types and functions/variables, each one pass over every unit on every core
     * (UnitWalker), then every unit's line program.
     */
    static Parsed fullParse(DwarfSections sections, boolean symbolizer) throws Exception {
        phase = "DebugInfo.read (types, functions, variables: one pass)";
        DebugInfo info = DebugInfo.read(sections, UnitWalker.defaultThreads());
        TypeGraph types = info.types();
        Program program = info.program();
        phase = "line programs";
        List<LineProgram> lines = new ArrayList<>();
        long rows = 0;
        for (long off : stmtLists(sections)) {
            LineProgram p = LineProgram.read(sections, off);
            rows += p.rows().size();
            lines.add(p);
        }
        phase = "Symbolizer.of";
        return new Parsed(types, program, lines, rows, symbolizer ? Symbolizer.of(sections) : null);
    }

    /** The step fullParse is in, for the report of an OutOfMemoryError without a stack trace. */
    private static volatile String phase = "";

    /** The distinct DW_AT_stmt_list offsets of the unit DIEs, ascending. */
    static TreeSet<Long> stmtLists(DwarfSections sections) throws FormatException {
        TreeSet<Long> out = new TreeSet<>();
        if (sections.get("debug_line").isEmpty()) {
            return out;
        }
        DieReader r = new DieReader(sections);
        for (UnitHeader h : r.unitHeaders()) {
            Die top = r.cursor(r.unit(h)).next();
            AttrValue v = top == null ? null : top.get(DwAt.STMT_LIST);
            if (v instanceof AttrValue.SecOffset s) {
                out.add(s.offset());
            } else if (v instanceof AttrValue.Constant c) {
                out.add(c.value());
            }
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        boolean symbolizer = List.of(args).contains("--symbolizer");
        AtomicLong maxAfterGc = watchGc();
        ElfFile elf = ElfFile.parse(ByteSource.open(file));
        DwarfSections sections = DwarfLoader.fromElf(elf);
        System.out.println("sections: " + sections.sizes().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue() / (1 << 20) + "MiB").collect(Collectors.joining(" ")));
        long[] ms = new long[runs];
        Parsed last = null;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] cpuMs = new long[runs];
        for (int i = 0; i < runs; i++) {
            last = null; // let the previous result go before the next parse
            long t0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long proc0 = os.getProcessCpuTime();
            long alloc0 = threads.getCurrentThreadAllocatedBytes();
            try {
                last = fullParse(sections, symbolizer);
            } catch (OutOfMemoryError e) {
                last = null;
                System.out.printf("run %d: OutOfMemoryError after %d ms, in %s, at %s%n", i + 1,
                        (System.nanoTime() - t0) / 1_000_000, phase, where(e));
                heap(maxAfterGc);
                System.exit(3);
            }
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            cpuMs[i] = (os.getProcessCpuTime() - proc0) / 1_000_000;
            System.out.printf("run %d: %d ms, process cpu %d ms (main thread: %d ms cpu, %d MiB allocated)%n", i + 1,
                    ms[i], cpuMs[i], (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000,
                    (threads.getCurrentThreadAllocatedBytes() - alloc0) >> 20);
        }
        System.out.printf("median: %d ms over %d runs, process cpu %d ms%n", median(ms), runs, median(cpuMs));
        heap(maxAfterGc);
        System.out.printf("parsed: %d types, %d functions, %d variables, %d line programs, %d line rows%s%n",
                last.types().size(), last.program().functions().size(), last.program().variables().size(),
                last.lines().size(), last.lineRows(), last.symbolizer() == null ? "" : ", symbolizer index");
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    /** Prints the heap figures; "retained" is measured after a full collection. */
    private static void heap(AtomicLong maxAfterGc) {
        System.gc();
        long retained = heapUsed();
        long poolPeak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                poolPeak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf("heap: max-after-gc %d MiB, pool-peak %d MiB, retained %d MiB, max %d MiB%n",
                maxAfterGc.get() >> 20, poolPeak >> 20, retained >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** The innermost hagfish frames of an error, where it was allocating. */
    private static String where(Throwable e) {
        return java.util.Arrays.stream(e.getStackTrace())
                .filter(f -> f.getClassName().startsWith("dev.hagfish.")).limit(3)
                .map(f -> f.getClassName().substring("dev.hagfish.".length()) + "." + f.getMethodName() + ":"
                        + f.getLineNumber())
                .collect(Collectors.collectingAndThen(Collectors.joining(" < "),
                        s -> s.isEmpty() ? "(no stack trace)" : s));
    }

    private static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                used += p.getUsage().getUsed();
            }
        }
        return used;
    }

    /** Tracks the largest heap occupancy seen right after a collection. */
    private static AtomicLong watchGc() {
        AtomicLong max = new AtomicLong();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (isHeapPool(e.getKey())) {
                        used += e.getValue().getUsed();
                    }
                }
                max.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        return max;
    }

    private static boolean isHeapPool(String name) {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getName().equals(name)) {
                return p.getType() == MemoryType.HEAP;
            }
        }
        return false;
    }
}
