package dev.hagfish.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Kernel identity and dSYM pairing on every sample, checked against llvm-dwarfdump and llvm-nm. */
class KernelImageTest {
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    private static List<String> goldenUuids(String variant) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("UUID: (\\S+) \\((\\S+)\\)").matcher(
                Files.readString(SAMPLES.resolve("expected/" + variant + "/uuid.txt")));
        while (m.find()) {
            out.add(m.group(2) + " " + m.group(1));
        }
        return out;
    }

    private static long nmAddress(String variant, String symbol) throws IOException {
        for (String l : Files.readAllLines(SAMPLES.resolve("expected/" + variant + "/nm-n.txt"))) {
            if (l.endsWith(" " + symbol)) {
                return Unsigned.parseAddress(l.substring(0, 16));
            }
        }
        throw new AssertionError(symbol);
    }

    @Test
    void everySampleKernelFindsAndVerifiesItsDsym() throws IOException {
        for (String v : List.of("x86_64-dwarf2", "x86_64-dwarf4", "x86_64-dwarf5", "arm64-dwarf5")) {
            Path kernel = SAMPLES.resolve("kernels/" + v + "/kernel");
            KernelImage k = KernelImage.open(kernel, null, null, false);
            List<String> golden = goldenUuids(v);
            String arch = v.startsWith("arm64") ? "arm64" : "x86_64";
            assertEquals(golden.get(0), arch + " " + k.uuid(), v);
            assertEquals(SAMPLES.resolve("kernels/" + v + "/kernel.dSYM/Contents/Resources/DWARF/kernel"),
                    k.dsymPath().orElseThrow());
            assertEquals(arch.equals("arm64") ? 0xfffffe0007004000L : 0xffffff8000200000L, k.base(), v);
            assertEquals(nmAddress(v, "__start"), k.entry().orElseThrow(), v);
            assertTrue(k.version().orElseThrow().startsWith("Darwin Kernel Version "), v);
        }
    }

    @Test
    void theDsymMayBeGivenAsBundleOrAsTheDwarfFile() throws IOException {
        Path kernel = SAMPLES.resolve("kernels/x86_64-dwarf4/kernel");
        Path bundle = SAMPLES.resolve("kernels/x86_64-dwarf4/kernel.dSYM");
        Path dwarf = bundle.resolve("Contents/Resources/DWARF/kernel");
        assertEquals(dwarf, KernelImage.open(kernel, bundle, null, false).dsymPath().orElseThrow());
        assertEquals(dwarf, KernelImage.open(kernel, dwarf, null, false).dsymPath().orElseThrow());
    }

    @Test
    void bothSlicesOfTheFatKernelPairWithTheFatDsym() throws IOException {
        Path fat = SAMPLES.resolve("kernels/fat/kernel");
        List<String> golden = goldenUuids("fat");
        for (String arch : List.of("x86_64", "arm64")) {
            KernelImage k = KernelImage.open(fat, null, arch, false);
            assertTrue(golden.contains(arch + " " + k.uuid()), arch + " " + k.uuid() + " not in " + golden);
        }
    }

    @Test
    void aMismatchedPairIsRefusedWithBothUuids() throws IOException {
        Path kernel = SAMPLES.resolve("kernels/x86_64-dwarf4/kernel");
        Path other = SAMPLES.resolve("kernels/x86_64-dwarf2/kernel.dSYM");
        String mine = goldenUuids("x86_64-dwarf4").get(0).split(" ")[1];
        String theirs = goldenUuids("x86_64-dwarf2").get(0).split(" ")[1];
        UuidMismatchException e = assertThrows(UuidMismatchException.class,
                () -> KernelImage.open(kernel, other, null, false));
        assertTrue(e.getMessage().contains(mine) && e.getMessage().contains(theirs), e.getMessage());
        assertEquals(mine, KernelImage.open(kernel, other, null, true).uuid());
    }

    @Test
    void aMissingDsymIsNamed() {
        Path kernel = SAMPLES.resolve("kernels/x86_64-dwarf4/kernel");
        IOException e = assertThrows(IOException.class,
                () -> KernelImage.open(kernel, SAMPLES.resolve("no-such.dSYM"), null, false));
        assertTrue(e.getMessage().contains("no-such.dSYM"), e.getMessage());
    }

    @Test
    void withoutTheVersionSymbolTheBannerIsFoundInTheConstantSections() throws IOException {
        byte[] k = Files.readAllBytes(SAMPLES.resolve("kernels/x86_64-dwarf4/kernel"));
        String real = KernelImage.version(dev.hagfish.macho.MachOFile.parse(dev.hagfish.io.ByteSource.of(k, "k")))
                .orElseThrow();
        // Rename the symbol in the string table: "_version\0" becomes "_versioN\0".
        byte[] needle = "\0_version\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int renamed = 0;
        for (int i = 0; i + needle.length <= k.length; i++) {
            if (java.util.Arrays.equals(k, i, i + needle.length, needle, 0, needle.length)) {
                k[i + 8] = 'N';
                renamed++;
            }
        }
        assertTrue(renamed >= 1);
        var f = dev.hagfish.macho.MachOFile.parse(dev.hagfish.io.ByteSource.of(k, "k"));
        assertTrue(dev.hagfish.symbols.SymbolTable.of(f).byName("_version").isEmpty());
        assertEquals(real, KernelImage.version(f).orElseThrow());
    }
}
