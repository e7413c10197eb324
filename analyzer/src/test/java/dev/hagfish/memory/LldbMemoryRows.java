package dev.hagfish.memory;

import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of lldb-22's {@code memory read} golden ({@code samples/expected/lldb/core-memory-read.txt}):
 * which core, the address, and the bytes lldb printed. Shared with the cli tests.
 */
public final class LldbMemoryRows {
    public static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    /** The slides build.sh used; the flat dump has the memory of the second core. */
    public static final long SLIDE = 0x1c00000L;
    public static final long NONOTE_SLIDE = 0x4600000L;

    /**
     * One row.
     *
     * @param core the core, relative to samples/ (e.g. {@code snapshots/x86_64-dwarf4.core})
     * @param address the first byte's address
     * @param bytes the bytes
     * @param line the golden line, for messages
     */
    public record Row(String core, long address, byte[] bytes, String line) {}

    private LldbMemoryRows() {}

    public static List<Row> all() throws IOException {
        Pattern cmd = Pattern.compile("^\\(lldb\\) target create --core \"(\\S+)\"$");
        Pattern row = Pattern.compile("^(0x[0-9a-f]{16}): ((?:[0-9a-f]{2} ){1,16}) .*$");
        List<Row> out = new ArrayList<>();
        String core = null;
        for (String l : Files.readAllLines(SAMPLES.resolve("expected/lldb/core-memory-read.txt"))) {
            Matcher c = cmd.matcher(l);
            if (c.matches()) {
                core = c.group(1);
                continue;
            }
            Matcher r = row.matcher(l);
            if (r.matches()) {
                String[] hex = r.group(2).strip().split(" ");
                byte[] b = new byte[hex.length];
                for (int i = 0; i < hex.length; i++) {
                    b[i] = (byte) Integer.parseInt(hex[i], 16);
                }
                out.add(new Row(core, Unsigned.parseAddress(r.group(1)), b, l));
            }
        }
        return out;
    }

    public static List<Row> of(String core) throws IOException {
        return all().stream().filter(r -> r.core().equals(core)).toList();
    }
}
