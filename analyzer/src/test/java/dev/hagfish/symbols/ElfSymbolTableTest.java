package dev.hagfish.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.dwarf.RealInputs;
import dev.hagfish.elf.ElfFile;
import dev.hagfish.io.ByteSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link ElfSymbolTable} over every real ELF input of samples/expected/real (libc6-dbg debug files,
 * Go's testdata: ELF32 and ELF64, executables and relocatable objects of x86, MIPS, PowerPC and
 * SPARC) prints exactly what {@code llvm-nm-19 -n} printed ({@code <id>.nm-n.txt}): the same
 * symbols, addresses, type letters and order. Its ranges agree with the table's sizes.
 */
class ElfSymbolTableTest {
    @TestFactory
    Stream<DynamicTest> agreesWithLlvmNm() throws IOException {
        return RealInputs.all().stream().filter(RealInputs.Input::isElf)
                .map(in -> DynamicTest.dynamicTest(in.id(), () -> check(in)));
    }

    private static void check(RealInputs.Input in) throws IOException {
        ElfFile f = ElfFile.parse(ByteSource.open(RealInputs.locate(in)));
        ElfSymbolTable t = ElfSymbolTable.of(f);
        List<String> want = Files.readAllLines(in.golden("nm-n.txt"));
        assertEquals(want, nm(t.symbols(), f.header().is64()), in.id());
        assertTrue(!want.isEmpty(), in.id());
        // Every sized function or object of an allocated section is found by its ranges at its middle.
        for (Symbol s : t.symbols()) {
            if (s.size() > 1 && s.kind() == SymbolKind.FUNCTION && s.nmType() != 'i') {
                Optional<SymbolRanges.Entry> e = t.ranges().find(s.address() + s.size() / 2);
                assertTrue(e.isPresent() && Long.compareUnsigned(e.get().address(), s.address()) >= 0,
                        in.id() + ": " + s);
            }
        }
    }

    /** Prints symbols as {@code llvm-nm -n} does (undefined first, then by address, name, size). */
    static List<String> nm(List<Symbol> symbols, boolean is64) {
        List<Symbol> sorted = new ArrayList<>(symbols);
        sorted.sort(Comparator.comparing((Symbol s) -> s.kind() != SymbolKind.UNDEFINED)
                .thenComparing(Symbol::address, Long::compareUnsigned)
                .thenComparing((a, b) -> Arrays.compareUnsigned(a.name().getBytes(StandardCharsets.UTF_8),
                        b.name().getBytes(StandardCharsets.UTF_8)))
                .thenComparing(Symbol::size, Long::compareUnsigned));
        List<String> out = new ArrayList<>();
        int width = is64 ? 16 : 8;
        for (Symbol s : sorted) {
            String addr = s.kind() == SymbolKind.UNDEFINED ? " ".repeat(width)
                    : String.format("%0" + width + "x", s.address());
            out.add(addr + " " + s.nmType() + " " + s.name());
        }
        return out;
    }
}
