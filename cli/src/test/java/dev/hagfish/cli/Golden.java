package dev.hagfish.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code Golden} reads the reference tools' outputs in samples/expected. */
final class Golden {
    static final Path SAMPLES = Path.of(System.getProperty("hagfish.root", "..")).resolve("samples").toAbsolutePath()
            .normalize();

    private Golden() {}

    static Path expected(String rel) {
        return SAMPLES.resolve("expected").resolve(rel);
    }

    /**
     * Splits llvm-nm output into its files: a line "path:" or "path (for architecture a):" after a blank
     * line starts a file; a single-file listing has the key "".
     */
    static Map<String, List<String>> nm(Path file) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> cur = new ArrayList<>();
        out.put("", cur);
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isEmpty() && i + 1 < lines.size() && lines.get(i + 1).endsWith(":")) {
                cur = new ArrayList<>();
                out.put(lines.get(++i).replaceFirst(":$", ""), cur);
            } else if (!l.isEmpty()) {
                cur.add(l);
            }
        }
        if (out.get("").isEmpty()) {
            out.remove("");
        }
        return out;
    }

    /** One segment of llvm-otool -l, with its sections, each as field name to text value. */
    record Segment(Map<String, String> fields, List<Map<String, String>> sections) {}

    /** Splits llvm-otool -l output by file header line ("path:" or "path (architecture x):"). */
    static Map<String, List<Segment>> otoolSegments(Path file) throws IOException {
        Map<String, List<Segment>> out = new LinkedHashMap<>();
        List<Segment> cur = null;
        Map<String, String> target = null;
        boolean inSegment = false;
        for (String l : Files.readAllLines(file)) {
            if (!l.startsWith(" ") && l.endsWith(":")) {
                cur = new ArrayList<>();
                out.put(l.substring(0, l.length() - 1), cur);
                inSegment = false;
                continue;
            }
            if (l.startsWith("Load command")) {
                inSegment = false;
                target = null;
                continue;
            }
            String t = l.strip();
            if (t.equals("cmd LC_SEGMENT_64") || t.equals("cmd LC_SEGMENT")) {
                inSegment = true;
                Segment s = new Segment(new LinkedHashMap<>(), new ArrayList<>());
                cur.add(s);
                target = s.fields();
                continue;
            }
            if (t.equals("Section") && inSegment) {
                target = new LinkedHashMap<>();
                cur.get(cur.size() - 1).sections().add(target);
                continue;
            }
            if (inSegment && target != null) {
                int sp = t.indexOf(' ');
                target.put(sp < 0 ? t : t.substring(0, sp), sp < 0 ? "" : t.substring(sp + 1));
            }
        }
        return out;
    }
}
