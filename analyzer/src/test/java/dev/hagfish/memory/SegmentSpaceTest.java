package dev.hagfish.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.ByteSource;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SegmentSpace}: reads within, across and past mappings; zero-fill tails; faults; bad mappings. */
class SegmentSpaceTest {
    static final long K = 0xffffff8000200000L;

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i * 7);
        }
        return b;
    }

    /** [K, K+0x100) from a, [K+0x100, K+0x200) from b with 0x80 file bytes, gap, [K+0x1000, K+0x1010). */
    static SegmentSpace space() {
        ByteSource a = ByteSource.of(bytes(0x100, 1), "a");
        ByteSource b = ByteSource.of(bytes(0x80, 2), "b");
        ByteSource c = ByteSource.of(bytes(0x20, 3), "c");
        return new SegmentSpace("test", ByteOrder.LITTLE_ENDIAN, List.of(
                new Mapping(K + 0x1000, 0x10, c, 0x10, 0x10, "C"),
                new Mapping(K, 0x100, a, 0, 0x100, "A"),
                new Mapping(K + 0x100, 0x100, b, 0, 0x80, "B")));
    }

    @Test
    void readsWithinAndAcrossMappingsAndZeroFillsTheTail() throws IOException {
        SegmentSpace s = space();
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes(0x100, 1), 0x10, 0x20), s.read(K + 0x10, 0x10));
        byte[] across = s.read(K + 0xf0, 0x20);
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes(0x100, 1), 0xf0, 0x100), java.util.Arrays.copyOfRange(across, 0, 0x10));
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes(0x80, 2), 0, 0x10), java.util.Arrays.copyOfRange(across, 0x10, 0x20));
        byte[] tail = s.read(K + 0x178, 0x88);
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes(0x80, 2), 0x78, 0x80), java.util.Arrays.copyOfRange(tail, 0, 8));
        assertArrayEquals(new byte[0x80], java.util.Arrays.copyOfRange(tail, 8, 0x88));
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes(0x20, 3), 0x10, 0x20), s.read(K + 0x1000, 0x10));
        assertEquals(List.of("A", "B", "C"), s.ranges().stream().map(MappedRange::name).toList());
        // The data: B's file bytes only, not its zero-fill tail.
        assertEquals(List.of(new MappedRange(K, 0x100, "A"), new MappedRange(K + 0x100, 0x80, "B"),
                new MappedRange(K + 0x1000, 0x10, "C")), s.dataRanges());
    }

    @Test
    void aReadIntoAGapFaultsNamingTheAddressAndTheNearestRange() {
        SegmentSpace s = space();
        MemoryFaultException e = assertThrows(MemoryFaultException.class, () -> s.read(K + 0x1f0, 0x20));
        assertEquals(K + 0x200, e.address());
        assertEquals(0x10, e.readable());
        assertEquals(0x20, e.requested());
        assertEquals("B", e.nearest().name());
        assertEquals("test: address 0xffffff8000200200 is not mapped (16 of 32 bytes readable before it); "
                + "nearest mapped range [0xffffff8000200100-0xffffff8000200200) B", e.getMessage());
        MemoryFaultException before = assertThrows(MemoryFaultException.class, () -> s.read(K - 1, 1));
        assertEquals("A", before.nearest().name());
        MemoryFaultException near = assertThrows(MemoryFaultException.class, () -> s.read(K + 0xff0, 1));
        assertEquals("C", near.nearest().name());
        MemoryFaultException low = assertThrows(MemoryFaultException.class, () -> s.u64(0));
        assertTrue(low.getMessage().contains("address 0x0000000000000000 is not mapped; nearest"), low.getMessage());
        MemoryFaultException empty = assertThrows(MemoryFaultException.class,
                () -> new SegmentSpace("none", ByteOrder.LITTLE_ENDIAN, List.of()).read(K, 1));
        assertTrue(empty.getMessage().endsWith("nothing is mapped"), empty.getMessage());
    }

    @Test
    void isMappedAndNumbersAndStrings() throws IOException {
        SegmentSpace s = space();
        assertTrue(s.isMapped(K, 0x200));
        assertFalse(s.isMapped(K, 0x201));
        assertFalse(s.isMapped(K - 1, 2));
        byte[] a = bytes(0x100, 1);
        long le = 0;
        for (int i = 7; i >= 0; i--) {
            le = (le << 8) | (a[i] & 0xff);
        }
        assertEquals(le, s.u64(K));
        assertEquals(le & 0xffffffffL, s.u32(K));
        ByteSource str = ByteSource.of("Catfish \0rest".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "s");
        SegmentSpace t = new SegmentSpace("t", ByteOrder.LITTLE_ENDIAN, List.of(new Mapping(0x2000, 0x20, str, 0, 13, "S")));
        assertEquals("Catfish ", t.cstring(0x2000, 100));
        assertEquals("Cat", t.cstring(0x2000, 3));
        assertEquals("rest", t.cstring(0x2009, 100));
        // A string that runs into a gap faults.
        SegmentSpace u = new SegmentSpace("u", ByteOrder.LITTLE_ENDIAN, List.of(new Mapping(0x2000, 4, str, 0, 4, "S")));
        assertThrows(MemoryFaultException.class, () -> u.cstring(0x2000, 100));
    }

    @Test
    void aMappingMayEndAtTheTopOfTheAddressSpaceButNotPastIt() throws IOException {
        ByteSource b = ByteSource.of(bytes(0x10, 5), "top");
        SegmentSpace s = new SegmentSpace("top", ByteOrder.LITTLE_ENDIAN, List.of(new Mapping(-0x10L, 0x10, b, 0, 0x10, "T")));
        assertArrayEquals(bytes(0x10, 5), s.read(-0x10L, 0x10));
        assertTrue(s.isMapped(-0x10L, 0x10));
        assertEquals(0L, s.ranges().get(0).end());
        assertThrows(MemoryFaultException.class, () -> s.read(-0x10L, 0x11));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SegmentSpace("wrap", ByteOrder.LITTLE_ENDIAN, List.of(new Mapping(-0x10L, 0x11, b, 0, 0x10, "W"))));
        assertTrue(e.getMessage().contains("past the top"), e.getMessage());
    }

    @Test
    void overlapsAreFoundAndRejected() {
        ByteSource b = ByteSource.of(bytes(0x10, 5), "b");
        List<Mapping> maps = List.of(new Mapping(K, 0x100, b, 0, 0, "X"), new Mapping(K + 0xff, 0x10, b, 0, 0, "Y"));
        assertEquals(List.of("X", "Y"), SegmentSpace.overlap(maps).orElseThrow().stream().map(Mapping::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SegmentSpace("o", ByteOrder.LITTLE_ENDIAN, maps));
        assertEquals("o: [0xffffff8000200000-0xffffff8000200100) X overlaps [0xffffff80002000ff-0xffffff800020010f) Y",
                e.getMessage());
        assertTrue(SegmentSpace.overlap(List.of(new Mapping(K, 0x100, b, 0, 0, "X"),
                new Mapping(K + 0x100, 0x10, b, 0, 0, "Y"))).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new Mapping(K, 0x10, b, 0, 0x11, "big"));
    }
}
