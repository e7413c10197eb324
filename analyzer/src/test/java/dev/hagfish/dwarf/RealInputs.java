package dev.hagfish.dwarf;

import static org.junit.jupiter.api.Assertions.fail;

import dev.hagfish.elf.ElfFile;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.MachOFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code RealInputs} finds the real third-party files of {@code samples/expected/real/FILES.tsv}
 * (written by {@code samples/make-expected-real.sh}): debug files of Debian's {@code libc6-dbg}
 * and Go's testdata from {@code golang-1.19-src}, which {@code .ci/run} installs. A file is
 * looked up under {@code $HAGFISH_REAL_ROOT} first (where {@code .ci/run} unpacks the recorded
 * package version when a newer one is installed), then at its own path; base64 files are decoded
 * into {@code target/real}. A missing file, or one whose sha256 differs from FILES.tsv, skips the
 * test outside CI and fails it under CI ({@code CI} set), since CI installs them.
 */
public final class RealInputs {
    /** The samples directory. */
    public static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    /** The golden files. */
    public static final Path EXPECTED = SAMPLES.resolve("expected/real");

    /**
     * One input.
     *
     * @param id the id of its golden files
     * @param pkg the Debian package
     * @param version the package version the goldens were made from
     * @param path where the package installs it
     * @param encoding {@code raw} or {@code base64}
     * @param container {@code elf} or {@code macho}
     * @param sha256 the sha256 of the (decoded) file
     */
    public record Input(String id, String pkg, String version, String path, String encoding, String container,
            String sha256) {
        /** Returns the golden file {@code <id>.<suffix>}. */
        public Path golden(String suffix) {
            return EXPECTED.resolve(id + "." + suffix);
        }

        /** Tells whether the file is ELF. */
        public boolean isElf() {
            return container.equals("elf");
        }
    }

    private RealInputs() {}

    /** Returns every input of FILES.tsv. */
    public static List<Input> all() throws IOException {
        List<Input> out = new ArrayList<>();
        for (String line : Files.readAllLines(EXPECTED.resolve("FILES.tsv"))) {
            String[] f = line.split("\t");
            if (f.length == 7 && !f[0].equals("id")) {
                out.add(new Input(f[0], f[1], f[2], f[3], f[4], f[5], f[6]));
            }
        }
        return out;
    }

    /** Returns the input with this id. */
    public static Input byId(String id) throws IOException {
        return all().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no input " + id + " in FILES.tsv"));
    }

    /** Skips the test outside CI, fails it under CI. */
    public static void unavailable(String why) {
        String ci = System.getenv("CI");
        if (ci == null || ci.isEmpty()) {
            Assumptions.abort(why + " (CI is unset, so the test is skipped; .ci/run installs the packages)");
        }
        fail(why + " (CI=" + ci + ": .ci/run should have installed it)");
    }

    /** Returns the file, decoded and checked against its sha256; skips or fails when it is missing. */
    public static Path locate(Input in) throws IOException {
        Path found = null;
        String root = System.getenv("HAGFISH_REAL_ROOT");
        if (root != null && !root.isEmpty() && Files.isRegularFile(Path.of(root + in.path()))) {
            found = Path.of(root + in.path());
        } else if (Files.isRegularFile(Path.of(in.path()))) {
            found = Path.of(in.path());
        }
        if (found == null) {
            unavailable(in.path() + " is missing: install " + in.pkg() + " " + in.version());
        }
        if (in.encoding().equals("base64")) {
            Path decoded = Path.of("target", "real", in.id()).toAbsolutePath();
            Files.createDirectories(decoded.getParent());
            Files.write(decoded, Base64.getMimeDecoder().decode(Files.readAllBytes(found)));
            found = decoded;
        }
        String sha = sha256(found);
        if (!sha.equals(in.sha256())) {
            unavailable(found + " has sha256 " + sha + ", not that of " + in.pkg() + " " + in.version()
                    + " (" + in.sha256() + "): another package version is installed; rerun"
                    + " samples/make-expected-real.sh or install " + in.pkg() + "=" + in.version());
        }
        return found;
    }

    /** Opens an input's DWARF through {@link DwarfLoader}. */
    public static DwarfSections dwarf(Input in) throws IOException {
        ByteSource src = ByteSource.open(locate(in));
        return in.isElf() ? DwarfLoader.fromElf(ElfFile.parse(src)) : DwarfLoader.fromMachO(MachOFile.parse(src));
    }

    private static String sha256(Path p) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
