package dev.hagfish.cli;

import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * {@code ErrorHandler} prints an exception escaping a command as one line on stderr,
 * {@code hagfish: <message>}, and returns its exit code. The stack trace is printed only when
 * {@code --debug} is on the command line or {@code HAGFISH_DEBUG} is set, and always for internal
 * errors, which are bugs.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        int code = ExitCodes.forException(ex);
        String message = ex instanceof NoSuchFileException nf
                ? nf.getFile() + ": no such file"
                : ex.getMessage() != null ? ex.getMessage() : ex.getClass().getName();
        var err = cl.getErr();
        err.println("hagfish: " + (code == ExitCodes.INTERNAL ? "internal error: " : "") + message);
        if (debug(parsed) || code == ExitCodes.INTERNAL) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean debug(ParseResult parsed) {
        if (System.getenv("HAGFISH_DEBUG") != null) {
            return true;
        }
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.originalArgs().contains("--debug")) {
                return true;
            }
        }
        return false;
    }
}
