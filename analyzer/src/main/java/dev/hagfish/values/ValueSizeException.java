package dev.hagfish.values;

import java.io.IOException;

/**
 * A {@code ValueSizeException} is a value that cannot be read whole: its type's size is unknown
 * (an incomplete struct), or larger than {@link Value#MAX_SIZE}.
 */
public final class ValueSizeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its one-line message. */
    public ValueSizeException(String message) {
        super(message);
    }
}
