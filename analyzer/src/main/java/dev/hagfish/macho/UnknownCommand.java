package dev.hagfish.macho;

/**
 * An {@code UnknownCommand} is a load command hagfish does not decode. It keeps the raw bytes of
 * the whole command, header included.
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param raw the command's bytes
 */
public record UnknownCommand(int cmd, long cmdsize, long fileOffset, byte[] raw) implements LoadCommand {
    /** Creates the record; the bytes are copied. */
    public UnknownCommand {
        raw = raw.clone();
    }

    /** Returns the bytes (a copy). */
    @Override
    public byte[] raw() {
        return raw.clone();
    }
}
