package dev.hagfish.disasm;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.Section;
import dev.hagfish.memory.ImageSpace;
import dev.hagfish.memory.SegmentSpace;
import dev.hagfish.symbols.Symbol;
import dev.hagfish.symbols.SymbolKind;
import dev.hagfish.symbols.SymbolTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code GoldenImage} is one image of samples/expected/objdump/: a sample kernel, a slice of the
 * fat kernel, or an i386 object, with its golden listings' base name.
 *
 * @param name the golden base name, e.g. {@code x86_64-dwarf4}, {@code fat-arm64}, {@code i386-OSKext}
 * @param file the image, relative to samples/
 * @param slice the fat slice's architecture, or null
 * @param arch the instruction set
 * @param object whether it is a relocatable object (no symbolic golden)
 */
record GoldenImage(String name, String file, String slice, Arch arch, boolean object) {
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    static final Path GOLDEN = SAMPLES.resolve("expected/objdump");

    /** Every image the goldens cover. */
    static List<GoldenImage> all() throws IOException {
        List<GoldenImage> out = new ArrayList<>();
        for (String v : List.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5")) {
            out.add(new GoldenImage(v, "kernels/" + v + "/kernel", null, Arch.X86_64, false));
        }
        out.add(new GoldenImage("arm64-dwarf5", "kernels/arm64-dwarf5/kernel", null, Arch.ARM64, false));
        out.add(new GoldenImage("fat-x86_64", "kernels/fat/kernel", "x86_64", Arch.X86_64, false));
        out.add(new GoldenImage("fat-arm64", "kernels/fat/kernel", "arm64", Arch.ARM64, false));
        try (Stream<Path> objects = Files.list(SAMPLES.resolve("kernels/i386"))) {
            for (Path o : objects.filter(p -> p.toString().endsWith(".o")).sorted().toList()) {
                String base = o.getFileName().toString().replace(".o", "");
                out.add(new GoldenImage("i386-" + base, "kernels/i386/" + o.getFileName(), null, Arch.I386, true));
            }
        }
        return out;
    }

    MachOFile open() throws IOException {
        return MachOFile.open(ByteSource.open(SAMPLES.resolve(file)), slice);
    }

    SegmentSpace space(MachOFile image, long slide) throws IOException {
        return ImageSpace.of(image, slide, name);
    }

    /** The golden listing (gzip-compressed) of one flavour: {@code att}, {@code intel}, {@code symbolic}, or "" for arm64's plain one. */
    Path golden(String flavour) {
        return GOLDEN.resolve(name + (flavour.isEmpty() ? "" : "." + flavour) + ".txt.gz");
    }

    /**
     * The functions llvm-objdump lists under their own label: the symbols inside (__TEXT,__text) at
     * distinct addresses, without the assembler's {@code ltmp} labels, each up to the next symbol
     * (SymbolTable's size).
     */
    static List<Symbol> functions(MachOFile image, SymbolTable table) {
        Section text = image.segments().stream().flatMap(s -> s.sections().stream())
                .filter(s -> s.segName().equals("__TEXT") && s.sectName().equals("__text")).findFirst().orElseThrow();
        List<Symbol> out = new ArrayList<>();
        for (Symbol s : table.sortedByAddress()) {
            if (s.kind() == SymbolKind.FUNCTION && Unsigned.inRange(s.address(), text.addr(), text.size())
                    && !s.name().startsWith("ltmp")
                    && (out.isEmpty() || out.get(out.size() - 1).address() != s.address())) {
                out.add(s);
            }
        }
        return out;
    }
}
