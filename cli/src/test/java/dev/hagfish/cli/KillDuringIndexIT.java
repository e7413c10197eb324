package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.index.KernelStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that holds one kernel stays readable and correct when a second indexing run is killed
 * with SIGKILL after it has written its documents but before its commit; the killed kernel is
 * simply absent, and indexing it again succeeds (Lucene's lock dies with the process).
 */
class KillDuringIndexIT {
    private static final String JAR = System.getProperty("hagfish.jar");
    private static final Path SAMPLES = Path.of(System.getProperty("hagfish.root"), "samples");

    private static Process start(Path store, boolean stall, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--index", store.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (stall) {
            pb.environment().put(KernelStore.STALL_BEFORE_COMMIT, "600000");
        }
        return pb.start();
    }

    private static String runToEnd(Path store, String... args) throws Exception {
        Process p = start(store, false, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void aKilledRunLeavesThePreviousStoreIntact(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        String x86 = SAMPLES.resolve("kernels/x86_64-dwarf4/kernel").toString();
        String arm = SAMPLES.resolve("kernels/arm64-dwarf5/kernel").toString();
        runToEnd(store, "index", x86);
        String before = runToEnd(store, "sym", "kext_alloc", "--json");

        Process p = start(store, true, "index", arm);
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        do {
            line = r.readLine();
        } while (line != null && !line.contains("stalling"));
        assertTrue(line != null, "the run ended before its commit");
        p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no close
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));

        JsonNode kernels = new ObjectMapper().readTree(runToEnd(store, "kernels", "--json"));
        assertEquals(1, kernels.size(), kernels.toString());
        assertEquals(before, runToEnd(store, "sym", "kext_alloc", "--json"));

        runToEnd(store, "index", arm);
        assertEquals(2, new ObjectMapper().readTree(runToEnd(store, "kernels", "--json")).size());
        assertEquals(before, runToEnd(store, "sym", "kext_alloc", "--json", "--kernel", x86));
    }
}
