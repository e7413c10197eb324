import dev.hagfish.disasm.Arch;
import dev.hagfish.disasm.DataRegions;
import dev.hagfish.disasm.Disassembler;
import dev.hagfish.disasm.Syntax;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.Section;
import dev.hagfish.memory.ImageSpace;
import dev.hagfish.memory.SegmentSpace;
import dev.hagfish.symbols.Symbol;
import dev.hagfish.symbols.SymbolKind;
import dev.hagfish.symbols.SymbolTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * In-process, warmed-up timing of "disassemble every function of (__TEXT,__text)", each from its
 * symbol to the next as llvm-objdump --macho -d takes them. Run by bench/disasm.sh with the
 * hagfish jar on the class path:
 * {@code java -cp cli/target/hagfish.jar bench/DisasmBench.java FILE ARCH ITERATIONS}.
 * Prints the median milliseconds per iteration and the instructions decoded.
 */
public class DisasmBench {
    public static void main(String[] args) throws Exception {
        MachOFile image = MachOFile.open(ByteSource.open(Path.of(args[0])), args[1]);
        int n = Integer.parseInt(args[2]);
        Arch arch = Arch.of(image.archName()).orElseThrow();
        SegmentSpace space = ImageSpace.of(image, 0, args[0]);
        List<Symbol> functions = functions(image);
        long[] times = new long[n];
        long insns = 0;
        try (Disassembler d = Disassembler.open(arch, Syntax.INTEL, DataRegions.of(image, 0))) {
            for (int round = 0; round < 2; round++) { // the first round warms up
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    insns = 0;
                    for (Symbol f : functions) {
                        insns += d.decodeRange(space, f.address(), f.address() + f.size()).instructions().size();
                    }
                    times[i] = System.nanoTime() - t0;
                }
            }
        }
        java.util.Arrays.sort(times);
        System.out.printf("%.3f ms median over %d runs (%d instructions, %d functions)%n", times[n / 2] / 1e6, n, insns,
                functions.size());
    }

    static List<Symbol> functions(MachOFile image) throws Exception {
        Section text = image.segments().stream().flatMap(s -> s.sections().stream())
                .filter(s -> s.segName().equals("__TEXT") && s.sectName().equals("__text")).findFirst().orElseThrow();
        List<Symbol> out = new ArrayList<>();
        for (Symbol s : SymbolTable.of(image).sortedByAddress()) {
            if (s.kind() == SymbolKind.FUNCTION && s.size() > 0 && Unsigned.inRange(s.address(), text.addr(), text.size())
                    && (out.isEmpty() || out.get(out.size() - 1).address() != s.address())) {
                out.add(s);
            }
        }
        return out;
    }
}
