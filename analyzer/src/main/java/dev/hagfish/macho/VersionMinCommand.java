package dev.hagfish.macho;

/**
 * A {@code VersionMinCommand} is an {@code LC_VERSION_MIN_MACOSX}, {@code _IPHONEOS},
 * {@code _TVOS} or {@code _WATCHOS}: the minimum OS version and the SDK, each encoded as
 * {@code xxxx.yy.zz} in nibbles.
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param version the minimum OS version, encoded
 * @param sdk the SDK version, encoded
 */
public record VersionMinCommand(int cmd, long cmdsize, long fileOffset, long version, long sdk)
        implements LoadCommand {
    /** Formats an encoded {@code xxxx.yy.zz} version as otool does ({@code 10.7} or {@code 10.7.1}). */
    public static String format(long v) {
        long major = v >>> 16;
        long minor = (v >>> 8) & 0xff;
        long patch = v & 0xff;
        return patch == 0 ? major + "." + minor : major + "." + minor + "." + patch;
    }
}
