package dev.hagfish.cli;

import dev.hagfish.dwarf.DwarfSummary;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hagfish dwarf info FILE}: the units (versions, producers), section sizes and accelerator
 * tables of a file's DWARF.
 */
@Command(name = "info", description = "Units, versions, producers, section sizes and accelerator tables of a file's DWARF.")
final class DwarfInfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MachoFileOptions file;

    @Mixin
    CommonOptions common;

    /** The JSON shape: the file, the slice and the summary. */
    record Info(String file, String arch, DwarfSummary dwarf) {}

    @Override
    public Integer call() throws IOException {
        var f = file.open();
        DwarfSummary s = DwarfSummary.of(DwarfLoader.fromMachO(f));
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            Json.write(out, new Info(file.file.toString(), f.archName(), s));
        } else {
            out.println("file: " + file.file + " (" + f.archName() + ")");
            out.println("accelerator tables: " + accel(s));
            out.println();
            out.printf("%-20s %s%n", "section", "size");
            s.sections().forEach((k, v) -> out.printf("%-20s %d%n", k, v));
            out.println();
            out.printf("%-10s %-10s %-7s %-4s %-7s %s%n", "offset", "length", "format", "ver", "addr", "name / producer");
            for (var u : s.units()) {
                out.printf("%-10s %-10s %-7s %-4d %-7d %s / %s%n", Unsigned.shortHex(u.offset()),
                        Unsigned.shortHex(u.length()), u.format(), u.version(), u.addressSize(), u.name(), u.producer());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String accel(DwarfSummary s) {
        StringBuilder b = new StringBuilder();
        if (s.appleNames()) {
            b.append("apple_names ");
        }
        if (s.appleTypes()) {
            b.append("apple_types ");
        }
        if (s.appleNamespaces()) {
            b.append("apple_namespaces ");
        }
        if (s.appleObjc()) {
            b.append("apple_objc ");
        }
        if (s.debugNames()) {
            b.append("debug_names ");
        }
        return b.length() == 0 ? "none" : b.toString().strip();
    }
}
