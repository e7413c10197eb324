package dev.hagfish.cli;

import dev.hagfish.index.KernelRecord;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.MachHeader;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.MainBinSpec;
import dev.hagfish.macho.NoteCommand;
import dev.hagfish.macho.SegmentCommand;
import dev.hagfish.memory.AddressSpace;
import dev.hagfish.memory.ImageSpace;
import dev.hagfish.memory.Mapping;
import dev.hagfish.memory.SegmentSpace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code TargetShim} is a TEMPORARY stand-in for the target options of the memory work (the
 * {@code --core FILE | --raw FILE@BASE} mixin with slide detection, and {@code CoreFile}); it
 * is the one place {@code print} and {@code x} open their address space, so that the merge
 * replaces this class and nothing else. It gives the kernel file's own segments moved by the
 * slide ({@link ImageSpace}), with, when {@code --core} is given, the core's LC_SEGMENTs laid
 * over them (the core wins where both map an address). The slide is {@code --slide}, else the
 * core's "main bin spec" LC_NOTE slide, else 0.
 */
final class TargetShim {
    @Option(names = "--core", paramLabel = "FILE", description = "A Mach-O core (MH_CORE) of the kernel.")
    Path core;

    @Option(names = "--slide", paramLabel = "S", description = "The KASLR slide (default: the core's main bin spec note, else 0).")
    String slide;

    /** The opened target: the memory and the slide of the kernel in it. */
    record Target(AddressSpace memory, long slide) {}

    /** Opens the target of a kernel. */
    Target open(CommandLine cl, KernelRecord kernel) throws IOException {
        MachOFile image = MachOFile.open(ByteSource.open(Path.of(kernel.kernelPath())), kernel.arch());
        long s = slide != null ? Addresses.parse(cl, slide) : 0;
        if (core == null) {
            return new Target(ImageSpace.of(image, s, "kernel " + kernel.kernelPath()), s);
        }
        ByteSource src = ByteSource.open(core);
        MachOFile c = MachOFile.parse(src);
        if (c.header().fileType() != MachHeader.MH_CORE) {
            throw new FormatException(src.describe(), 12, "not a Mach-O core (MH_CORE) file");
        }
        if (slide == null) {
            s = noteSlide(src, c);
        }
        List<Mapping> top = new ArrayList<>();
        for (SegmentCommand seg : c.segments()) {
            if (seg.vmsize() != 0) {
                if (Long.compareUnsigned(seg.fileoff() + Math.min(seg.filesize(), seg.vmsize()), src.size()) > 0) {
                    throw new FormatException(src.describe(), seg.fileOffset(), "segment at " + Unsigned.hex(seg.vmaddr())
                            + " runs past the end of the file");
                }
                top.add(new Mapping(seg.vmaddr(), seg.vmsize(), src, seg.fileoff(), Math.min(seg.filesize(), seg.vmsize()),
                        "core segment " + Unsigned.hex(seg.vmaddr())));
            }
        }
        List<Mapping> all = new ArrayList<>(top);
        for (Mapping m : ImageSpace.of(image, s, "kernel").mappings()) {
            all.addAll(outside(m, top));
        }
        return new Target(new SegmentSpace("core " + core, src.order(), all), s);
    }

    private static long noteSlide(ByteSource src, MachOFile c) throws FormatException {
        for (NoteCommand n : c.commands(NoteCommand.class)) {
            if (n.dataOwner().equals(MainBinSpec.OWNER)) {
                MainBinSpec spec = MainBinSpec.decode(src, n.offset(), n.size());
                if (spec.slide() != -1L) {
                    return spec.slide();
                }
            }
        }
        return 0;
    }

    /** The parts of {@code m} that no mapping of {@code over} covers. */
    private static List<Mapping> outside(Mapping m, List<Mapping> over) {
        List<Mapping> pieces = List.of(m);
        for (Mapping o : over) {
            List<Mapping> next = new ArrayList<>();
            for (Mapping p : pieces) {
                long pEnd = p.start() + p.vmsize();
                long oEnd = o.start() + o.vmsize();
                if (Long.compareUnsigned(oEnd, p.start()) <= 0 || Long.compareUnsigned(pEnd, o.start()) <= 0) {
                    next.add(p);
                    continue;
                }
                if (Long.compareUnsigned(p.start(), o.start()) < 0) {
                    next.add(piece(p, p.start(), o.start()));
                }
                if (Long.compareUnsigned(oEnd, pEnd) < 0) {
                    next.add(piece(p, oEnd, pEnd));
                }
            }
            pieces = next;
        }
        return pieces;
    }

    private static Mapping piece(Mapping p, long from, long to) {
        long skip = from - p.start();
        long size = to - from;
        long file = Math.max(0, Math.min(size, p.filesize() - skip));
        return new Mapping(from, size, p.source(), p.fileoff() + skip, file, p.name());
    }
}
