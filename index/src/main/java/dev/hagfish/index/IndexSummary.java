package dev.hagfish.index;

/**
 * What an indexing run stored.
 *
 * @param kernel the kernel's record
 * @param replaced whether a kernel with the same UUID was replaced
 * @param members the number of member documents
 * @param enumerators the number of enumerator documents
 * @param chunks the number of address table chunks
 * @param seconds how long the run took
 */
public record IndexSummary(KernelRecord kernel, boolean replaced, long members, long enumerators, long chunks,
        double seconds) {}
