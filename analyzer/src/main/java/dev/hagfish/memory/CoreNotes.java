package dev.hagfish.memory;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.macho.LoadCommandType;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.MainBinSpec;
import dev.hagfish.macho.NoteCommand;
import dev.hagfish.macho.UuidCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code CoreNotes} are the LC_NOTEs of a kernel core that say which kernel it is of and where it
 * was loaded ({@code osfmk/kdp/core_notes.h}): {@code "main bin spec"} (UUID, load address, and in
 * version 2 the slide), {@code "kern ver str"} (the version banner) and {@code "addrable bits"}
 * (the number of bits of a virtual address in use). A raw dump has none ({@link #NONE}).
 *
 * <p>Notes of other owners are kept as they are. A note of a known owner whose version hagfish does
 * not know is skipped with a warning; one whose payload lies outside the file, or is too short for
 * its version, is malformed.
 *
 * @param mainBinSpec the {@code "main bin spec"} payload, if any
 * @param kernelVersion the {@code "kern ver str"} payload, if any
 * @param addressableBits the {@code "addrable bits"} count, if any
 * @param notes every LC_NOTE, in file order
 * @param warnings what was skipped, one line each
 */
public record CoreNotes(Optional<MainBinSpec> mainBinSpec, Optional<KernelVersionNote> kernelVersion,
        OptionalInt addressableBits, List<NoteCommand> notes, List<String> warnings) {
    /** The notes of a snapshot that has none (a raw dump). */
    public static final CoreNotes NONE = new CoreNotes(Optional.empty(), Optional.empty(), OptionalInt.empty(),
            List.of(), List.of());
    /** The data owner of the addressable-bits note. */
    public static final String ADDRABLE_BITS = "addrable bits";
    /** The longest {@code "kern ver str"} string read; XNU's buffer is far shorter. */
    private static final int MAX_VERSION = 4096;

    /** Creates the record; the lists are copied. */
    public CoreNotes {
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    /**
     * Decodes the notes of a core.
     *
     * @throws FormatException if a note's payload lies outside the file or is too short
     */
    public static CoreNotes decode(MachOFile core) throws FormatException {
        ByteSource src = core.source();
        MainBinSpec spec = null;
        KernelVersionNote version = null;
        Integer bits = null;
        List<String> warnings = new ArrayList<>();
        List<NoteCommand> notes = core.commands(NoteCommand.class);
        for (NoteCommand n : notes) {
            String where = "load command " + core.commands().indexOf(n) + " " + LoadCommandType.name(n.cmd()) + " \""
                    + n.dataOwner() + "\"";
            if (n.offset() < 0 || n.size() < 0 || n.offset() > src.size() || n.size() > src.size() - n.offset()) {
                throw new FormatException(src.describe(), n.fileOffset(), where + ": payload [0x"
                        + Long.toHexString(n.offset()) + ", +0x" + Long.toHexString(n.size())
                        + ") runs past the end of the file (size 0x" + Long.toHexString(src.size()) + ")");
            }
            if (n.size() < 4) {
                if (isKnown(n.dataOwner())) {
                    throw new FormatException(src.describe(), n.offset(), where + ": payload of " + n.size()
                            + " bytes has no version word");
                }
                continue;
            }
            int v = (int) src.u32(n.offset());
            switch (n.dataOwner()) {
                case MainBinSpec.OWNER -> {
                    if (v == 1 || v == 2) {
                        spec = MainBinSpec.decode(src, n.offset(), n.size());
                    } else {
                        warnings.add(where + ": version " + Integer.toUnsignedString(v) + " is not known; skipped");
                    }
                }
                case KernelVersionNote.OWNER -> {
                    if (v == 1) {
                        String text = src.cstring(n.offset() + 4, (int) Math.min(n.size() - 4, MAX_VERSION));
                        version = KernelVersionNote.of(v, text);
                    } else {
                        warnings.add(where + ": version " + Integer.toUnsignedString(v) + " is not known; skipped");
                    }
                }
                case ADDRABLE_BITS -> {
                    if (v == 3 && n.size() >= 8) {
                        bits = (int) src.u32(n.offset() + 4);
                    } else if (v == 3) {
                        throw new FormatException(src.describe(), n.offset(), where + ": payload of " + n.size()
                                + " bytes is too short for version 3");
                    } else {
                        warnings.add(where + ": version " + Integer.toUnsignedString(v) + " is not known; skipped");
                    }
                }
                default -> {
                    // Other owners ("load binary", "panic context", …) are kept in notes() only.
                }
            }
        }
        return new CoreNotes(Optional.ofNullable(spec), Optional.ofNullable(version),
                bits == null ? OptionalInt.empty() : OptionalInt.of(bits), notes, warnings);
    }

    private static boolean isKnown(String owner) {
        return owner.equals(MainBinSpec.OWNER) || owner.equals(KernelVersionNote.OWNER) || owner.equals(ADDRABLE_BITS);
    }

    /**
     * Returns the kernel's UUID as the notes give it: the main bin spec's (unless all zero), else
     * the one in the version string.
     */
    public Optional<String> uuid() {
        if (mainBinSpec.isPresent() && !Arrays.equals(mainBinSpec.get().uuid(), new byte[16])) {
            return Optional.of(UuidCommand.format(mainBinSpec.get().uuid()));
        }
        return kernelVersion.flatMap(KernelVersionNote::uuid);
    }
}
