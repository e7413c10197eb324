package dev.hagfish.memory;

import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.SegmentCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ImageSpace} is the kernel file's own segments as the running kernel maps them: every
 * segment with a memory size, moved by the KASLR slide. It gives {@code print}, {@code x} and
 * {@code dis} the kernel's text and static data with no snapshot at all, and fills in what a
 * snapshot lacks when it is layered under one. {@code __PAGEZERO} (no file bytes, address 0) is
 * left out.
 */
public final class ImageSpace {
    private ImageSpace() {}

    /** Returns the segments of {@code kernel} moved by {@code slide}, named {@code describe}. */
    public static SegmentSpace of(MachOFile kernel, long slide, String describe) {
        List<Mapping> maps = new ArrayList<>();
        for (SegmentCommand s : kernel.segments()) {
            if (s.vmsize() == 0 || (s.filesize() == 0 && s.vmaddr() == 0)) {
                continue;
            }
            maps.add(new Mapping(s.vmaddr() + slide, s.vmsize(), kernel.source(), s.fileoff(),
                    Math.min(s.filesize(), s.vmsize()), s.segName()));
        }
        return new SegmentSpace(describe, kernel.source().order(), maps);
    }
}
