package dev.hagfish.macho;

/**
 * A {@code LoadCommand} is one entry of a Mach-O file's load commands. The family is sealed; each
 * variant keeps the raw command code, its size and the file offset where it starts, so that
 * messages and {@code otool -l}-style listings can point at it. Commands hagfish does not decode
 * become {@link UnknownCommand}s that keep their bytes.
 */
public sealed interface LoadCommand
        permits SegmentCommand, SymtabCommand, DysymtabCommand, UuidCommand, DyldInfoCommand,
                ThreadCommand, EntryPointCommand, NoteCommand, LinkeditDataCommand, VersionMinCommand,
                BuildVersionCommand, SourceVersionCommand, DylibCommand, PathCommand, FilesetEntryCommand,
                UnknownCommand {

    /** Returns the raw {@code cmd} code. */
    int cmd();

    /** Returns the {@code cmdsize}, in bytes. */
    long cmdsize();

    /** Returns the absolute file offset of the command. */
    long fileOffset();

    /**
     * Returns the {@code LC_*} name of the command. (Not {@code name()}: record components such
     * as a dylib's {@code name} would hide it.)
     */
    default String cmdName() {
        return LoadCommandType.name(cmd());
    }
}
