package dev.hagfish.index;

import java.io.IOException;

/** No indexed kernel, or more than one, matches what the user asked for. */
public final class KernelNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. @param message the one-line message */
    public KernelNotFoundException(String message) {
        super(message);
    }
}
