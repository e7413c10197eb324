package dev.hagfish.dwarf;

import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code UnitWalker} is the one streaming pass over {@code .debug_info}: every unit's DIEs are
 * read once, in order, and handed to a {@link Visitor} opened for that unit. Units are walked on
 * several threads when asked; each visitor sees one unit on one thread, and the results come
 * back in section order, so a caller's output does not depend on the thread count. Nothing but
 * what a visitor keeps outlives its unit.
 */
public final class UnitWalker {
    private UnitWalker() {}

    /**
     * Receives the DIEs of one unit in depth-first order, the unit DIE first.
     *
     * @param <R> what the visitor keeps of its unit
     */
    public interface Visitor<R> {
        /** Takes the next DIE. @throws FormatException if the DIE is malformed */
        void visit(Die die) throws FormatException;

        /** Returns what was kept, after the unit's last DIE. @throws FormatException if malformed */
        R finish() throws FormatException;
    }

    /**
     * Opens a visitor for each unit.
     *
     * @param <R> what the visitors keep
     */
    @FunctionalInterface
    public interface Factory<R> {
        /** Opens the visitor of one unit. @throws FormatException if malformed */
        Visitor<R> open(Unit unit) throws FormatException;
    }

    /** Walks every unit on one thread. @throws FormatException at the first malformed unit */
    public static <R> List<R> walk(DwarfSections sections, Factory<R> factory) throws FormatException {
        return walk(sections, 1, factory);
    }

    /**
     * Walks every unit, on up to {@code threads} threads.
     *
     * @return one result per unit, in section order
     * @throws FormatException the error of the first malformed unit in section order
     */
    public static <R> List<R> walk(DwarfSections sections, int threads, Factory<R> factory)
            throws FormatException {
        DieReader reader = new DieReader(sections);
        List<UnitHeader> headers = reader.unitHeaders();
        if (threads <= 1 || headers.size() < 2) {
            List<R> out = new ArrayList<>(headers.size());
            for (UnitHeader h : headers) {
                out.add(walkUnit(reader, h, factory));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, headers.size()), r -> {
            Thread t = new Thread(r, "hagfish-dwarf");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(headers.size());
            for (UnitHeader h : headers) {
                futures.add(pool.submit(() -> walkUnit(reader, h, factory)));
            }
            List<R> out = new ArrayList<>(headers.size());
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FormatException fe) {
                throw fe;
            } else if (cause instanceof RuntimeException re) {
                throw re;
            } else if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while walking .debug_info", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R walkUnit(DieReader reader, UnitHeader h, Factory<R> factory) throws FormatException {
        Unit u = reader.unit(h);
        Visitor<R> v = factory.open(u);
        DieReader.Cursor c = reader.cursor(u);
        for (Die d = c.next(); d != null; d = c.next()) {
            v.visit(d);
        }
        return v.finish();
    }

    /** The thread count to use by default: the machine's cores. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
