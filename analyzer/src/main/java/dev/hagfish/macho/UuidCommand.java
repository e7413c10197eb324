package dev.hagfish.macho;

import java.util.HexFormat;

/**
 * A {@code UuidCommand} is an {@code LC_UUID}, the identity that pairs a kernel with its dSYM.
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param uuid the 16 bytes
 */
public record UuidCommand(int cmd, long cmdsize, long fileOffset, byte[] uuid) implements LoadCommand {
    /** Creates the record; the bytes are copied. */
    public UuidCommand {
        uuid = uuid.clone();
    }

    /** Returns the bytes (a copy). */
    @Override
    public byte[] uuid() {
        return uuid.clone();
    }

    /** Returns the UUID in the canonical upper-case form lldb and dwarfdump print. */
    public String text() {
        return format(uuid);
    }

    /** Formats 16 bytes as {@code 8-4-4-4-12} upper-case hex. */
    public static String format(byte[] b) {
        String h = HexFormat.of().withUpperCase().formatHex(b);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                + h.substring(16, 20) + "-" + h.substring(20);
    }
}
