package dev.hagfish.cli;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.Unsigned;
import dev.hagfish.image.KernelImage;
import dev.hagfish.macho.FatFile;
import dev.hagfish.macho.FatSlice;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.SegmentCommand;
import dev.hagfish.macho.UuidCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hagfish macho info FILE}: header, UUID, slices, file type, version, segments and entry. */
@Command(name = "info", description = "Header, UUID, arch slices, file type, version string, segments and entry.")
final class MachoInfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MachoFileOptions file;

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Option(names = "--dsym", paramLabel = "PATH",
            description = "The kernel's dSYM: the bundle or the DWARF file inside it (default: FILE.dSYM beside FILE).")
    java.nio.file.Path dsym;

    @picocli.CommandLine.Option(names = "--force", description = "Pair with the dSYM even if the UUIDs differ.")
    boolean force;

    /** One segment row. */
    record SegmentRow(String name, String vmaddr, String vmsize, long fileoff, long filesize, String prot, int sections) {}

    /** One slice of a universal file. */
    record SliceRow(String arch, long offset, long size) {}

    /** The JSON shape of {@code macho info}. */
    record Info(String file, String arch, String filetype, String uuid, List<SliceRow> slices, String cputype,
            int cpusubtype, long ncmds, long sizeofcmds, String flags, String base, String entry, String version,
            String dsym, List<SegmentRow> segments) {}

    @Override
    public Integer call() throws IOException {
        ByteSource src = ByteSource.open(file.file);
        List<SliceRow> slices = new ArrayList<>();
        if (FatFile.isFat(src)) {
            for (FatSlice s : FatFile.slices(src)) {
                slices.add(new SliceRow(s.archName(), s.offset(), s.size()));
            }
        }
        MachOFile f = MachOFile.open(src, slices.size() > 1 && file.arch == null ? slices.get(0).arch() : file.arch);
        var segs = new ArrayList<SegmentRow>();
        for (SegmentCommand s : f.segments()) {
            segs.add(new SegmentRow(s.segName(), Unsigned.hex(s.vmaddr()), Unsigned.shortHex(s.vmsize()), s.fileoff(),
                    s.filesize(), prot(s.initprot()) + "/" + prot(s.maxprot()), s.sections().size()));
        }
        String version = KernelImage.version(f).orElse(null);
        String entry = KernelImage.entry(f).map(Unsigned::hex).orElse(null);
        String base = f.segments().isEmpty() ? null : Unsigned.hex(KernelImage.base(f));
        String dsymPath = null;
        if (f.uuid().isPresent() && f.header().fileType() != dev.hagfish.macho.MachHeader.MH_DSYM) {
            // Pairs with FILE.dSYM or --dsym, refusing a UUID mismatch unless --force.
            dsymPath = KernelImage.pair(f, file.file, dsym, force).dsymPath()
                    .map(Object::toString).orElse(null);
        }
        Info info = new Info(file.file.toString(), f.archName(), f.header().fileTypeName(),
                f.uuid().map(UuidCommand::text).orElse(null), slices, "0x" + Integer.toHexString(f.header().cpuType().code()),
                f.header().cpuSubtype() & 0x00ffffff, f.header().ncmds(), f.header().sizeofcmds(),
                "0x" + Long.toHexString(f.header().flags()), base, entry, version, dsymPath, segs);
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            Json.write(out, info);
        } else {
            print(out, info);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String prot(int p) {
        return ((p & 1) != 0 ? "r" : "-") + ((p & 2) != 0 ? "w" : "-") + ((p & 4) != 0 ? "x" : "-");
    }

    private static void print(PrintWriter out, Info i) {
        out.println("file:      " + i.file());
        if (!i.slices().isEmpty()) {
            out.println("slices:    " + String.join(", ", i.slices().stream()
                    .map(s -> s.arch() + " (offset " + s.offset() + ", size " + s.size() + ")").toList()));
        }
        out.println("arch:      " + i.arch());
        out.println("filetype:  " + i.filetype());
        out.println("uuid:      " + (i.uuid() == null ? "(none)" : i.uuid()));
        out.println("flags:     " + i.flags());
        out.println("commands:  " + i.ncmds() + " (" + i.sizeofcmds() + " bytes)");
        if (i.base() != null) {
            out.println("base:      " + i.base());
        }
        if (i.entry() != null) {
            out.println("entry:     " + i.entry());
        }
        if (i.version() != null) {
            out.println("version:   " + i.version());
        }
        if (i.dsym() != null) {
            out.println("dsym:      " + i.dsym());
        }
        out.println();
        out.printf("%-16s %-18s %-12s %-10s %-10s %-7s %s%n", "segment", "vmaddr", "vmsize", "fileoff", "filesize",
                "prot", "sections");
        for (SegmentRow s : i.segments()) {
            out.printf("%-16s %-18s %-12s %-10d %-10d %-7s %d%n", s.name(), s.vmaddr(), s.vmsize(), s.fileoff(),
                    s.filesize(), s.prot(), s.sections());
        }
    }
}
