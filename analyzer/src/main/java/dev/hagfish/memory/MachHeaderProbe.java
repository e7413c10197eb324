package dev.hagfish.memory;

import dev.hagfish.macho.LoadCommandType;
import dev.hagfish.macho.MachHeader;
import dev.hagfish.macho.UuidCommand;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code MachHeaderProbe} reads the LC_UUID of a Mach-O header loaded in memory ({@code <mach-o/loader.h>}:
 * {@code mach_header_64}, then {@code ncmds} load commands of {@code cmdsize} bytes each). It reads
 * only the header and the load commands, checking every size against {@code sizeofcmds}, and
 * treats anything malformed or unmapped as "no header here".
 */
public final class MachHeaderProbe {
    /** The most load commands walked; a kernel has a few dozen. */
    private static final long MAX_COMMANDS = 4096;
    /** The largest {@code sizeofcmds} believed. */
    private static final long MAX_SIZEOFCMDS = 1 << 20;

    private MachHeaderProbe() {}

    /** Whether the 32-bit word at {@code addr} is a Mach-O magic (0xfeedfacf or 0xfeedface). */
    public static boolean hasMagic(AddressSpace memory, long addr) {
        try {
            long magic = memory.u32(addr);
            return magic == MachHeader.MH_MAGIC_64 || magic == MachHeader.MH_MAGIC;
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns the UUID of the Mach-O header at {@code addr}, upper-case, or empty. */
    public static Optional<String> uuid(AddressSpace memory, long addr) {
        try {
            long magic = memory.u32(addr);
            int headerSize;
            if (magic == MachHeader.MH_MAGIC_64) {
                headerSize = 32;
            } else if (magic == MachHeader.MH_MAGIC) {
                headerSize = 28;
            } else {
                return Optional.empty();
            }
            long ncmds = memory.u32(addr + 16);
            long sizeofcmds = memory.u32(addr + 20);
            if (ncmds > MAX_COMMANDS || sizeofcmds > MAX_SIZEOFCMDS) {
                return Optional.empty();
            }
            long off = headerSize;
            long end = headerSize + sizeofcmds;
            for (long i = 0; i < ncmds && end - off >= 8; i++) {
                long cmd = memory.u32(addr + off);
                long cmdsize = memory.u32(addr + off + 4);
                if (cmdsize < 8 || cmdsize > end - off) {
                    return Optional.empty();
                }
                if (cmd == LoadCommandType.LC_UUID && cmdsize >= 24) {
                    return Optional.of(UuidCommand.format(memory.read(addr + off + 8, 16)));
                }
                off += cmdsize;
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
