package dev.hagfish.macho;

/**
 * A {@code PathCommand} is a load command whose payload is one path: {@code LC_LOAD_DYLINKER},
 * {@code LC_ID_DYLINKER}, {@code LC_DYLD_ENVIRONMENT} and {@code LC_RPATH}.
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param path the path
 */
public record PathCommand(int cmd, long cmdsize, long fileOffset, String path) implements LoadCommand {}
