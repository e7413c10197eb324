package dev.hagfish.cli;

/**
 * A {@code HagfishException} is an expected failure of a command (not found, bad argument) that
 * carries its exit code; its message is the one line the user sees.
 */
public final class HagfishException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    /** Creates an exception with one of the {@link ExitCodes}. */
    public HagfishException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Returns the process exit code. */
    public int exitCode() {
        return exitCode;
    }
}
