package dev.hagfish.macho;

import java.util.List;

/**
 * A {@code ThreadCommand} is an {@code LC_THREAD} or {@code LC_UNIXTHREAD}: one or more register
 * states of a thread.
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param states the flavors, in file order
 */
public record ThreadCommand(int cmd, long cmdsize, long fileOffset, List<ThreadState> states)
        implements LoadCommand {
    /** Creates the record; the list is copied. */
    public ThreadCommand {
        states = List.copyOf(states);
    }
}
