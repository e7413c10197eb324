package dev.hagfish.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.index.TypeHit;
import dev.hagfish.index.TypeSearch;
import dev.hagfish.report.KernelIdentity;
import dev.hagfish.report.ReportedType;
import dev.hagfish.types.Layout;
import dev.hagfish.types.Type;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code StoredTypes} reads the types that {@code report} and {@code diff} work on from the index,
 * never from DWARF: every struct, union and class with a layout, a typedef that names an
 * anonymous struct or union (under the typedef's name), every named enum and typedef of an
 * anonymous one, and the other typedefs; optionally only those whose name matches a glob.
 */
final class StoredTypes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<TypeHit> structs = new ArrayList<>();
    private final List<TypeHit> enums = new ArrayList<>();
    private final List<TypeHit> typedefs = new ArrayList<>();

    private StoredTypes() {}

    /** Reads the types of one kernel whose name matches {@code glob} (null: all), in name order. */
    static StoredTypes of(KernelStore store, KernelRecord kernel, String glob) throws IOException {
        StoredTypes t = new StoredTypes();
        for (TypeHit h : new TypeSearch(store, kernel.uuid()).search(new TypeSearch.Filter(glob, null, null, null, null))) {
            switch (h.kind()) {
                case "struct", "union", "class" -> {
                    if (h.json() != null) {
                        t.structs.add(h);
                    }
                }
                case "typedef" -> {
                    String target = h.target() == null ? "" : h.target();
                    if (h.json() == null) {
                        t.typedefs.add(h);
                    } else if (h.isEnum()) {
                        t.enums.add(h);
                    } else if (target.contains("{...}") && !target.endsWith("*")) {
                        t.structs.add(h);
                    } else {
                        t.typedefs.add(h);
                    }
                }
                case "enum" -> {
                    if (h.json() != null) {
                        t.enums.add(h);
                    }
                }
                default -> { }
            }
        }
        return t;
    }

    /** Returns the structs, unions and classes (and typedefs of anonymous ones), as stored. */
    List<TypeHit> structs() {
        return structs;
    }

    /** Returns the named enums and the typedefs of anonymous ones (under the typedef's name), as stored. */
    List<TypeHit> enums() {
        return enums;
    }

    /** Returns the other typedefs: those that do not name an anonymous struct, union or enum. */
    List<TypeHit> typedefs() {
        return typedefs;
    }

    /** Parses a stored struct into what a report needs; a store from before the pahole fields exits 3. */
    static ReportedType reported(TypeHit h, KernelRecord k) {
        Layout l;
        try {
            l = JSON.readValue(h.json(), Layout.class);
        } catch (IOException e) {
            throw new HagfishException(ExitCodes.MALFORMED, "the stored layout of " + h.cName() + " in kernel " + k.uuid()
                    + " does not parse: " + e.getMessage());
        }
        if (l.slots().stream().anyMatch(s -> s.pahole() == null)) {
            throw new HagfishException(ExitCodes.MALFORMED, "the index of kernel " + k.uuid()
                    + " predates struct reports: index the kernel again");
        }
        return new ReportedType(h.cName(), l, h.declFile(), h.declLine());
    }

    /** Parses a stored enum. */
    static Type.Enum enumeration(TypeHit h) {
        try {
            return JSON.readValue(h.json(), Type.Enum.class);
        } catch (IOException e) {
            throw new HagfishException(ExitCodes.MALFORMED, "the stored enum " + h.cName() + " does not parse: "
                    + e.getMessage());
        }
    }

    /** Returns what reports and diffs say of a kernel. */
    static KernelIdentity identity(KernelRecord k) {
        return new KernelIdentity(k.uuid(), k.version(), k.arch(), k.kernelPath());
    }
}
