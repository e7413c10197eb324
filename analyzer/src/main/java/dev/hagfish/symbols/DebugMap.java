package dev.hagfish.symbols;

import dev.hagfish.macho.Nlist;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code DebugMap} is what the stabs of a linked image say about where its debug information
 * lives before {@code dsymutil} runs: for each object file ({@code N_OSO}) its source
 * ({@code N_SO}) and the functions ({@code N_FUN}, with sizes from the closing {@code N_FUN}) and
 * variables ({@code N_STSYM}, {@code N_GSYM}) it contributed, at their linked addresses
 * ({@code <mach-o/stab.h>}; the layout ld64 and lld write).
 *
 * @param objects the object files in symbol-table order
 */
public record DebugMap(List<ObjectFile> objects) {
    /** Creates the record; the list is copied. */
    public DebugMap {
        objects = List.copyOf(objects);
    }

    /**
     * An {@code ObjectFile} is one {@code N_OSO} entry and what follows it.
     *
     * @param path the object's path as the linker saw it
     * @param mtime the object's modification time (0 when the linker zeroes it)
     * @param source the source file (directory and name of the {@code N_SO} entries)
     * @param entries the functions and variables
     */
    public record ObjectFile(String path, long mtime, String source, List<Entry> entries) {
        /** Creates the record; the list is copied. */
        public ObjectFile {
            entries = List.copyOf(entries);
        }
    }

    /**
     * An {@code Entry} is one function or variable of the map.
     *
     * @param name the linked symbol name
     * @param address the unslid address
     * @param size the size (functions; 0 for variables)
     * @param stabType {@code N_FUN}, {@code N_STSYM} or {@code N_GSYM}
     */
    public record Entry(String name, long address, long size, int stabType) {}

    /** Builds the map from an image's stabs, in symbol-table order. */
    public static DebugMap of(List<Nlist> stabs) {
        List<ObjectFile> out = new ArrayList<>();
        String dir = "";
        String file = "";
        String oso = null;
        long mtime = 0;
        List<Entry> entries = new ArrayList<>();
        String fun = null;
        long funAddr = 0;
        for (Nlist n : stabs) {
            switch (n.type()) {
                case Nlist.N_SO -> {
                    if (n.name().isEmpty()) {
                        if (oso != null) {
                            out.add(new ObjectFile(oso, mtime, dir + file, entries));
                        }
                        oso = null;
                        dir = "";
                        file = "";
                        entries = new ArrayList<>();
                    } else if (n.name().endsWith("/")) {
                        dir = n.name();
                    } else {
                        file = n.name();
                    }
                }
                case Nlist.N_OSO -> {
                    oso = n.name();
                    mtime = n.value();
                }
                case Nlist.N_FUN -> {
                    if (!n.name().isEmpty()) {
                        fun = n.name();
                        funAddr = n.value();
                    } else if (fun != null) {
                        entries.add(new Entry(fun, funAddr, n.value(), Nlist.N_FUN));
                        fun = null;
                    }
                }
                case Nlist.N_STSYM, Nlist.N_GSYM -> entries.add(new Entry(n.name(), n.value(), 0, n.type()));
                default -> { }
            }
        }
        if (oso != null) {
            out.add(new ObjectFile(oso, mtime, dir + file, entries));
        }
        return new DebugMap(out);
    }
}
