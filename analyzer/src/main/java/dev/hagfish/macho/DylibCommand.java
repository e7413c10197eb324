package dev.hagfish.macho;

/**
 * A {@code DylibCommand} is an {@code LC_ID_DYLIB}, {@code LC_LOAD_DYLIB},
 * {@code LC_LOAD_WEAK_DYLIB}, {@code LC_REEXPORT_DYLIB}, {@code LC_LAZY_LOAD_DYLIB} or
 * {@code LC_LOAD_UPWARD_DYLIB}: a dynamic library's install name and versions.
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param name the install name
 * @param timestamp the build time stamp
 * @param currentVersion the current version, encoded as {@code xxxx.yy.zz}
 * @param compatibilityVersion the compatibility version, encoded
 */
public record DylibCommand(int cmd, long cmdsize, long fileOffset, String name, long timestamp,
        long currentVersion, long compatibilityVersion) implements LoadCommand {}
