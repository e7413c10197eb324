package dev.hagfish.macho;

/**
 * A {@code SymtabCommand} is an {@code LC_SYMTAB}: where the nlist array and the string table are.
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param symoff file offset of the nlist array
 * @param nsyms number of nlist entries
 * @param stroff file offset of the string table
 * @param strsize size of the string table, in bytes
 */
public record SymtabCommand(int cmd, long cmdsize, long fileOffset, long symoff, long nsyms,
        long stroff, long strsize) implements LoadCommand {}
