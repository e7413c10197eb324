package dev.hagfish.dwarf;

/**
 * A {@code TypeClass} is one set of type DIEs that are the same type, wherever they are: the key
 * they share (a {@link TypeDie} copy whose references are classes) and the lowest DIE offset of
 * the set, which becomes the type's id. A pointer's key names its target only, so the class also
 * keeps the full target class of that lowest DIE. A class of one DIE that could not be keyed (a
 * reference cycle, or nesting too deep) keeps the DIE with its references as DIE offsets.
 *
 * <p>Thread-safe: the units that meet a class offer their DIEs to it concurrently, and the
 * outcome (the lowest offset and its target) does not depend on their order.
 */
final class TypeClass {
    /** A class's number in {@link TypeClasses}; what keys refer to. */
    final int number;
    /** The shared key; its references are class numbers, or DIE offsets when {@link #single}. */
    final TypeDie key;
    /** Whether this class is one DIE, keyed by its offset. */
    final boolean single;
    private long first = Long.MAX_VALUE;
    private long target;
    private long containing;

    TypeClass(int number, TypeDie key, boolean single) {
        this.number = number;
        this.key = key;
        this.single = single;
    }

    /**
     * Adds a DIE to the class; for a pointer, also the classes its target and containing type
     * belong to (encoded as in a key).
     */
    synchronized void offer(long offset, long target, long containing) {
        if (offset < first) {
            first = offset;
            this.target = target;
            this.containing = containing;
        }
    }

    /** Returns the lowest DIE offset offered. */
    synchronized long first() {
        return first;
    }

    /** Returns the target class of the lowest DIE's pointer (encoded as in a key). */
    synchronized long target() {
        return target;
    }

    /** Returns the containing class of the lowest DIE's member pointer (encoded as in a key). */
    synchronized long containing() {
        return containing;
    }
}
