package dev.hagfish.index;

import dev.hagfish.dwarf.AttrValue;
import dev.hagfish.dwarf.Die;
import dev.hagfish.dwarf.DieReader;
import dev.hagfish.dwarf.DwAt;
import dev.hagfish.dwarf.DwTag;
import dev.hagfish.dwarf.DwarfSections;
import dev.hagfish.dwarf.Unit;
import dev.hagfish.dwarf.UnitHeader;
import dev.hagfish.io.FormatException;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code EnumScopes} finds how gdb names the enumerators of C++ enums: those of an {@code enum
 * class} by the enum's name ({@code OSKextLoadState::Started}), those of an unscoped enum
 * declared in a class or namespace by that scope ({@code OSKext::kFoo}); C enums keep plain
 * names. Whether an enum is an {@code enum class} is its DIE's {@code DW_AT_enum_class}, read at
 * the type's id (its DIE offset) for the C++ named enums only; an id that is not such a DIE is
 * left alone.
 */
final class EnumScopes {
    /** {@code DW_AT_enum_class} (DWARF 4 §5.7). */
    private static final int ENUM_CLASS = 0x6d;

    private EnumScopes() {}

    /** Returns, by enum id, the prefix its enumerators take ({@code OSKextLoadState::}). */
    static Map<Long, String> of(TypeGraph graph, DwarfSections dwarf) throws FormatException {
        Map<Long, String> out = new HashMap<>();
        DieReader reader = null;
        List<UnitHeader> units = null;
        Map<Long, Unit> opened = new HashMap<>();
        for (Type t : graph.distinct()) {
            if (!(t instanceof Type.Enum e) || e.name() == null || !graph.isCplusplus(e.id())) {
                continue;
            }
            if (reader == null) {
                reader = new DieReader(dwarf);
                units = reader.unitHeaders();
            }
            UnitHeader h = unitOf(units, e.id());
            if (h == null) {
                continue;
            }
            Unit u = opened.get(h.offset());
            if (u == null) {
                u = reader.unit(h);
                opened.put(h.offset(), u);
            }
            Die d;
            try {
                d = reader.at(u, e.id());
            } catch (FormatException notADie) {
                continue; // the builder chose ids that are not DIE offsets: keep the plain names
            }
            int scope = e.name().lastIndexOf("::");
            String simple = scope >= 0 ? e.name().substring(scope + 2) : e.name();
            AttrValue name = d.get(DwAt.NAME);
            if (d.tag() != DwTag.ENUMERATION_TYPE || name == null || !simple.equals(u.string(name))) {
                continue;
            }
            AttrValue enumClass = d.get(ENUM_CLASS);
            if (enumClass instanceof AttrValue.Flag f && f.value()) {
                out.put(e.id(), e.name() + "::");
            } else if (scope > 0) {
                out.put(e.id(), e.name().substring(0, scope + 2));
            }
        }
        return out;
    }

    private static UnitHeader unitOf(List<UnitHeader> units, long offset) {
        int lo = 0;
        int hi = units.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            UnitHeader h = units.get(mid);
            if (offset < h.offset()) {
                hi = mid - 1;
            } else if (offset >= h.end()) {
                lo = mid + 1;
            } else {
                return offset >= h.dieOffset() ? h : null;
            }
        }
        return null;
    }
}
