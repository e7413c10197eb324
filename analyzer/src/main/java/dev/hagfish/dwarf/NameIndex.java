package dev.hagfish.dwarf;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A {@code NameIndex} answers "which DIEs are called X?" for one file: from its Apple accelerator
 * tables ({@code apple_names}, {@code apple_types}, {@code apple_namespaces}) when it has them,
 * else from DWARF 5 {@code .debug_names}, else by reading every DIE. The three give the same
 * answer for files that dsymutil (LLVM 19) linked, because the scan files DIEs by the rule that
 * dsymutil uses to fill the tables, as observed on the sample dSYMs:
 *
 * <ul>
 *   <li><b>Code and globals</b> (Apple: {@code apple_names}): every DIE except the unit DIE that
 *       has {@code DW_AT_low_pc} or {@code DW_AT_ranges} (subprograms, inlined subroutines,
 *       labels), every {@code DW_TAG_variable} whose {@code DW_AT_location} expression starts
 *       with {@code DW_OP_addr} or {@code DW_OP_addrx} (globals and function-local statics),
 *       and every {@code DW_TAG_variable} with {@code DW_AT_const_value} outside any subprogram.
 *       Such a DIE is filed under its linkage name ({@code DW_AT_linkage_name} or
 *       {@code DW_AT_MIPS_linkage_name}) when that differs from its name, under its
 *       {@code DW_AT_name}, and, when the name ends in a template argument list and differs from
 *       the linkage name, under the name without that list ({@code f<int>} → {@code f}; not for
 *       inlined subroutines). Both names are looked up through {@code DW_AT_specification} and
 *       {@code DW_AT_abstract_origin}, so an inlined subroutine is filed under its abstract
 *       origin's names.
 *   <li><b>Namespaces</b> ({@code apple_namespaces}): every {@code DW_TAG_namespace}, under its
 *       name or {@code "(anonymous namespace)"}; every named {@code DW_TAG_imported_declaration}.
 *   <li><b>Types</b> ({@code apple_types}): every type DIE (structure, class, union, enumeration,
 *       typedef, base, pointer, reference, array, subroutine, qualifier, … types) that is not a
 *       {@code DW_AT_declaration} and has a non-empty name (looked up as above).
 * </ul>
 *
 * <p>clang's own tables in unlinked object files follow the same rule except that they lack the
 * names without template arguments (on the i386 sample objects, {@code countMatching} is the one
 * name the scan adds).
 *
 * <p>{@code .debug_names} holds the union of the three; so does {@link #lookup}. The
 * {@code apple_objc} table (Objective-C classes to their methods) is not consulted, and the scan
 * derives no Objective-C selector names: kernels have no Objective-C.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class NameIndex {
    /** Where the answers come from. */
    public enum Source {
        /** The Apple hash tables of a DWARF 2–4 dSYM or object. */
        APPLE_TABLES,
        /** DWARF 5 {@code .debug_names}. */
        DEBUG_NAMES,
        /** A full scan of {@code .debug_info}. */
        DIE_SCAN
    }

    private static final List<String> APPLE_SECTIONS = List.of("apple_names", "apple_types", "apple_namespaces");

    private final Source source;
    private final List<AppleAccelTable> apple;
    private final DebugNames debugNames;
    private final Map<String, long[]> scanned;

    private NameIndex(Source source, List<AppleAccelTable> apple, DebugNames debugNames,
            Map<String, long[]> scanned) {
        this.source = source;
        this.apple = List.copyOf(apple);
        this.debugNames = debugNames;
        this.scanned = scanned;
    }

    /**
     * Returns the index of a file: its Apple tables if it has any of {@code apple_names},
     * {@code apple_types} or {@code apple_namespaces}, else its {@code .debug_names}, else a scan.
     *
     * @throws FormatException if a table's header is invalid, or (for a scan) a DIE cannot be read
     */
    public static NameIndex of(DwarfSections sections) throws FormatException {
        List<AppleAccelTable> apple = new ArrayList<>();
        for (String name : APPLE_SECTIONS) {
            Optional<ByteSource> table = sections.get(name);
            if (table.isPresent()) {
                apple.add(AppleAccelTable.parse(table.get(), sections.require("debug_str")));
            }
        }
        if (!apple.isEmpty()) {
            return new NameIndex(Source.APPLE_TABLES, apple, null, null);
        }
        Optional<ByteSource> names = sections.get("debug_names");
        if (names.isPresent()) {
            return new NameIndex(Source.DEBUG_NAMES, List.of(),
                    DebugNames.parse(names.get(), sections.require("debug_str")), null);
        }
        return scan(sections);
    }

    /**
     * Returns the index built by reading every DIE, whatever tables the file has.
     *
     * @throws FormatException if a unit or DIE cannot be decoded
     */
    public static NameIndex scan(DwarfSections sections) throws FormatException {
        return new NameIndex(Source.DIE_SCAN, List.of(), null, DieNameScan.scan(sections));
    }

    /** Returns where the answers come from. */
    public Source source() {
        return source;
    }

    /**
     * Returns the {@code .debug_info} offsets of the DIEs filed under {@code name}, sorted and
     * each once; empty if there are none.
     *
     * @throws FormatException if the table data the lookup reads is malformed
     */
    public List<Long> lookup(String name) throws FormatException {
        TreeSet<Long> out = new TreeSet<>(Long::compareUnsigned);
        switch (source) {
            case APPLE_TABLES -> {
                for (AppleAccelTable t : apple) {
                    for (AppleAccelTable.Entry e : t.lookup(name)) {
                        out.add(e.dieOffset());
                    }
                }
            }
            case DEBUG_NAMES -> {
                for (DebugNames.Entry e : debugNames.lookup(name)) {
                    out.add(e.dieOffset());
                }
            }
            default -> {
                long[] offsets = scanned.get(name);
                if (offsets != null) {
                    for (long o : offsets) {
                        out.add(o);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Returns every name the index holds, sorted and each once.
     *
     * @throws FormatException if the table data is malformed
     */
    public List<String> names() throws FormatException {
        TreeSet<String> out = new TreeSet<>();
        switch (source) {
            case APPLE_TABLES -> {
                for (AppleAccelTable t : apple) {
                    out.addAll(t.names());
                }
            }
            case DEBUG_NAMES -> out.addAll(debugNames.names());
            default -> out.addAll(scanned.keySet());
        }
        return List.copyOf(out);
    }
}
