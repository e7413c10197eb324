package dev.hagfish.dwarf;

import dev.hagfish.io.TestBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code AccelTableBytes} builds small, valid accelerator tables for tests: an Apple hash table
 * with the atoms {@code DW_ATOM_die_offset}/{@code DW_FORM_data4} and
 * {@code DW_ATOM_die_tag}/{@code DW_FORM_data2}, and a one-CU {@code .debug_names}, each with its
 * {@code .debug_str}. Layouts follow LLVM's SourceLevelDebugging "Accelerator Tables" and DWARF 5
 * §6.1.1.4; the tests then break single fields of them.
 */
final class AccelTableBytes {
    /** One named DIE: the name, its DIE offset and its tag. */
    record Named(String name, long die, int tag) {}

    /** The built sections, and where the fields the tests break sit. */
    record Built(byte[] table, byte[] str, long bucketsAt, long hashesAt, long offsetsAt, long dataAt) {}

    private AccelTableBytes() {}

    /** Returns {@code .debug_str} with a leading empty string, and each name's offset. */
    private static byte[] strings(List<Named> names, Map<String, Long> offsets, boolean little) {
        TestBytes s = little ? TestBytes.le() : TestBytes.be();
        s.u8(0);
        for (Named n : names) {
            if (!offsets.containsKey(n.name())) {
                offsets.put(n.name(), (long) s.size());
                s.cstr(n.name());
            }
        }
        return s.build();
    }

    /** Builds an Apple table with {@code bucketCount} buckets over {@code names}. */
    static Built apple(int bucketCount, List<Named> names, boolean little) {
        Map<String, Long> strOff = new LinkedHashMap<>();
        byte[] str = strings(names, strOff, little);
        // Group names by hash, then entries by name; order the hashes by bucket.
        Map<Long, Map<String, List<Named>>> byHash = new LinkedHashMap<>();
        for (Named n : names) {
            long h = Integer.toUnsignedLong(NameKey.djb(n.name().getBytes(StandardCharsets.UTF_8)));
            byHash.computeIfAbsent(h, k -> new LinkedHashMap<>()).computeIfAbsent(n.name(), k -> new ArrayList<>())
                    .add(n);
        }
        List<Long> hashes = new ArrayList<>(byHash.keySet());
        hashes.sort((a, b) -> a % bucketCount != b % bucketCount ? Long.compare(a % bucketCount, b % bucketCount)
                : Long.compare(a, b));
        int headerDataLength = 8 + 4 * 2;
        long bucketsAt = 20 + headerDataLength;
        long hashesAt = bucketsAt + 4L * bucketCount;
        long offsetsAt = hashesAt + 4L * hashes.size();
        long dataAt = offsetsAt + 4L * hashes.size();
        TestBytes t = little ? TestBytes.le() : TestBytes.be();
        t.u32(0x48415348L).u16(1).u16(0).u32(bucketCount).u32(hashes.size()).u32(headerDataLength);
        t.u32(0).u32(2).u16(AppleAccelTable.ATOM_DIE_OFFSET).u16(DwForm.DATA4)
                .u16(AppleAccelTable.ATOM_DIE_TAG).u16(DwForm.DATA2);
        for (int b = 0; b < bucketCount; b++) {
            long first = 0xffffffffL;
            for (int i = 0; i < hashes.size(); i++) {
                if (hashes.get(i) % bucketCount == b) {
                    first = i;
                    break;
                }
            }
            t.u32(first);
        }
        hashes.forEach(t::u32);
        long at = dataAt;
        for (long h : hashes) {
            t.u32(at);
            for (List<Named> same : byHash.get(h).values()) {
                at += 8 + 6L * same.size();
            }
            at += 4;
        }
        for (long h : hashes) {
            for (Map.Entry<String, List<Named>> e : byHash.get(h).entrySet()) {
                t.u32(strOff.get(e.getKey())).u32(e.getValue().size());
                for (Named n : e.getValue()) {
                    t.u32(n.die()).u16(n.tag());
                }
            }
            t.u32(0);
        }
        return new Built(t.build(), str, bucketsAt, hashesAt, offsetsAt, dataAt);
    }

    /**
     * Builds a {@code .debug_names} with one name index over one CU at {@code cuOffset}: 32- or
     * 64-bit, with {@code bucketCount} buckets (0: no hash table), one name per entry, and
     * entries of abbreviation 1 ({@code DW_IDX_die_offset}/{@code DW_FORM_ref4}, plus
     * {@code DW_IDX_compile_unit}/{@code DW_FORM_data1} when {@code withCu}).
     */
    static Built debugNames(boolean dwarf64, int bucketCount, long cuOffset, boolean withCu, List<Named> names) {
        Map<String, Long> strOff = new LinkedHashMap<>();
        byte[] str = strings(names, strOff, true);
        int n = names.size();
        List<Named> sorted = new ArrayList<>(names);
        if (bucketCount > 0) {
            sorted.sort((a, b) -> Long.compare(hash(a) % bucketCount, hash(b) % bucketCount));
        }
        TestBytes abbrev = TestBytes.le();
        // One abbreviation per distinct tag: code = position + 1.
        List<Integer> tags = new ArrayList<>();
        for (Named x : sorted) {
            if (!tags.contains(x.tag())) {
                tags.add(x.tag());
            }
        }
        for (int i = 0; i < tags.size(); i++) {
            abbrev.uleb(i + 1).uleb(tags.get(i));
            if (withCu) {
                abbrev.uleb(DebugNamesIndex.IDX_COMPILE_UNIT).uleb(DwForm.DATA1);
            }
            abbrev.uleb(DebugNamesIndex.IDX_DIE_OFFSET).uleb(DwForm.REF4).uleb(0).uleb(0);
        }
        abbrev.uleb(0);
        byte[] abbrevs = abbrev.build();
        TestBytes body = TestBytes.le();
        body.u16(5).u16(0).u32(1).u32(0).u32(0).u32(bucketCount).u32(n).u32(abbrevs.length).u32(4).fixed("TEST", 4);
        word(body, dwarf64, cuOffset);
        for (int b = 0; b < bucketCount; b++) {
            int first = 0;
            for (int i = 0; i < n; i++) {
                if (hash(sorted.get(i)) % bucketCount == b) {
                    first = i + 1;
                    break;
                }
            }
            body.u32(first);
        }
        if (bucketCount > 0) {
            sorted.forEach(x -> body.u32(hash(x)));
        }
        sorted.forEach(x -> word(body, dwarf64, strOff.get(x.name())));
        int entrySize = (withCu ? 1 : 0) + 1 + 4 + 1;
        for (int i = 0; i < n; i++) {
            word(body, dwarf64, (long) i * entrySize);
        }
        body.bytes(abbrevs);
        for (Named x : sorted) {
            body.uleb(tags.indexOf(x.tag()) + 1);
            if (withCu) {
                body.u8(0);
            }
            body.u32(x.die() - cuOffset).u8(0);
        }
        byte[] b = body.build();
        TestBytes t = TestBytes.le();
        if (dwarf64) {
            t.u32(0xffffffffL).u64(b.length);
        } else {
            t.u32(b.length);
        }
        int head = t.size();
        t.bytes(b);
        long bucketsAt = head + 36 + (dwarf64 ? 8 : 4);
        long hashesAt = bucketsAt + 4L * bucketCount;
        long strsAt = hashesAt + (bucketCount > 0 ? 4L * n : 0);
        long entryOffsAt = strsAt + (dwarf64 ? 8L : 4L) * n;
        return new Built(t.build(), str, bucketsAt, hashesAt, entryOffsAt, entryOffsAt + (dwarf64 ? 8L : 4L) * n
                + abbrevs.length);
    }

    private static long hash(Named x) {
        return Integer.toUnsignedLong(NameKey.foldedDjb(x.name()));
    }

    private static void word(TestBytes t, boolean dwarf64, long v) {
        if (dwarf64) {
            t.u64(v);
        } else {
            t.u32(v);
        }
    }
}
