import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.index.ValueIndex;
import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.SegmentCommand;
import dev.hagfish.memory.Mapping;
import dev.hagfish.memory.SegmentSpace;
import dev.hagfish.types.Member;
import dev.hagfish.types.Type;
import dev.hagfish.values.Expr;
import dev.hagfish.values.Scope;
import dev.hagfish.values.Value;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Reads random scalar members of the sample core's {@code struct proc}s through {@link Value},
 * in-process: N reads (after N/5 unmeasured), each a fresh {@code Value.at(struct proc, address)},
 * its member by name, and the member's value. Also N reads through {@link Expr}
 * ({@code ((struct proc *)ADDR)->member}, parse included). Run by bench/values.sh with the hagfish
 * jar on the class path:
 * {@code java -cp cli/target/hagfish.jar bench/ValuesBench.java STORE CORE SLIDE N SEED PAIRS}.
 *
 * <p>The procs are found by walking {@code allproc} through expressions. The (address, member)
 * pairs read are written to PAIRS, one per line, so that the peers read the same ones. The core's
 * memory is its LC_SEGMENTs mapped onto the file (what {@code CoreFile} will give).
 */
public class ValuesBench {
    public static void main(String[] args) throws Exception {
        Path storeDir = Path.of(args[0]);
        Path core = Path.of(args[1]);
        long slide = Long.decode(args[2]);
        int n = Integer.parseInt(args[3]);
        Random random = new Random(Long.parseLong(args[4]));
        Path pairsOut = Path.of(args[5]);
        try (KernelStore store = KernelStore.open(storeDir)) {
            KernelRecord k = store.kernel(null);
            ValueIndex index = new ValueIndex(store, k.uuid());
            ByteSource src = ByteSource.open(core);
            List<Mapping> maps = new ArrayList<>();
            for (SegmentCommand s : MachOFile.parse(src).segments()) {
                if (s.vmsize() != 0) {
                    maps.add(new Mapping(s.vmaddr(), s.vmsize(), src, s.fileoff(), Math.min(s.filesize(), s.vmsize()),
                            "segment"));
                }
            }
            Scope scope = Scope.of(index.types(), index, new SegmentSpace("core", src.order(), maps), slide);
            List<Long> procs = new ArrayList<>();
            for (long p = Expr.evaluate("allproc.lh_first", scope).asLong(); p != 0;
                    p = Expr.evaluate("((struct proc *)" + p + ")->p_list.le_next", scope).asLong()) {
                procs.add(p);
            }
            Value any = Expr.evaluate("*(struct proc *)" + procs.get(0), scope);
            long procType = any.type();
            List<String> members = new ArrayList<>();
            for (Member m : ((Type.Struct) any.resolved()).members()) {
                Type t = scope.types().resolve(m.type());
                if (m.name() != null && (t instanceof Type.Base || t instanceof Type.Pointer || t instanceof Type.Enum)) {
                    members.add(m.name());
                }
            }
            int total = n + n / 5;
            long[] addresses = new long[total];
            String[] names = new String[total];
            for (int i = 0; i < total; i++) {
                addresses[i] = procs.get(random.nextInt(procs.size()));
                names[i] = members.get(random.nextInt(members.size()));
            }
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(pairsOut))) {
                for (int i = n / 5; i < total; i++) {
                    w.println("0x" + Long.toHexString(addresses[i]) + " " + names[i]);
                }
            }
            long[] sums = new long[2]; // of the measured reads, as the peers sum them (mod 2^64)
            long[] times = new long[2];
            for (int round = 0; round < 2; round++) {
                long t0 = 0;
                for (int i = 0; i < total; i++) {
                    if (i == n / 5) {
                        t0 = System.nanoTime();
                        sums[round] = 0;
                    }
                    if (round == 0) {
                        sums[round] += Value.at(scope, procType, addresses[i]).member(names[i]).orElseThrow().asLong();
                    } else {
                        sums[round] += Expr.evaluate("((struct proc *)" + addresses[i] + ")->" + names[i], scope)
                                .asLong();
                    }
                }
                times[round] = System.nanoTime() - t0;
            }
            if (sums[0] != sums[1]) {
                throw new AssertionError("Value and Expr read different values");
            }
            System.out.printf("procs %d, scalar members %d, reads %d (checksum %s)%n", procs.size(), members.size(), n,
                    Long.toUnsignedString(sums[0]));
            System.out.printf("Value.at + member + asLong: %.3f us per read (%.0f reads/s)%n", times[0] / 1e3 / n,
                    n / (times[0] / 1e9));
            System.out.printf("Expr.evaluate(((struct proc *)ADDR)->m): %.3f us per read (%.0f reads/s)%n",
                    times[1] / 1e3 / n, n / (times[1] / 1e9));
            System.out.println("members: " + Arrays.toString(members.toArray()));
        }
    }
}
