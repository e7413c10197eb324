package dev.hagfish.symbols;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code SourceFiles} finds, on this machine, the source file that a DWARF path names (for
 * example {@code /SourceCache/xnu/xnu-1699.24.23/osfmk/kern/kext_alloc.c}, a path on the build
 * machine). It follows gdb's rules for {@code set substitute-path} and {@code directory}, with a
 * wider suffix search:
 * <ol>
 *   <li>the first {@link Substitution} whose FROM is a leading part of the path, ending at a
 *       {@code /} or at the path's end, replaces that part with its TO; later substitutions are
 *       not tried;
 *   <li>the (rewritten) path is tried as it is, relative paths from the working directory;
 *   <li>then under each directory in turn, the path's trailing components, longest first:
 *       {@code DIR/…/osfmk/kern/kext_alloc.c}, …, {@code DIR/kern/kext_alloc.c},
 *       {@code DIR/kext_alloc.c}. Suffixes that start with {@code ..} are skipped.
 * </ol>
 * The first candidate that is a regular file wins.
 *
 * <p>Immutable and safe to share between threads; it only asks the file system whether a
 * candidate is a regular file.
 */
public final class SourceFiles {
    private final List<Substitution> substitutions;
    private final List<Path> directories;

    /**
     * A {@code Substitution} rewrites a leading part of a path, like gdb's
     * {@code set substitute-path FROM TO}. FROM matches only whole components:
     * {@code /usr/src} rewrites {@code /usr/src/lib/foo.c} but not {@code /usr/srcx/foo.c}. A
     * trailing {@code /} of FROM is ignored.
     *
     * @param from the prefix to replace; not empty
     * @param to its replacement; may be empty (the rest of the path then stays absolute)
     */
    public record Substitution(String from, String to) {
        /** Creates the record. @throws IllegalArgumentException if {@code from} is empty */
        public Substitution {
            Objects.requireNonNull(to, "to");
            if (from == null || from.isEmpty()) {
                throw new IllegalArgumentException("a substitution needs a non-empty FROM");
            }
        }

        /** Returns the rewritten path, or empty when FROM does not match it. */
        public Optional<String> apply(String path) {
            String f = from.length() > 1 && from.endsWith("/") ? from.replaceFirst("/+$", "") : from;
            if (f.isEmpty()) {
                f = "/";
            }
            if (!path.startsWith(f)) {
                return Optional.empty();
            }
            String rest = path.substring(f.length());
            if (f.equals("/")) {
                rest = "/" + rest;
            } else if (!rest.isEmpty() && rest.charAt(0) != '/') {
                return Optional.empty();
            }
            if (rest.isEmpty()) {
                return Optional.of(to);
            }
            return Optional.of(to.endsWith("/") ? to + rest.substring(1) : to + rest);
        }
    }

    /**
     * Creates a resolver.
     *
     * @param substitutions tried in order; the first that matches rewrites the path
     * @param directories searched in order, after the path itself
     */
    public SourceFiles(List<Substitution> substitutions, List<Path> directories) {
        this.substitutions = List.copyOf(substitutions);
        this.directories = List.copyOf(directories);
    }

    /** Returns the path after the first substitution that matches it, or the path itself. */
    public String rewrite(String dwarfPath) {
        for (Substitution s : substitutions) {
            Optional<String> r = s.apply(dwarfPath);
            if (r.isPresent()) {
                return r.get();
            }
        }
        return dwarfPath;
    }

    /**
     * Returns every place to look for a DWARF path, in the order they are tried, without
     * duplicates. A path the file system cannot represent (a NUL byte, say) has no candidates.
     */
    public List<Path> candidates(String dwarfPath) {
        Set<Path> out = new LinkedHashSet<>();
        String rewritten = rewrite(dwarfPath);
        if (rewritten.isEmpty()) {
            return List.of();
        }
        Path p;
        try {
            p = Path.of(rewritten);
        } catch (InvalidPathException e) {
            return List.of();
        }
        if (p.getNameCount() == 0) {
            return List.of();
        }
        out.add(p);
        int n = p.getNameCount();
        for (Path dir : directories) {
            for (int from = 0; from < n; from++) {
                Path suffix = p.subpath(from, n);
                if (!suffix.getName(0).toString().equals("..")) {
                    out.add(dir.resolve(suffix));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Returns the first candidate that is a regular file, or empty when there is none. */
    public Optional<Path> find(String dwarfPath) {
        for (Path c : candidates(dwarfPath)) {
            if (Files.isRegularFile(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
