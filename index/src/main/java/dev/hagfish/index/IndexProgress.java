package dev.hagfish.index;

/** Receives the progress of an indexing run: a phase and how much of it is done. */
@FunctionalInterface
public interface IndexProgress {
    /** Reports no progress. */
    IndexProgress NONE = (phase, done, total) -> { };

    /**
     * Reports progress.
     *
     * @param phase what is being done, e.g. {@code types}
     * @param done units of work done
     * @param total units of work in the phase
     */
    void update(String phase, long done, long total);
}
