package dev.hagfish.cli;

import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.Nlist;
import dev.hagfish.symbols.Demangler;
import dev.hagfish.symbols.Symbol;
import dev.hagfish.symbols.SymbolTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hagfish macho symbols FILE}: the symbol table sorted by address, as {@code llvm-nm -n}
 * prints it (undefined symbols first, then by unsigned address, then by name); {@code --stabs}
 * adds the debugging entries as {@code llvm-nm -a} does.
 */
@Command(name = "symbols", description = "The symbol table, like llvm-nm -n (with --stabs, like llvm-nm -n -a).")
final class MachoSymbolsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MachoFileOptions file;

    @Mixin
    CommonOptions common;

    @Option(names = "--demangle", description = "Demangle C++ names (JSON records carry both forms).")
    boolean demangle;

    @Option(names = "--defined", description = "Only symbols defined in the file.")
    boolean definedOnly;

    @Option(names = "--undefined", description = "Only undefined symbols.")
    boolean undefinedOnly;

    @Option(names = "--stabs", description = "Also list the debugging (stab) entries.")
    boolean stabs;

    /**
     * One line of the listing (the JSON shape of each record).
     *
     * @param address hex address, or null for undefined symbols
     * @param type the llvm-nm type letter, or "-" for stabs
     * @param name the name as stored
     * @param demangled the demangled name (with --demangle)
     * @param size the derived size in hex (defined symbols)
     * @param section "segment,section" (section symbols)
     * @param stab the stab type name (stabs)
     * @param sect the n_sect of a stab
     * @param desc the n_desc of a stab
     */
    record Row(String address, String type, String name, String demangled, String size, String section, String stab,
            Integer sect, Integer desc) {}

    /** The JSON shape: the file, the slice and the rows. */
    record Listing(String file, String arch, List<Row> symbols) {}

    private record Entry(boolean defined, long address, String name, Row row) {}

    @Override
    public Integer call() throws IOException {
        MachOFile f = file.open();
        SymbolTable table = SymbolTable.of(f);
        List<Entry> entries = new ArrayList<>();
        for (Symbol s : table.symbols()) {
            boolean defined = s.isDefined();
            if ((definedOnly && !defined) || (undefinedOnly && defined)) {
                continue;
            }
            String addr = defined || s.address() != 0 ? Unsigned.hex(s.address()) : null;
            entries.add(new Entry(defined, s.address(), s.name(), new Row(addr, String.valueOf(s.nmType()), s.name(),
                    demangle ? Demangler.demangle(s.name()) : null, defined ? Unsigned.shortHex(s.size()) : null,
                    s.section().isEmpty() ? null : s.section(), null, null, null)));
        }
        if (stabs && !undefinedOnly) {
            for (Nlist n : table.stabs()) {
                entries.add(new Entry(true, n.value(), n.name(), new Row(Unsigned.hex(n.value()), "-", n.name(),
                        demangle ? Demangler.demangle(n.name()) : null, null, null, StabNames.of(n.type()),
                        n.sect(), n.desc())));
            }
        }
        entries.sort(Comparator.comparing(Entry::defined)
                .thenComparing(Entry::address, Long::compareUnsigned)
                .thenComparing(Entry::name));
        List<Row> rows = entries.stream().map(Entry::row).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            Json.write(out, new Listing(file.file.toString(), f.archName(), rows));
        } else {
            boolean wide = f.header().is64();
            for (Row r : rows) {
                out.println(text(r, wide));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Formats a row as llvm-nm does: 16 (or 8) hex digits, the letter, the name. */
    static String text(Row r, boolean wide) {
        String name = r.demangled() != null ? r.demangled() : r.name();
        String addr;
        if (r.address() == null) {
            addr = " ".repeat(wide ? 16 : 8);
        } else {
            String hex = r.address().substring(2);
            addr = wide ? hex : hex.substring(8);
        }
        if (r.stab() != null) {
            return String.format("%s - %02x %04x %5s %s", addr, r.sect(), r.desc(), r.stab(), name);
        }
        return addr + " " + r.type() + " " + name;
    }
}
