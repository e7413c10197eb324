package dev.hagfish.dwarf;

import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code DwarfSummary} describes a file's DWARF at a glance: its units (offset, length,
 * format, version, unit type, abbreviation offset, address size, and the unit DIE's name,
 * producer and language), the sizes of its sections, and which accelerator tables it carries.
 *
 * @param units the units, in section order
 * @param sections canonical section name to size in bytes
 * @param appleNames whether {@code __apple_names} is present
 * @param appleTypes whether {@code __apple_types} is present
 * @param appleNamespaces whether {@code __apple_namespac} is present
 * @param appleObjc whether {@code __apple_objc} is present
 * @param debugNames whether DWARF 5 {@code .debug_names} is present
 */
public record DwarfSummary(List<UnitSummary> units, Map<String, Long> sections, boolean appleNames,
        boolean appleTypes, boolean appleNamespaces, boolean appleObjc, boolean debugNames) {

    /**
     * One unit.
     *
     * @param offset the unit's offset in {@code .debug_info}
     * @param length the unit length field (excluding the length field itself)
     * @param format {@code DWARF32} or {@code DWARF64}
     * @param version the DWARF version
     * @param unitType the {@code DW_UT_*} code
     * @param abbrevOffset the abbreviation table offset
     * @param addressSize the address size
     * @param name the unit DIE's {@code DW_AT_name}, or null
     * @param producer the unit DIE's {@code DW_AT_producer}, or null
     * @param language the unit DIE's {@code DW_AT_language} code, or null
     */
    public record UnitSummary(long offset, long length, String format, int version, int unitType, long abbrevOffset,
            int addressSize, String name, String producer, Long language) {}

    /** Summarises the DWARF of {@code sections}. */
    public static DwarfSummary of(DwarfSections sections) throws FormatException {
        DieReader r = new DieReader(sections);
        List<UnitSummary> units = new ArrayList<>();
        for (UnitHeader h : r.unitHeaders()) {
            Unit u = r.unit(h);
            Die top = r.cursor(u).next();
            String name = top == null ? null : u.string(top.get(DwAt.NAME));
            String producer = top == null ? null : u.string(top.get(DwAt.PRODUCER));
            Long lang = top != null && top.get(DwAt.LANGUAGE) instanceof AttrValue.Constant c ? c.value() : null;
            long length = h.end() - h.offset() - (h.offsetSize() == 8 ? 12 : 4);
            units.add(new UnitSummary(h.offset(), length, h.offsetSize() == 8 ? "DWARF64" : "DWARF32", h.version(),
                    h.unitType(), h.abbrevOffset(), h.addressSize(), name, producer, lang));
        }
        return new DwarfSummary(units, sections.sizes(), sections.get("apple_names").isPresent(),
                sections.get("apple_types").isPresent(), sections.get("apple_namespaces").isPresent(),
                sections.get("apple_objc").isPresent(), sections.get("debug_names").isPresent());
    }
}
