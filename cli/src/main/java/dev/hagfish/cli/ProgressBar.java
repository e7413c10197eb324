package dev.hagfish.cli;

import dev.hagfish.index.IndexProgress;
import java.io.PrintStream;

/**
 * {@code ProgressBar} draws progress on stderr when stderr is a terminal (indexing, and hashing or
 * inflating a compressed snapshot): the phase, the units done of the total, the rate and the time
 * left. It draws nothing otherwise, so that logs and pipes stay clean.
 */
final class ProgressBar implements IndexProgress, dev.hagfish.memory.Progress {
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PrintStream err;
    private String phase = "";
    private long phaseStart;
    private long lastDraw;

    private ProgressBar(PrintStream err) {
        this.err = err;
    }

    /** Returns a bar on stderr, or one that draws nothing when there is no terminal. */
    static ProgressBar forStderr() {
        return new ProgressBar(System.console() != null ? System.err : null);
    }

    @Override
    public void update(String p, long done, long total) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        if (!p.equals(phase)) {
            phase = p;
            phaseStart = now;
        } else if (now - lastDraw < REDRAW_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        double secs = Math.max(1e-9, (now - phaseStart) / 1e9);
        double rate = done / secs;
        String eta = rate > 0 && total > done ? String.format("%.0f s left", (total - done) / rate) : "";
        int width = 30;
        int filled = total <= 0 ? width : (int) Math.min(width, width * done / total);
        err.printf("\r%-10s [%s%s] %d/%d  %.0f/s  %-12s", phase, "#".repeat(filled), " ".repeat(width - filled), done,
                total, rate, eta);
        err.flush();
    }

    /** Ends the bar's line. */
    void done() {
        if (err != null) {
            err.print("\r" + " ".repeat(79) + "\r");
            err.flush();
        }
    }
}
