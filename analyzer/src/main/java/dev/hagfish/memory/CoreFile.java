package dev.hagfish.memory;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.LoadCommandType;
import dev.hagfish.macho.MachHeader;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.SegmentCommand;
import dev.hagfish.macho.ThreadCommand;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code CoreFile} is a Mach-O {@code MH_CORE} file as an address space: each
 * {@code LC_SEGMENT_64} (or {@code LC_SEGMENT}) maps {@code [vmaddr, vmaddr + vmsize)} onto
 * {@code filesize} bytes of the file from {@code fileoff}, and the rest of {@code vmsize} reads as
 * zeros (a zero-fill page: {@code filesize} 0). It also holds the core's {@code LC_THREAD} register
 * states and its {@link CoreNotes} (which kernel, where).
 *
 * <p>Validation, at open:
 * <ul>
 *   <li>the file type must be {@code MH_CORE};
 *   <li>a segment whose file bytes run past the end of the file means a truncated core: the error
 *       names the segment and how many bytes are missing;
 *   <li>{@code filesize} may not exceed {@code vmsize}, and no segment may run past 2^64;
 *   <li><b>overlapping segments are an error</b> naming both load commands: a core is a snapshot of
 *       one address space, so two segments that claim the same address contradict each other and
 *       no rule for choosing one would be safe.
 * </ul>
 *
 * <p>Instances are immutable and safe to share between threads; the file stays memory-mapped.
 */
public final class CoreFile implements AddressSpace {
    private final MachOFile macho;
    private final SegmentSpace space;
    private final CoreNotes notes;

    private CoreFile(MachOFile macho, SegmentSpace space, CoreNotes notes) {
        this.macho = macho;
        this.space = space;
        this.notes = notes;
    }

    /**
     * Opens a core.
     *
     * @param src the core's bytes (a mapped file, or an inflated copy of a compressed one)
     * @throws FormatException if the file is not a well-formed {@code MH_CORE} (see the class
     *     comment)
     */
    public static CoreFile open(ByteSource src) throws FormatException {
        MachOFile m = MachOFile.parse(src);
        if (m.header().fileType() != MachHeader.MH_CORE) {
            throw new FormatException(src.describe(), 12, "not a core file: file type is "
                    + m.header().fileTypeName() + ", not MH_CORE");
        }
        List<Mapping> maps = new ArrayList<>();
        List<SegmentCommand> segs = m.segments();
        FormatException truncated = null;
        int more = 0;
        for (int i = 0; i < segs.size(); i++) {
            try {
                maps.add(mapping(m, segs.get(i), i));
            } catch (FormatException e) {
                if (truncated == null) {
                    truncated = e;
                } else {
                    more++;
                }
            }
        }
        if (truncated != null) {
            throw more == 0 ? truncated : new FormatException(truncated.source(), truncated.offset(), truncated.detail()
                    + " (and " + more + " more segment" + (more == 1 ? "" : "s") + " past it)");
        }
        Optional<List<Mapping>> overlap = SegmentSpace.overlap(maps);
        if (overlap.isPresent()) {
            SegmentCommand a = segs.get(maps.indexOf(overlap.get().get(0)));
            SegmentCommand b = segs.get(maps.indexOf(overlap.get().get(1)));
            throw new FormatException(src.describe(), b.fileOffset(), name(m, b) + " " + overlap.get().get(1).range()
                    + " overlaps " + name(m, a) + " " + overlap.get().get(0).range());
        }
        return new CoreFile(m, new SegmentSpace("core " + src.describe(), m.source().order(), maps), CoreNotes.decode(m));
    }

    private static Mapping mapping(MachOFile m, SegmentCommand s, int index) throws FormatException {
        ByteSource src = m.source();
        String where = name(m, s) + " [" + Unsigned.hex(s.vmaddr()) + ", +0x" + Long.toHexString(s.vmsize()) + ")";
        if (Long.compareUnsigned(s.filesize(), s.vmsize()) > 0) {
            throw new FormatException(src.describe(), s.fileOffset(), where + ": filesize 0x"
                    + Long.toHexString(s.filesize()) + " exceeds vmsize");
        }
        if (s.fileoff() < 0 || s.filesize() < 0 || s.fileoff() > src.size() - s.filesize()) {
            long missing = s.fileoff() < 0 || s.filesize() < 0 ? s.filesize()
                    : s.fileoff() > src.size() ? s.filesize() : s.fileoff() + s.filesize() - src.size();
            throw new FormatException(src.describe(), s.fileOffset(), where + ": file bytes [0x"
                    + Long.toHexString(s.fileoff()) + ", 0x" + Long.toHexString(s.fileoff() + s.filesize())
                    + ") run past the end of the file (size 0x" + Long.toHexString(src.size()) + "): 0x"
                    + Long.toHexString(missing) + " bytes are missing; the core is truncated");
        }
        String label = s.segName().isEmpty() ? "segment " + index : s.segName();
        Mapping map = new Mapping(s.vmaddr(), s.vmsize(), src, s.fileoff(), s.filesize(), label);
        if (SegmentSpace.wraps(map)) {
            throw new FormatException(src.describe(), s.fileOffset(), where + " runs past the top of the address space");
        }
        return map;
    }

    private static String name(MachOFile m, SegmentCommand s) {
        return "load command " + m.commands().indexOf(s) + " " + LoadCommandType.name(s.cmd())
                + (s.segName().isEmpty() ? "" : " " + s.segName());
    }

    /** Returns the Mach-O view of the core: header and load commands. */
    public MachOFile macho() {
        return macho;
    }

    /** Returns the architecture the core was taken on, e.g. {@code x86_64}. */
    public String arch() {
        return macho.archName();
    }

    /** Returns the LC_NOTEs that say which kernel this is a core of. */
    public CoreNotes notes() {
        return notes;
    }

    /** Returns the threads ({@code LC_THREAD}), in file order; the first is the one that stopped. */
    public List<ThreadCommand> threads() {
        return macho.commands(ThreadCommand.class);
    }

    /** Returns the segments as mapped, sorted by address. */
    public List<Mapping> mappings() {
        return space.mappings();
    }

    @Override
    public String describe() {
        return space.describe();
    }

    @Override
    public ByteOrder order() {
        return space.order();
    }

    @Override
    public List<MappedRange> ranges() {
        return space.ranges();
    }

    @Override
    public List<MappedRange> dataRanges() {
        return space.dataRanges();
    }

    @Override
    public void read(long addr, byte[] dst, int off, int len) throws IOException {
        space.read(addr, dst, off, len);
    }
}
