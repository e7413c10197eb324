package dev.hagfish.macho;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.FuzzHarness;
import dev.hagfish.symbols.SymbolTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of every sample Mach-O file go through {@link MachOFile}, the symbol
 * table, the rebase opcodes, the function starts and the slicing of the DWARF sections
 * ({@link DwarfLoader}): only {@link FormatException} may escape, nothing hangs, nothing runs out
 * of memory ({@link FuzzHarness}).
 */
class MachOFuzzTest {
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    private static final int MUTATIONS = 10_000;

    static List<Path> sampleFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(SAMPLES.resolve("kernels"))) {
            s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".plist")).sorted().forEach(out::add);
        }
        out.add(SAMPLES.resolve("snapshots/x86_64-dwarf4.core"));
        // The real Maven-shipped Mach-O files (TOOLCHAIN.md); capstone's universal file appears
        // once per slice in SOURCES.txt but is one file.
        ThirdPartyFiles.extract(SAMPLES, Path.of("target")).stream().map(ThirdPartyFiles.Entry::path).distinct()
                .forEach(out::add);
        return out;
    }

    /** Parses everything this issue reads; returns normally or throws FormatException. */
    static void exercise(byte[] data) throws FormatException {
        ByteSource src = ByteSource.of(data, "mutant");
        List<MachOFile> images = new ArrayList<>();
        if (FatFile.isFat(src)) {
            for (FatSlice s : FatFile.slices(src)) {
                images.add(MachOFile.open(src, s.archName()));
            }
        } else {
            images.add(MachOFile.parse(src));
        }
        for (MachOFile f : images) {
            SymbolTable t = SymbolTable.of(f);
            t.lookup(0xffffff8000201000L);
            RebaseInfo.pointers(f);
            FunctionStarts.addresses(f);
            for (FilesetEntryCommand e : f.commands(FilesetEntryCommand.class)) {
                f.filesetEntry(e);
            }
            DwarfLoader.fromMachO(f);
        }
    }

    @Test
    void mutantsOfEverySampleFailOnlyWithFormatException() throws IOException {
        FuzzHarness h = FuzzHarness.of("MachOFuzzTest", MUTATIONS);
        List<Path> files = sampleFiles();
        assertTrue(files.size() >= 21, "only " + files.size() + " sample files");
        for (Path p : files) {
            byte[] original = Files.readAllBytes(p);
            exercise(original);
            String name = (p.startsWith(SAMPLES) ? SAMPLES.relativize(p) : p).toString();
            h.run(name, List.of("mutant", "debug_"), m -> exercise(m.mutate(original, 4096)));
        }
    }
}
