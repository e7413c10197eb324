package dev.hagfish.dwarf;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.TestBytes;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code DwarfBytes} builds small DWARF sections for malformed-input tests: abbreviation
 * declarations, 32-bit DWARF 2–4 unit headers around hand-written DIEs, and the
 * {@link DwarfSections} holding them (little-endian, each section named by its canonical name).
 */
public final class DwarfBytes {
    private DwarfBytes() {}

    /**
     * Appends one abbreviation declaration: code, tag, children flag, then (attribute, form)
     * pairs and the terminating (0, 0). End a table with {@code u8(0)}.
     */
    public static TestBytes abbrev(TestBytes t, int code, int tag, boolean children, int... attributeForms) {
        t.uleb(code).uleb(tag).u8(children ? 1 : 0);
        for (int v : attributeForms) {
            t.uleb(v);
        }
        return t.uleb(0).uleb(0);
    }

    /** Returns a unit: a 32-bit DWARF {@code version} (2 to 4) header, address size 8, then {@code dies}. */
    public static byte[] unit(int version, long abbrevOffset, byte[] dies) {
        return TestBytes.le().u32(2 + 4 + 1 + dies.length).u16(version).u32(abbrevOffset).u8(8).bytes(dies).build();
    }

    /** Returns sections from {@code name, bytes} pairs. */
    public static DwarfSections sections(Object... nameBytes) {
        Map<String, ByteSource> out = new HashMap<>();
        for (int i = 0; i < nameBytes.length; i += 2) {
            String name = (String) nameBytes[i];
            out.put(name, ByteSource.of((byte[]) nameBytes[i + 1], name));
        }
        return DwarfSections.of(out);
    }
}
