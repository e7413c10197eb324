package dev.hagfish.dwarf;

import java.util.List;
import java.util.Optional;

/**
 * {@code FilePaths} joins a line table's directory and file names into the path
 * {@code llvm-symbolizer} prints (POSIX separators; a Windows drive or UNC name counts as
 * absolute too). Package-private and stateless.
 */
final class FilePaths {
    private FilePaths() {}

    /**
     * Returns the path of file number {@code file} of a file table: entry {@code file - 1}
     * before DWARF 5, entry {@code file} from DWARF 5 on; empty when there is no such entry or
     * it has no name.
     */
    static Optional<String> path(int version, List<String> dirs, List<FileEntry> files, long file, String compDir) {
        long index = version >= 5 ? file : file - 1;
        if (index < 0 || index >= files.size()) {
            return Optional.empty();
        }
        FileEntry e = files.get((int) index);
        return e.name() == null ? Optional.empty() : Optional.of(join(version, dirs, e, compDir));
    }

    static String join(int version, List<String> dirs, FileEntry e, String compDir) {
        String name = e.name();
        if (isAbsolute(name)) {
            return name;
        }
        long d = e.directoryIndex();
        String dir = "";
        if (version >= 5) {
            if (d >= 0 && d < dirs.size()) {
                dir = dirs.get((int) d);
            }
        } else if (d > 0 && d <= dirs.size()) {
            dir = dirs.get((int) d - 1);
        }
        StringBuilder path = new StringBuilder();
        if ((version < 5 || d != 0) && !isAbsolute(dir)) {
            append(path, compDir == null ? "" : compDir);
        }
        append(path, dir);
        append(path, name);
        return path.toString();
    }

    /** Appends a component: one separator between the parts, none doubled. */
    private static void append(StringBuilder path, String component) {
        if (path.length() > 0 && path.charAt(path.length() - 1) == '/') {
            int i = 0;
            while (i < component.length() && component.charAt(i) == '/') {
                i++;
            }
            path.append(component, i, component.length());
            return;
        }
        if (path.length() > 0 && !component.startsWith("/")) {
            path.append('/');
        }
        path.append(component);
    }

    static boolean isAbsolute(String p) {
        if (p.startsWith("/") || p.startsWith("\\\\")) {
            return true;
        }
        return p.length() >= 3 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':'
                && (p.charAt(2) == '\\' || p.charAt(2) == '/');
    }
}
