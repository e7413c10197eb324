package dev.hagfish.macho;

/**
 * A {@code LinkeditDataCommand} is one of the commands that name a blob in __LINKEDIT
 * ({@code linkedit_data_command}): {@code LC_FUNCTION_STARTS}, {@code LC_DATA_IN_CODE},
 * {@code LC_SEGMENT_SPLIT_INFO}, {@code LC_CODE_SIGNATURE}, {@code LC_DYLD_CHAINED_FIXUPS},
 * {@code LC_DYLD_EXPORTS_TRIE} and {@code LC_LINKER_OPTIMIZATION_HINT}.
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param dataoff file offset of the blob
 * @param datasize size of the blob
 */
public record LinkeditDataCommand(int cmd, long cmdsize, long fileOffset, long dataoff, long datasize)
        implements LoadCommand {}
