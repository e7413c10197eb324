package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded jar as a user would, in a separate JVM. */
class HagfishJarIT {
    private static final String JAR = System.getProperty("hagfish.jar");
    private static final String ROOT = System.getProperty("hagfish.root");

    record Result(int code, String out, String err) {}

    private static Result run(Path cwd, String root, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (root != null) {
            cmd.add("-Dhagfish.root=" + root);
        }
        if (System.getProperty("hagfish.home") != null) {
            cmd.add("-Dhagfish.home=" + System.getProperty("hagfish.home"));
        }
        cmd.addAll(List.of("-jar", JAR));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("hagfish-out", ".txt");
        Path err = Files.createTempFile("hagfish-err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "hagfish did not finish");
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    void theJarRunsAndPrintsItsVersion() throws Exception {
        Result r = run(Path.of(ROOT), null, "--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("hagfish "), r.out());
    }

    @Test
    void theDemoRunsFromTheJar() throws Exception {
        Result r = run(Path.of(ROOT), ROOT, "demo", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("kernel", root.get("steps").get(0).get("name").asText());
    }

    @Test
    void aMissingCorpusIsOneLineWithoutAStackTrace(@TempDir Path empty) throws Exception {
        Result r = run(empty, empty.toString(), "demo");
        assertEquals(5, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("hagfish: "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
