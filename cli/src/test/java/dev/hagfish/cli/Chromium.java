package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code Chromium} drives a headless Debian {@code chromium} through the DevTools protocol, for
 * tests of the HTML report: it starts the browser with a fresh profile and a debugging port that
 * the browser picks (read from its {@code DevToolsActivePort} file), connects to the page over a
 * WebSocket, and evaluates scripts, navigates and takes screenshots. Every wait is bounded; the
 * browser is stopped, by its own process handle, on {@link #close}.
 *
 * <p>A missing {@code chromium} fails the test that asks for it (it is not skipped): {@code .ci/run}
 * installs the package.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Returns the chromium executable on the PATH, or fails the test. */
    static Path executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return fail("chromium is not installed: the HTML report test needs Debian's chromium"
                + " (apt-get install -y chromium; .ci/run installs it)");
    }

    /**
     * Starts a headless browser on a blank page.
     *
     * @param profile an empty directory for its user data (and its log, chromium.log)
     * @param width the window's width in pixels
     * @param height its height
     */
    static Chromium start(Path profile, int width, int height) throws IOException, InterruptedException {
        Path exe = executable();
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
                "--user-data-dir=" + profile.resolve("profile"), "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--window-size=" + width + "," + height, "about:blank"));
        Files.createDirectories(profile.resolve("profile"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            int port = port(profile.resolve("profile/DevToolsActivePort"), p);
            HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
            String ws = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (ws == null && System.nanoTime() < deadline) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                        .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
                for (JsonNode t : JSON.readTree(r.body())) {
                    if (t.path("type").asText().equals("page")) {
                        ws = t.get("webSocketDebuggerUrl").asText();
                        break;
                    }
                }
                if (ws == null) {
                    Thread.sleep(100);
                }
            }
            if (ws == null) {
                fail("chromium opened no page within " + WAIT.toSeconds() + " s");
            }
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(URI.create(ws), listener)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Chromium c = new Chromium(p, socket);
            listener.owner = c;
            return c;
        } catch (IOException | InterruptedException | ExecutionException | TimeoutException | RuntimeException
                | AssertionError e) {
            stop(p);
            if (e instanceof AssertionError a) {
                throw a;
            }
            throw new IOException("cannot drive chromium (log: " + profile.resolve("chromium.log") + "): " + e, e);
        }
    }

    /** Waits for the browser to write its debugging port. */
    private static int port(Path file, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail("chromium exited with status " + p.exitValue() + " before opening its debugging port");
            }
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).strip());
                }
            }
            Thread.sleep(50);
        }
        return fail("chromium wrote no DevToolsActivePort within " + WAIT.toSeconds() + " s");
    }

    /** Receives the protocol's messages (in fragments) and completes the pending calls. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        volatile Chromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String msg = text.toString();
                text.setLength(0);
                try {
                    JsonNode n = JSON.readTree(msg);
                    if (n.has("id") && owner != null) {
                        CompletableFuture<JsonNode> f = owner.pending.remove(n.get("id").asInt());
                        if (f != null) {
                            f.complete(n);
                        }
                    } else if (owner != null && n.path("method").asText().equals("Network.requestWillBeSent")) {
                        owner.requests.add(n.path("params").path("request").path("url").asText());
                    }
                } catch (IOException e) {
                    // not JSON: ignore
                }
            }
            ws.request(1);
            return null;
        }
    }

    /** Calls a protocol method and returns its result; a protocol error fails the test. */
    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params == null ? JSON.createObjectNode() : params);
        socket.sendText(JSON.writeValueAsString(msg), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        JsonNode r = f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (r.has("error")) {
            fail(method + ": " + r.get("error"));
        }
        return r.get("result");
    }

    /** Evaluates a script in the page (promises awaited) and returns its value as JSON. */
    JsonNode eval(String script) throws Exception {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", script)
                .put("returnByValue", true).put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            fail("the page threw: " + r.get("exceptionDetails").toPrettyString() + "\nscript: " + script);
        }
        return r.get("result").path("value");
    }

    /** Waits until a script's value is {@code true}. */
    void waitFor(String condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (eval("!!(" + condition + ")").asBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        fail("the page did not reach `" + condition + "` within " + WAIT.toSeconds() + " s");
    }

    /** Returns the URL of every request the page made since it was opened (the Network domain's view). */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** Opens a URL and waits until the page has loaded and {@code ready} holds. */
    void open(String url, String ready) throws Exception {
        call("Page.enable", null);
        call("Network.enable", null);
        requests.clear();
        call("Page.navigate", JSON.createObjectNode().put("url", url));
        waitFor("document.readyState === 'complete' && location.href === " + JSON.writeValueAsString(url)
                + " && (" + ready + ")");
    }

    /** Returns a PNG of the visible page. */
    byte[] screenshot() throws Exception {
        JsonNode r = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        return Base64.getDecoder().decode(r.get("data").asText());
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the browser goes anyway
        }
        stop(process);
    }

    /** Stops the browser and the processes it started, by their handles. */
    private static void stop(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
