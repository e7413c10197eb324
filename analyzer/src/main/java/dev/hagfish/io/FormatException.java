package dev.hagfish.io;

import java.io.IOException;

/**
 * A {@code FormatException} reports malformed input: a truncated file, a length that points past
 * the end, an unknown magic. It is the one exception type every parser in hagfish throws for bad
 * bytes.
 *
 * <p>It carries the {@linkplain ByteSource#describe() description} of the source and the absolute
 * byte offset where decoding failed, so that the one-line message a user sees names both.
 */
public final class FormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long offset;
    private final String detail;

    /**
     * Creates an exception.
     *
     * @param source the {@link ByteSource#describe()} text of the input
     * @param offset the absolute offset in that input, in bytes
     * @param detail what was wrong, naming the record and field
     */
    public FormatException(String source, long offset, String detail) {
        super(source + ": at offset 0x" + Long.toHexString(offset) + ": " + detail);
        this.source = source;
        this.offset = offset;
        this.detail = detail;
    }

    /** Returns the description of the input that failed to decode. */
    public String source() {
        return source;
    }

    /** Returns the absolute offset, in bytes, at which decoding failed. */
    public long offset() {
        return offset;
    }

    /** Returns the message without the source and offset prefix. */
    public String detail() {
        return detail;
    }
}
