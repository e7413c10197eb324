package dev.hagfish.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hagfish.symbols.SourceFiles.Substitution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code SourceFiles} rewrites like gdb's substitute-path and searches directories by suffix. */
class SourceFilesTest {
    private static final String DWARF = "/SourceCache/xnu/xnu-1699.24.23/osfmk/kern/kext_alloc.c";

    @Test
    void substitutionMatchesWholeComponentsOnly() {
        Substitution s = new Substitution("/usr/src", "/mnt/cross");
        assertEquals(Optional.of("/mnt/cross/foo-1.0/lib/foo.c"), s.apply("/usr/src/foo-1.0/lib/foo.c"));
        assertEquals(Optional.empty(), s.apply("/usr/srcx/foo.c"));
        assertEquals(Optional.empty(), s.apply("/root/usr/src/foo.c"));
        assertEquals(Optional.of("/mnt/cross"), s.apply("/usr/src"));
    }

    @Test
    void trailingSlashesOfFromAndToDoNotMatter() {
        assertEquals(Optional.of("/mnt/cross/lib/foo.c"), new Substitution("/usr/src/", "/mnt/cross/").apply("/usr/src/lib/foo.c"));
        assertEquals(Optional.of("src/osfmk/a.c"), new Substitution("/", "src").apply("/osfmk/a.c"));
        assertEquals(Optional.of("/osfmk/a.c"), new Substitution("/SourceCache", "").apply("/SourceCache/osfmk/a.c"));
    }

    @Test
    void emptyFromIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Substitution("", "x"));
    }

    @Test
    void firstMatchingSubstitutionWins() {
        SourceFiles f = new SourceFiles(List.of(new Substitution("/Other", "o"),
                new Substitution("/SourceCache/xnu", "first"), new Substitution("/SourceCache", "second")), List.of());
        assertEquals("first/xnu-1699.24.23/osfmk/kern/kext_alloc.c", f.rewrite(DWARF));
        assertEquals("/elsewhere/a.c", f.rewrite("/elsewhere/a.c"));
    }

    @Test
    void candidatesAreThePathThenEachDirectoryLongestSuffixFirst() {
        SourceFiles f = new SourceFiles(List.of(), List.of(Path.of("/d1"), Path.of("d2")));
        assertEquals(List.of(Path.of(DWARF),
                Path.of("/d1/SourceCache/xnu/xnu-1699.24.23/osfmk/kern/kext_alloc.c"),
                Path.of("/d1/xnu/xnu-1699.24.23/osfmk/kern/kext_alloc.c"),
                Path.of("/d1/xnu-1699.24.23/osfmk/kern/kext_alloc.c"),
                Path.of("/d1/osfmk/kern/kext_alloc.c"),
                Path.of("/d1/kern/kext_alloc.c"),
                Path.of("/d1/kext_alloc.c"),
                Path.of("d2/SourceCache/xnu/xnu-1699.24.23/osfmk/kern/kext_alloc.c"),
                Path.of("d2/xnu/xnu-1699.24.23/osfmk/kern/kext_alloc.c"),
                Path.of("d2/xnu-1699.24.23/osfmk/kern/kext_alloc.c"),
                Path.of("d2/osfmk/kern/kext_alloc.c"),
                Path.of("d2/kern/kext_alloc.c"),
                Path.of("d2/kext_alloc.c")), f.candidates(DWARF));
    }

    @Test
    void candidatesUseTheRewrittenPathAndSkipParentSuffixes() {
        SourceFiles f = new SourceFiles(List.of(new Substitution("/SourceCache/xnu/xnu-1699.24.23", "/src/../xnu")),
                List.of(Path.of("/d")));
        assertEquals(List.of(Path.of("/src/../xnu/osfmk/kern/kext_alloc.c"),
                Path.of("/d/src/../xnu/osfmk/kern/kext_alloc.c"),
                Path.of("/d/xnu/osfmk/kern/kext_alloc.c"),
                Path.of("/d/osfmk/kern/kext_alloc.c"),
                Path.of("/d/kern/kext_alloc.c"),
                Path.of("/d/kext_alloc.c")), f.candidates(DWARF));
    }

    @Test
    void oddPathsHaveNoCandidates() {
        SourceFiles f = new SourceFiles(List.of(), List.of(Path.of("/d")));
        assertEquals(List.of(), f.candidates("/"));
        assertEquals(List.of(), f.candidates("a\0b.c"));
        assertEquals(List.of(), f.candidates(""));
    }

    @Test
    void findTakesTheFirstRegularFile(@TempDir Path tmp) throws IOException {
        Path d1 = tmp.resolve("d1");
        Path d2 = tmp.resolve("d2");
        Files.createDirectories(d1.resolve("kern/kext_alloc.c")); // a directory is not a source file
        Files.createDirectories(d2.resolve("osfmk/kern"));
        Files.writeString(d1.resolve("kext_alloc.c"), "short\n");
        Files.writeString(d2.resolve("osfmk/kern/kext_alloc.c"), "longer\n");
        SourceFiles f = new SourceFiles(List.of(), List.of(d1, d2));
        assertEquals(Optional.of(d1.resolve("kext_alloc.c")), f.find(DWARF));
        SourceFiles g = new SourceFiles(List.of(), List.of(d2, d1));
        assertEquals(Optional.of(d2.resolve("osfmk/kern/kext_alloc.c")), g.find(DWARF));
        SourceFiles mapped = new SourceFiles(List.of(new Substitution("/SourceCache/xnu/xnu-1699.24.23", d2.toString())),
                List.of(d1));
        assertEquals(Optional.of(d2.resolve("osfmk/kern/kext_alloc.c")), mapped.find(DWARF));
        assertEquals(Optional.empty(), new SourceFiles(List.of(), List.of(tmp.resolve("none"))).find(DWARF));
    }
}
