package dev.hagfish.memory;

/**
 * A {@code Progress} receives the progress of a long step over a snapshot (hashing or inflating a
 * compressed core): the phase's name, the units done and the total. It is called from the thread
 * doing the work.
 */
@FunctionalInterface
public interface Progress {
    /** A progress that ignores every update. */
    Progress NONE = (phase, done, total) -> { };

    /** Reports that {@code done} of {@code total} units of {@code phase} are done. */
    void update(String phase, long done, long total);
}
