package dev.hagfish.macho;

/**
 * A {@code SourceVersionCommand} is an {@code LC_SOURCE_VERSION}: the source version
 * {@code A.B.C.D.E} packed as 24.10.10.10.10 bits.
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param version the packed version
 */
public record SourceVersionCommand(int cmd, long cmdsize, long fileOffset, long version) implements LoadCommand {
    /** Formats the version as otool does: {@code A.B.C.D.E}, trailing zero components kept. */
    public String text() {
        long a = version >>> 40;
        long b = (version >>> 30) & 0x3ff;
        long c = (version >>> 20) & 0x3ff;
        long d = (version >>> 10) & 0x3ff;
        long e = version & 0x3ff;
        return a + "." + b + "." + c + "." + d + "." + e;
    }
}
