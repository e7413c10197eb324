package dev.hagfish.macho;

/**
 * A {@code DyldInfoCommand} is an {@code LC_DYLD_INFO} or {@code LC_DYLD_INFO_ONLY}: the file
 * ranges of the rebase, bind, weak-bind, lazy-bind and export data.
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param rebaseOff file offset of the rebase opcodes
 * @param rebaseSize their size
 * @param bindOff file offset of the bind opcodes
 * @param bindSize their size
 * @param weakBindOff file offset of the weak-bind opcodes
 * @param weakBindSize their size
 * @param lazyBindOff file offset of the lazy-bind opcodes
 * @param lazyBindSize their size
 * @param exportOff file offset of the export trie
 * @param exportSize its size
 */
public record DyldInfoCommand(int cmd, long cmdsize, long fileOffset, long rebaseOff, long rebaseSize,
        long bindOff, long bindSize, long weakBindOff, long weakBindSize, long lazyBindOff,
        long lazyBindSize, long exportOff, long exportSize) implements LoadCommand {}
