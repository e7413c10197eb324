package dev.hagfish.disasm;

import java.util.List;

/**
 * An {@code Engine} decodes machine code for one architecture and syntax. {@link CapstoneEngine}
 * is the real one; tests substitute others (for example one whose native library is missing).
 * Not thread-safe.
 */
interface Engine extends AutoCloseable {

    /**
     * Decodes instructions from the start of {@code code[0..length)} as if it were at
     * {@code address}, stopping at the first byte sequence that is invalid or incomplete, or after
     * {@code count} instructions.
     *
     * @param count the most instructions to decode, at least 1
     */
    List<RawInstruction> decode(byte[] code, int length, long address, int count);

    /** Releases the native handle. */
    @Override
    void close();

    /** Opens an {@link Engine}; the seam through which tests replace Capstone. */
    @FunctionalInterface
    interface Factory {
        /**
         * Opens an engine.
         *
         * @throws LinkageError if a native library or a class of the binding cannot be loaded
         * @throws RuntimeException if the library refuses the architecture or its API version
         */
        Engine open(Arch arch, Syntax syntax);
    }
}
