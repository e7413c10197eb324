package dev.hagfish.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.dwarf.AccelTableBytes.Built;
import dev.hagfish.dwarf.AccelTableBytes.Named;
import dev.hagfish.io.ByteArraySource;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Synthetic accelerator tables: lookups with DJB collisions, both byte orders, 64-bit and
 * hash-less {@code .debug_names}; and one malformed table per validation rule, each failing with
 * a {@link FormatException} that names the section and the offset of the bad field.
 */
class AccelTablesMalformedTest {
    /** "Ez" and "FY" have the same DJB hash (69 * 33 + 122 = 70 * 33 + 89). */
    private static final List<Named> NAMES = List.of(new Named("Ez", 0x10, DwTag.SUBPROGRAM),
            new Named("FY", 0x20, DwTag.VARIABLE), new Named("FY", 0x30, DwTag.VARIABLE),
            new Named("proc", 0x40, DwTag.STRUCTURE_TYPE), new Named("task", 0x50, DwTag.TYPEDEF));

    private static ByteSource src(byte[] b, String name, boolean little) {
        return new ByteArraySource(b, 0, b.length, name, little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    private static AppleAccelTable apple(Built b, boolean little) throws FormatException {
        return AppleAccelTable.parse(src(b.table(), "t (apple_names)", little), src(b.str(), "t (debug_str)", little));
    }

    private static byte[] put32(byte[] b, long at, long v) {
        byte[] c = b.clone();
        for (int i = 0; i < 4; i++) {
            c[(int) at + i] = (byte) (v >>> (8 * i));
        }
        return c;
    }

    private static void assertFails(long offset, String message, ThrowingRunnable r) {
        FormatException e = assertThrows(FormatException.class, r::run);
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.detail().contains(message), e.getMessage());
        assertTrue(e.source().contains("apple_names") || e.source().contains("debug_names")
                || e.source().contains("debug_str"), e.getMessage());
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void appleLookupsSeparateCollidingNames(boolean little) throws FormatException {
        for (int buckets : new int[] {1, 2, 3, 7}) {
            AppleAccelTable t = apple(AccelTableBytes.apple(buckets, NAMES, little), little);
            assertEquals(List.of(new AppleAccelTable.Entry("Ez", 0x10, DwTag.SUBPROGRAM)), t.lookup("Ez"));
            assertEquals(List.of(new AppleAccelTable.Entry("FY", 0x20, DwTag.VARIABLE),
                    new AppleAccelTable.Entry("FY", 0x30, DwTag.VARIABLE)), t.lookup("FY"));
            assertEquals(List.of(new AppleAccelTable.Entry("task", 0x50, DwTag.TYPEDEF)), t.lookup("task"));
            assertEquals(List.of(), t.lookup("E"));
            assertEquals(List.of(), t.lookup("Ezz"));
            assertEquals(List.of("Ez", "FY", "proc", "task"), t.names().stream().sorted().toList());
            assertEquals(5, t.entries().size());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5})
    void debugNamesLookupIn32And64BitAndWithoutHashTable(int buckets) throws FormatException {
        for (boolean dwarf64 : new boolean[] {false, true}) {
            for (boolean withCu : new boolean[] {false, true}) {
                // "Ez" and "ez" have the same case-folded hash.
                List<Named> names = List.of(new Named("Ez", 0x110, DwTag.SUBPROGRAM),
                        new Named("ez", 0x118, DwTag.VARIABLE), new Named("FY", 0x120, DwTag.VARIABLE),
                        new Named("proc", 0x140, DwTag.STRUCTURE_TYPE));
                Built b = AccelTableBytes.debugNames(dwarf64, buckets, 0x100, withCu, names);
                DebugNames d = DebugNames.parse(ByteSource.of(b.table(), "t (debug_names)"),
                        ByteSource.of(b.str(), "t (debug_str)"));
                assertEquals(dwarf64 ? 8 : 4, d.headers().get(0).offsetSize());
                assertEquals("TEST", d.headers().get(0).augmentation());
                assertEquals(List.of(new DebugNames.Entry("FY", 0x120, DwTag.VARIABLE)), d.lookup("FY"));
                assertEquals(List.of(new DebugNames.Entry("Ez", 0x110, DwTag.SUBPROGRAM)), d.lookup("Ez"));
                assertEquals(List.of(new DebugNames.Entry("ez", 0x118, DwTag.VARIABLE)), d.lookup("ez"));
                assertEquals(List.of(), d.lookup("EZ"));
                assertEquals(List.of(), d.lookup("task"));
                assertEquals(4, d.entries().size());
            }
        }
    }

    @Test
    void hashesAreThoseTheSampleTablesStore() {
        // From expected/accel/x86_64-dwarf4.txt (apple_names) and x86_64-dwarf5.txt (debug_names).
        assertEquals(0x6a812f8, NameKey.djb("kernel_task".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(0x10a9a849, NameKey.foldedDjb("OSKextIdentifierForLoadTag"));
        assertEquals(NameKey.foldedDjb("istanbul"), NameKey.foldedDjb("\u0130stanbul"));
        assertEquals(NameKey.foldedDjb("stra\u00dfe"), NameKey.foldedDjb("STRA\u1e9eE"));
        assertEquals(NameKey.foldedDjb("\u03c3"), NameKey.foldedDjb("\u03c2"));
    }

    @Test
    void templateArgumentsAreStrippedFromTheEnd() {
        assertEquals("countMatching", DieNameScan.withoutTemplateArguments("countMatching<OSKext>"));
        assertEquals("a", DieNameScan.withoutTemplateArguments("a<b<c>, d>"));
        assertEquals("operator<", DieNameScan.withoutTemplateArguments("operator<<int>"));
        assertEquals(null, DieNameScan.withoutTemplateArguments("operator<=>"));
        assertEquals(null, DieNameScan.withoutTemplateArguments("operator->"));
        assertEquals(null, DieNameScan.withoutTemplateArguments("plain"));
        assertEquals(null, DieNameScan.withoutTemplateArguments("<lambda>"));
    }

    private static final Built GOOD = AccelTableBytes.apple(3, NAMES, true);

    @Test
    void appleBadMagic() {
        assertFails(0, "magic 0x48415349", () -> apple(built(put32(GOOD.table(), 0, 0x48415349L)), true));
    }

    @Test
    void appleTruncatedHeader() {
        byte[] b = java.util.Arrays.copyOf(GOOD.table(), 19);
        assertFails(0, "header needs 20 bytes", () -> apple(built(b), true));
    }

    @Test
    void appleBadVersionAndHashFunction() {
        byte[] v = GOOD.table().clone();
        v[4] = 2;
        assertFails(4, "version 2", () -> apple(built(v), true));
        byte[] h = GOOD.table().clone();
        h[6] = 1;
        assertFails(6, "hash function 1", () -> apple(built(h), true));
    }

    @Test
    void appleHeaderDataAndAtoms() {
        assertFails(16, "header_data_length", () -> apple(built(put32(GOOD.table(), 16, 0x10000)), true));
        assertFails(24, "atom count 3", () -> apple(built(put32(GOOD.table(), 24, 3)), true));
        byte[] form = GOOD.table().clone();
        form[30] = (byte) DwForm.UDATA;
        assertFails(28, "form 0xf is not a fixed-size form", () -> apple(built(form), true));
        byte[] noDie = GOOD.table().clone();
        noDie[28] = 7;
        assertFails(24, "no DW_ATOM_die_offset", () -> apple(built(noDie), true));
    }

    @Test
    void appleBucketCountPastTheEnd() {
        assertFails(8, "bucket_count 1000000", () -> apple(built(put32(GOOD.table(), 8, 1_000_000)), true));
        assertFails(8, "bucket_count 4294967295", () -> apple(built(put32(GOOD.table(), 8, 0xffffffffL)), true));
    }

    @Test
    void appleHashesCountPastTheEnd() {
        assertFails(12, "hashes_count 400", () -> apple(built(put32(GOOD.table(), 12, 400)), true));
    }

    @Test
    void appleBucketIndexPastTheHashes() throws FormatException {
        long bucket = Integer.toUnsignedLong(NameKey.djb("task".getBytes())) % 3;
        long at = GOOD.bucketsAt() + 4 * bucket;
        AppleAccelTable t = apple(built(put32(GOOD.table(), at, 99)), true);
        assertFails(at, "hash index 99 is not below hashes_count 3", () -> t.lookup("task"));
    }

    @Test
    void appleHashDataPastTheEnd() throws FormatException {
        // The first hash's data offset points past the section.
        AppleAccelTable t = apple(built(put32(GOOD.table(), GOOD.offsetsAt(), 0x7fff0000L)), true);
        assertFails(GOOD.offsetsAt(), "hash 0: data offset 0x7fff0000 is past the end", t::entries);
        // The first name's entry count runs past the section.
        AppleAccelTable c = apple(built(put32(GOOD.table(), GOOD.dataAt() + 4, 0x10000)), true);
        assertFails(GOOD.dataAt(), "65536 entries of 6 bytes run past the end", c::entries);
        // The hash data is cut off before its terminating zero string offset.
        byte[] cut = java.util.Arrays.copyOf(GOOD.table(), GOOD.table().length - 2);
        AppleAccelTable u = apple(built(cut), true);
        FormatException e = assertThrows(FormatException.class, u::entries);
        assertEquals(cut.length - 2, e.offset(), e.getMessage());
    }

    @Test
    void appleStringOffsetOutsideDebugStr() throws FormatException {
        AppleAccelTable t = apple(built(put32(GOOD.table(), GOOD.dataAt(), 0x9999)), true);
        FormatException e = assertThrows(FormatException.class, t::entries);
        assertEquals(0x9999, e.offset());
        assertTrue(e.source().contains("debug_str"), e.getMessage());
    }

    @Test
    void appleTagWiderThan16Bits() throws FormatException {
        // Widen the tag atom to DW_FORM_data4 and store 0x10000 in the first entry's tag.
        byte[] b = put32(GOOD.table(), GOOD.dataAt() + 12, 0x10000);
        b[34] = (byte) DwForm.DATA4;
        AppleAccelTable t = apple(built(b), true);
        assertFails(GOOD.dataAt() + 12, "tag 0x10000 is not a 16-bit DW_TAG", t::entries);
    }

    private static Built built(byte[] table) {
        return new Built(table, GOOD.str(), GOOD.bucketsAt(), GOOD.hashesAt(), GOOD.offsetsAt(), GOOD.dataAt());
    }

    private static final List<Named> DN = List.of(new Named("Ez", 0x110, DwTag.SUBPROGRAM),
            new Named("proc", 0x140, DwTag.STRUCTURE_TYPE));
    private static final Built NAMES32 = AccelTableBytes.debugNames(false, 2, 0x100, true, DN);

    private static DebugNames names(byte[] b) throws FormatException {
        return DebugNames.parse(ByteSource.of(b, "t (debug_names)"), ByteSource.of(NAMES32.str(), "t (debug_str)"));
    }

    @Test
    void debugNamesLengthAndVersion() {
        assertFails(0, "unit_length 0x10000 runs past the end", () -> names(put32(NAMES32.table(), 0, 0x10000)));
        assertFails(0, "unit_length 0xfffffff3 is a reserved value",
                () -> names(put32(NAMES32.table(), 0, 0xfffffff3L)));
        byte[] v = NAMES32.table().clone();
        v[4] = 4;
        assertFails(4, "version 4 is not 5", () -> names(v));
    }

    @Test
    void debugNamesArraysPastTheEnd() {
        assertFails(0, "bucket array of 4000000 bytes", () -> names(put32(NAMES32.table(), 20, 1_000_000)));
        assertFails(0, "CU list of 4000 bytes", () -> names(put32(NAMES32.table(), 8, 1000)));
        assertFails(0, "abbreviation table of 65536 bytes", () -> names(put32(NAMES32.table(), 28, 0x10000)));
        assertFails(32, "augmentation_string_size 256", () -> names(put32(NAMES32.table(), 32, 256)));
    }

    @Test
    void debugNamesAbbreviations() {
        long abbrevAt = NAMES32.dataAt() - abbrevSize();
        byte[] form = NAMES32.table().clone();
        form[(int) abbrevAt + 3] = (byte) DwForm.BLOCK1;
        assertFails(abbrevAt + 2, "has form 0xa, which is not a supported form", () -> names(form));
        byte[] unterminated = NAMES32.table().clone();
        unterminated[(int) NAMES32.dataAt() - 1] = 3;
        FormatException e = assertThrows(FormatException.class, () -> names(unterminated));
        assertTrue(e.source().contains("debug_names"), e.getMessage());
        byte[] dup = NAMES32.table().clone();
        dup[(int) abbrevAt + 8] = 1;
        assertFails(abbrevAt + 8, "abbreviation code 1 appears twice", () -> names(dup));
    }

    @Test
    void debugNamesEntries() throws FormatException {
        // Entry offset of name 1 past the pool.
        assertFails(NAMES32.offsetsAt(), "entry offset 0x5000 is past the entry pool",
                () -> names(put32(NAMES32.table(), NAMES32.offsetsAt(), 0x5000)).entries());
        // Unknown abbreviation code in the first entry.
        byte[] code = NAMES32.table().clone();
        code[(int) NAMES32.dataAt()] = 9;
        assertFails(NAMES32.dataAt(), "abbreviation code 9 is not in the table", () -> names(code).entries());
        // CU index 5 of 1.
        byte[] cu = NAMES32.table().clone();
        cu[(int) NAMES32.dataAt() + 1] = 5;
        assertFails(NAMES32.dataAt(), "compile unit 5 is not below the index's 1", () -> names(cu).entries());
        // Bucket pointing past the names.
        DebugNames ok = names(NAMES32.table());
        assertEquals(2, ok.entries().size());
        long bucket = Integer.toUnsignedLong(NameKey.foldedDjb("Ez")) % 2;
        long at = NAMES32.bucketsAt() + 4 * bucket;
        assertFails(at, "name index 7 is past name_count 2", () -> names(put32(NAMES32.table(), at, 7)).lookup("Ez"));
    }

    private static long abbrevSize() {
        byte[] b = NAMES32.table();
        return (b[28] & 0xff) | (b[29] & 0xff) << 8;
    }
}
