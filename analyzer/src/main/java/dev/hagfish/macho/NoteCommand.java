package dev.hagfish.macho;

/**
 * A {@code NoteCommand} is an {@code LC_NOTE}: a named blob of data elsewhere in the file. Kernel
 * cores use the owners {@code "main bin spec"}, {@code "kern ver str"} and
 * {@code "addrable bits"} ({@code osfmk/kdp/core_notes.h}).
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param dataOwner the owner name (at most 16 bytes)
 * @param offset the file offset of the payload
 * @param size the payload size
 */
public record NoteCommand(int cmd, long cmdsize, long fileOffset, String dataOwner, long offset, long size)
        implements LoadCommand {}
