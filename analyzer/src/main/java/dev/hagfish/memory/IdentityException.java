package dev.hagfish.memory;

import java.io.IOException;

/**
 * An {@code IdentityException} says that a snapshot's kernel or slide could not be established:
 * no indexed kernel matches it, several do, or no method finds the slide. The message lists what
 * was tried and how to decide ({@code --kernel}, {@code --slide}).
 */
public final class IdentityException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its one-line message. */
    public IdentityException(String message) {
        super(message);
    }
}
