package dev.hagfish.image;

import java.io.IOException;

/**
 * A {@code UuidMismatchException} reports a kernel and a dSYM (or snapshot) whose UUIDs differ;
 * the message names both UUIDs.
 */
public final class UuidMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its one-line message. */
    public UuidMismatchException(String message) {
        super(message);
    }
}
