package dev.hagfish.macho;

/**
 * An {@code EntryPointCommand} is an {@code LC_MAIN}: the entry point as a file offset in __TEXT.
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param entryOff the entry point's offset from the start of __TEXT
 * @param stackSize the initial stack size, or 0
 */
public record EntryPointCommand(int cmd, long cmdsize, long fileOffset, long entryOff, long stackSize)
        implements LoadCommand {}
