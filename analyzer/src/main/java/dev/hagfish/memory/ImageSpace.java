package dev.hagfish.memory;

import dev.hagfish.io.FormatException;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.LoadCommandType;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.SegmentCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ImageSpace} is the kernel file's own segments as the running kernel maps them: every
 * segment with a memory size, moved by the KASLR slide. It gives {@code print}, {@code x} and
 * {@code dis} the kernel's text and static data with no snapshot at all ({@link #of}), and fills in
 * what a snapshot lacks when it is layered under one ({@link #readOnly}, with
 * {@link LayeredSpace}). {@code __PAGEZERO} (no file bytes, address 0) is left out.
 *
 * <p>The slide is applied here, once: a segment at unslid {@code vmaddr} is mapped at
 * {@code vmaddr + slide}.
 */
public final class ImageSpace {
    /** {@code VM_PROT_WRITE} of {@code <mach/vm_prot.h>}. */
    private static final int VM_PROT_WRITE = 2;

    private ImageSpace() {}

    /**
     * Returns every segment of {@code kernel} moved by {@code slide}, named {@code describe}.
     *
     * @throws FormatException if a segment's file bytes lie past the end of the file, a segment
     *     runs past 2^64, or two segments overlap
     */
    public static SegmentSpace of(MachOFile kernel, long slide, String describe) throws FormatException {
        return build(kernel, slide, describe, false);
    }

    /**
     * Returns the segments of {@code kernel} that the running kernel cannot have changed, moved by
     * {@code slide}: those mapped without {@code VM_PROT_WRITE} ({@code __TEXT},
     * {@code __LINKEDIT}, {@code __TEXT_EXEC}, …) and those named {@code *_CONST}
     * ({@code __DATA_CONST}, which XNU write-protects after its boot-time fixups). Under a snapshot
     * they fill in the code and constants the snapshot left out, never stale data.
     *
     * @throws FormatException as {@link #of}
     */
    public static SegmentSpace readOnly(MachOFile kernel, long slide, String describe) throws FormatException {
        return build(kernel, slide, describe, true);
    }

    /** Whether the running kernel keeps this segment as the file has it. */
    public static boolean isReadOnly(SegmentCommand s) {
        return (s.initprot() & VM_PROT_WRITE) == 0 || s.segName().endsWith("_CONST");
    }

    private static SegmentSpace build(MachOFile kernel, long slide, String describe, boolean readOnly)
            throws FormatException {
        String file = kernel.source().describe();
        List<Mapping> maps = new ArrayList<>();
        List<SegmentCommand> used = new ArrayList<>();
        for (SegmentCommand s : kernel.segments()) {
            if (s.vmsize() == 0 || (s.filesize() == 0 && s.vmaddr() == 0) || (readOnly && !isReadOnly(s))) {
                continue;
            }
            long fileBytes = Unsigned.min(s.filesize(), s.vmsize());
            if (s.fileoff() < 0 || fileBytes < 0 || fileBytes > kernel.source().size() - s.fileoff()) {
                throw new FormatException(file, s.fileOffset(), segment(kernel, s) + ": file bytes [0x"
                        + Long.toHexString(s.fileoff()) + ", +0x" + Long.toHexString(fileBytes)
                        + ") run past the end of the file (size 0x" + Long.toHexString(kernel.source().size()) + ")");
            }
            Mapping m = new Mapping(s.vmaddr() + slide, s.vmsize(), kernel.source(), s.fileoff(), fileBytes,
                    s.segName());
            if (SegmentSpace.wraps(m)) {
                throw new FormatException(file, s.fileOffset(), segment(kernel, s) + " at "
                        + Unsigned.hex(m.start()) + " (slide 0x" + Long.toHexString(slide)
                        + ") runs past the top of the address space");
            }
            maps.add(m);
            used.add(s);
        }
        Optional<List<Mapping>> overlap = SegmentSpace.overlap(maps);
        if (overlap.isPresent()) {
            SegmentCommand b = used.get(maps.indexOf(overlap.get().get(1)));
            throw new FormatException(file, b.fileOffset(), segment(kernel, b) + " " + overlap.get().get(1).range()
                    + " overlaps " + overlap.get().get(0).range());
        }
        return new SegmentSpace(describe, kernel.source().order(), maps);
    }

    private static String segment(MachOFile kernel, SegmentCommand s) {
        return "load command " + kernel.commands().indexOf(s) + " " + LoadCommandType.name(s.cmd()) + " "
                + s.segName();
    }
}
