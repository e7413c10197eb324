package dev.hagfish.cli;

import dev.hagfish.io.FormatException;
import java.nio.file.NoSuchFileException;

/**
 * {@code ExitCodes} are the process exit codes of hagfish, as listed in the help footer and in
 * DESIGN.md.
 */
public final class ExitCodes {
    private ExitCodes() {}

    /** Success. */
    public static final int OK = 0;
    /** Internal error: a bug in hagfish. */
    public static final int INTERNAL = 1;
    /** Usage error. */
    public static final int USAGE = 2;
    /** Malformed input: file, snapshot or panic log. */
    public static final int MALFORMED = 3;
    /** Target unreachable, or a memory fault. */
    public static final int TARGET = 4;
    /** Not found. */
    public static final int NOT_FOUND = 5;

    /** Maps an exception escaping a command to its exit code. */
    public static int forException(Throwable t) {
        if (t instanceof picocli.CommandLine.ParameterException) {
            return USAGE;
        }
        if (t instanceof HagfishException h) {
            return h.exitCode();
        }
        if (t instanceof dev.hagfish.memory.MemoryFaultException) {
            return TARGET;
        }
        if (t instanceof dev.hagfish.memory.IdentityException) {
            return NOT_FOUND;
        }
        if (t instanceof FormatException) {
            return MALFORMED;
        }
        if (t instanceof dev.hagfish.index.KernelNotFoundException) {
            return NOT_FOUND;
        }
        if (t instanceof dev.hagfish.memory.MemoryFaultException) {
            return TARGET;
        }
        if (t instanceof dev.hagfish.values.ValueSizeException) {
            return USAGE;
        }
        if (t instanceof NoSuchFileException) {
            return NOT_FOUND;
        }
        if (t instanceof dev.hagfish.disasm.DisassemblerUnavailableException) {
            return NOT_FOUND; // the Capstone library was not found; the message says how to install it
        }
        if (t instanceof java.io.IOException) {
            return MALFORMED;
        }
        return INTERNAL;
    }
}
