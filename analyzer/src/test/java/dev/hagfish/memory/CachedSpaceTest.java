package dev.hagfish.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link CachedSpace} returns what the slow space returns, faults where it faults, and asks it less. */
class CachedSpaceTest {
    @Test
    void randomReadsEqualTheSlowSpaceAndHitTheCache() throws IOException {
        CoreFile core = CoreFileTest.open(CoreFileTest.CORE);
        RecordingSpace slow = new RecordingSpace(core);
        CachedSpace cached = new CachedSpace(slow, 4096, 64);
        long seed = new Random().nextLong();
        Random r = new Random(seed);
        java.util.List<MappedRange> ranges = core.ranges();
        for (int i = 0; i < 2000; i++) {
            MappedRange m = ranges.get(r.nextInt(ranges.size()));
            long a = m.start() + r.nextInt((int) Math.min(m.size(), 1 << 20));
            int len = 1 + r.nextInt(300);
            byte[] want = null;
            IOException wantFault = null;
            try {
                want = core.read(a, len);
            } catch (MemoryFaultException e) {
                wantFault = e;
            }
            if (want != null) {
                assertArrayEquals(want, cached.read(a, len), "seed " + seed + " read " + Long.toHexString(a));
            } else {
                MemoryFaultException got = assertThrows(MemoryFaultException.class, () -> cached.read(a, len));
                assertEquals(wantFault.getMessage(), got.getMessage(), "seed " + seed);
            }
        }
        // At most 2000 reads of at most 2 pages each went to the slow space, and most were served by the cache.
        assertTrue(slow.count() < cached.hits(), "seed " + seed + ": " + slow.count() + " slow reads, " + cached.hits() + " hits");
    }

    @Test
    void membersOfOneStructCostOnePageRead() throws IOException {
        RecordingSpace slow = new RecordingSpace(CoreFileTest.open(CoreFileTest.CORE));
        CachedSpace cached = new CachedSpace(slow, 4096, 4);
        // 0x100 bytes of one page of __DATA (a struct's members).
        long data = SampleLayout.segment("__DATA")[0] + LldbMemoryRows.SLIDE + 0x10;
        for (int off = 0; off < 0x100; off += 8) {
            cached.u64(data + off);
        }
        assertEquals(1, slow.count());
        assertEquals(1, cached.misses());
        cached.invalidate();
        cached.u64(data);
        assertEquals(2, slow.count());
    }

    @Test
    void aPartlyMappedPageIsReadAsAskedAndFaultsAsTheSlowSpaceDoes() throws IOException {
        CoreFile core = CoreFileTest.open(CoreFileTest.CORE);
        CachedSpace cached = new CachedSpace(new RecordingSpace(core), 0x10000, 4);
        long text = SampleLayout.segment("__TEXT")[0] + LldbMemoryRows.SLIDE;
        // A 64 KiB page at the text base is not all mapped: the read goes through as asked.
        assertArrayEquals(core.read(text, 16), cached.read(text, 16));
        MemoryFaultException want = assertThrows(MemoryFaultException.class, () -> core.read(text - 8, 16));
        MemoryFaultException got = assertThrows(MemoryFaultException.class, () -> cached.read(text - 8, 16));
        assertEquals(want.getMessage(), got.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CachedSpace(core, 3000, 1));
    }
}
