package dev.hagfish.io;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@code FuzzHarness} runs the seeded mutation trials of one test class: for each input, N
 * trials, each of which mutates valid bytes with a {@link Mutator} and parses them. A trial may
 * return normally or throw a {@link FormatException} whose source names one of the input's
 * sections (every message then carries the section and the offset). Anything else fails the test
 * with the seed, the input and the mutation index:
 *
 * <ul>
 *   <li>any other exception or error ({@code OutOfMemoryError}, {@code StackOverflowError}, …);
 *   <li>a {@code FormatException} whose source names none of the sections;
 *   <li>a trial that runs longer than the per-mutation budget (a hang; the message carries the
 *       stuck thread's stack), or a run longer than the total budget;
 *   <li>a trial that allocates more than the allocation budget (unbounded allocation that the
 *       heap happened to satisfy).
 * </ul>
 *
 * <p>Every mutation has its own seed, derived from the run's seed, the input name and the index,
 * so a failure replays alone and trials may run on several threads. System properties:
 * {@code fuzz.seed} (replay a run), {@code fuzz.input} and {@code fuzz.index} (replay one
 * mutation, on one thread), {@code fuzz.mutations} (override the count, e.g. for long
 * nightly runs), {@code fuzz.threads} (default: the cores, at most 4).
 *
 * <p>A harness is used from the test thread only; trials must be safe to run concurrently.
 */
public final class FuzzHarness {
    private static final long POLL_MILLIS = 20;

    private final String test;
    private final long seed;
    private final int mutations;
    private final int threads;
    private final Duration perMutation;
    private final Duration total;
    private final long allocationLimit;

    /**
     * One trial: mutate through {@code m}, parse, and return or throw a {@link FormatException}.
     */
    @FunctionalInterface
    public interface Trial {
        /** Runs mutation {@code m.index()}. @throws IOException a FormatException for bad bytes */
        void run(Mutation m) throws IOException;
    }

    /**
     * What one input's run did.
     *
     * @param input the input's name
     * @param mutations how many trials ran
     * @param rejected how many ended with a FormatException
     * @param cpuNanos the trials' CPU time, summed over threads
     * @param wallNanos the run's elapsed time
     * @param slowestIndex the index of the slowest trial
     * @param slowestNanos its elapsed time
     */
    public record Result(String input, int mutations, int rejected, long cpuNanos, long wallNanos, int slowestIndex,
            long slowestNanos) {}

    private FuzzHarness(String test, long seed, int mutations, int threads, Duration perMutation, Duration total,
            long allocationLimit) {
        this.test = test;
        this.seed = seed;
        this.mutations = mutations;
        this.threads = threads;
        this.perMutation = perMutation;
        this.total = total;
        this.allocationLimit = allocationLimit;
    }

    /**
     * Creates the harness of a test class and prints its seed.
     *
     * @param test the test's name, for messages
     * @param defaultMutations the trials per input unless {@code fuzz.mutations} says otherwise
     */
    public static FuzzHarness of(String test, int defaultMutations) {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int threads = Integer.getInteger("fuzz.threads", Math.min(4, Runtime.getRuntime().availableProcessors()));
        FuzzHarness h = new FuzzHarness(test, seed, Integer.getInteger("fuzz.mutations", defaultMutations),
                Math.max(1, threads), Duration.ofSeconds(30), Duration.ofMinutes(10), 256L << 20);
        System.out.println(test + " seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        return h;
    }

    /**
     * Returns a copy with other budgets (defaults: 30 s per trial, 10 min per input, 256 MB
     * allocated per trial).
     */
    public FuzzHarness withBudgets(Duration perTrial, Duration perInput, long allocatedBytesPerTrial) {
        return new FuzzHarness(test, seed, mutations, threads, perTrial, perInput, allocatedBytesPerTrial);
    }

    /** Returns the run's seed. */
    public long seed() {
        return seed;
    }

    /** Returns the number of trials per input. */
    public int mutations() {
        return mutations;
    }

    /**
     * Runs the trials of one input and prints a summary line.
     *
     * @param input the input's name (unique within the test; used in seeds and messages)
     * @param sections the names a FormatException's source may contain, at least one of them
     * @param trial the trial
     * @return the counts and times; all zero when {@code fuzz.input} selects another input
     */
    public Result run(String input, Collection<String> sections, Trial trial) {
        String only = System.getProperty("fuzz.input");
        if (only != null && !only.equals(input)) {
            return new Result(input, 0, 0, 0, 0, -1, 0);
        }
        String index = System.getProperty("fuzz.index");
        int first = index == null ? 0 : Integer.parseInt(index);
        Run r = new Run(input, List.copyOf(sections), trial, first, index == null ? mutations : first + 1);
        Result result = r.execute();
        if (index != null) {
            System.out.println(test + " " + input + " mutation " + first + r.outcome);
        }
        System.out.printf("%s %s: %d mutations, %d rejected with FormatException, cpu %.1f s, wall %.1f s,"
                + " slowest #%d %.0f ms%n", test, input, result.mutations(), result.rejected(), result.cpuNanos() / 1e9,
                result.wallNanos() / 1e9, result.slowestIndex(), result.slowestNanos() / 1e6);
        return result;
    }

    /** Returns what went wrong with a trial's exception, or null for a well-formed FormatException. */
    static String problem(Throwable t, Collection<String> sections) {
        if (!(t instanceof FormatException fe)) {
            return t.toString();
        }
        String src = fe.source();
        if (src == null || src.isBlank() || sections.stream().noneMatch(src::contains)) {
            return "the FormatException's source names none of the sections " + sections + ": " + fe.getMessage();
        }
        return null;
    }

    private static Throwable attempt(Trial trial, Mutation m) {
        try {
            trial.run(m);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private String message(String input, Mutation m, String problem) {
        return test + " " + input + " mutation " + m.index + (m.what.isEmpty() ? "" : " (" + m.what + ")")
                + ", seed " + seed + ": " + problem + "\n  replay: -Dfuzz.seed=" + seed + " -Dfuzz.input='" + input
                + "' -Dfuzz.index=" + m.index;
    }

    private long mutationSeed(String input, int index) {
        return mix(seed ^ mix(input.hashCode() * 0x9e3779b97f4a7c15L + index));
    }

    /** The finalizer of MurmurHash3: spreads the bits of nearby values. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /**
     * A {@code Mutation} is one trial's context: its index, its random source and its mutator,
     * both seeded for this trial alone, and a note of what was mutated for the failure message.
     */
    public static final class Mutation {
        private final int index;
        private final Random random;
        private String what = "";

        Mutation(long seed, int index) {
            this.index = index;
            this.random = new Random(seed);
        }

        /** Returns the index of this trial within its input's run. */
        public int index() {
            return index;
        }

        /** Returns this trial's random source, for choices such as which section to mutate. */
        public Random random() {
            return random;
        }

        /** Records what the trial mutated (a section, a window), for the failure message. */
        public void note(String description) {
            this.what = description;
        }

        /** Returns a mutated copy of {@code input}; see {@link Mutator#mutate(byte[])}. */
        public byte[] mutate(byte[] input, int hotBytes) {
            return new Mutator(random.nextLong(), hotBytes).mutate(input);
        }

        /**
         * Returns {@code input} with {@code [from, to)} replaced by a mutated copy of it, which
         * may be shorter; the bytes after {@code to} move by the difference in length.
         */
        public byte[] mutate(byte[] input, int from, int to, int hotBytes) {
            return new Mutator(random.nextLong(), hotBytes).mutate(input, from, to);
        }
    }

    /** One input's run over worker threads, watched by the test thread. */
    private final class Run {
        private final String input;
        private final List<String> sections;
        private final Trial trial;
        private final AtomicInteger next;
        private final int first;
        private final int end;
        private volatile String outcome = "";
        private final AtomicInteger rejected = new AtomicInteger();
        private final AtomicLong cpu = new AtomicLong();
        private final AtomicReference<AssertionError> failure = new AtomicReference<>();
        private final List<Worker> workers = new ArrayList<>();
        private int slowestIndex = -1;
        private long slowestNanos;

        /** A run of the trials {@code [first, end)}. */
        Run(String input, List<String> sections, Trial trial, int first, int end) {
            this.input = input;
            this.sections = sections;
            this.trial = trial;
            this.next = new AtomicInteger(first);
            this.first = first;
            this.end = end;
        }

        Result execute() {
            long start = System.nanoTime();
            for (int i = 0; i < Math.min(threads, end - next.get()); i++) {
                Worker w = new Worker();
                Thread t = new Thread(w, test + "-" + input + "-" + i);
                t.setDaemon(true);
                w.thread = t;
                workers.add(w);
                t.start();
            }
            watch(start);
            for (Worker w : workers) {
                w.thread.interrupt();
                if (w.slowestNanos > slowestNanos) {
                    slowestNanos = w.slowestNanos;
                    slowestIndex = w.slowestIndex;
                }
            }
            AssertionError f = failure.get();
            if (f != null) {
                throw f;
            }
            return new Result(input, end - first, rejected.get(), cpu.get(), System.nanoTime() - start, slowestIndex,
                    slowestNanos);
        }

        /** Waits for the workers, failing on a stuck trial or when the total budget runs out. */
        private void watch(long start) {
            while (failure.get() == null && workers.stream().anyMatch(w -> w.thread.isAlive())) {
                long now = System.nanoTime();
                for (Worker w : workers) {
                    int i = w.current; // read before startedAt, which the worker writes first
                    long began = w.startedAt;
                    if (i >= 0 && now - began > perMutation.toNanos()) {
                        failure.compareAndSet(null, new AssertionError(message(input, w.mutation,
                                "still running after " + perMutation.toMillis() + " ms (a hang?) at\n"
                                        + stack(w.thread))));
                    }
                }
                if (now - start > total.toNanos()) {
                    failure.compareAndSet(null, new AssertionError(test + " " + input + ": " + next.get() + " of "
                            + end + " mutations ran in " + total.toSeconds() + " s (seed " + seed + ")"));
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, new AssertionError("interrupted", e));
                }
            }
        }

        private String stack(Thread t) {
            StringBuilder sb = new StringBuilder();
            StackTraceElement[] frames = t.getStackTrace();
            for (int k = 0; k < Math.min(frames.length, 24); k++) {
                sb.append("    at ").append(frames[k]).append('\n');
            }
            return sb.toString();
        }

        /** Runs trials until none are left or a failure is recorded. */
        private final class Worker implements Runnable {
            Thread thread;
            volatile int current = -1;
            volatile long startedAt;
            volatile Mutation mutation;
            int slowestIndex = -1;
            long slowestNanos;

            @Override
            public void run() {
                Meter meter = new Meter();
                for (int i = next.getAndIncrement(); i < end && failure.get() == null; i = next.getAndIncrement()) {
                    Mutation m = new Mutation(mutationSeed(input, i), i);
                    mutation = m;
                    startedAt = System.nanoTime();
                    current = i;
                    meter.start();
                    Throwable t = attempt(trial, m);
                    long elapsed = System.nanoTime() - startedAt;
                    current = -1;
                    cpu.addAndGet(meter.cpuNanos());
                    if (elapsed > slowestNanos) {
                        slowestNanos = elapsed;
                        slowestIndex = i;
                    }
                    record(m, t, meter.allocatedBytes());
                }
            }

            private void record(Mutation m, Throwable t, long allocated) {
                outcome = (m.what.isEmpty() ? "" : " (" + m.what + ")") + ": " + (t == null ? "accepted" : t);
                if (t != null) {
                    String problem = problem(t, sections);
                    if (problem != null) {
                        AssertionError e = new AssertionError(message(input, m, problem), t);
                        failure.compareAndSet(null, e);
                        return;
                    }
                    rejected.incrementAndGet();
                }
                if (allocated > allocationLimit) {
                    failure.compareAndSet(null, new AssertionError(message(input, m, "allocated " + (allocated >> 20)
                            + " MB, more than the " + (allocationLimit >> 20) + " MB budget of one trial")));
                }
            }
        }
    }

    /** The current thread's CPU time and allocation, where the JVM measures them. */
    private static final class Meter {
        private final java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        private long cpuAt;
        private long allocatedAt;

        void start() {
            cpuAt = mx.getCurrentThreadCpuTime();
            allocatedAt = allocated();
        }

        long cpuNanos() {
            return mx.getCurrentThreadCpuTime() - cpuAt;
        }

        long allocatedBytes() {
            return allocated() - allocatedAt;
        }

        private long allocated() {
            return mx instanceof com.sun.management.ThreadMXBean sun ? sun.getCurrentThreadAllocatedBytes() : 0;
        }
    }
}
