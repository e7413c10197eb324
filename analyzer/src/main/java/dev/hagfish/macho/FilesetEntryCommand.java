package dev.hagfish.macho;

/**
 * A {@code FilesetEntryCommand} is an {@code LC_FILESET_ENTRY} of an {@code MH_FILESET} kernel
 * collection: one Mach-O image inside the file (the kernel, or a kext).
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param vmaddr the unslid address of the entry's Mach-O header
 * @param fileoff the file offset of the entry's Mach-O header in the whole collection
 * @param entryId the entry's identifier, e.g. {@code com.apple.kernel}
 */
public record FilesetEntryCommand(int cmd, long cmdsize, long fileOffset, long vmaddr, long fileoff, String entryId)
        implements LoadCommand {}
