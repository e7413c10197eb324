package dev.hagfish.symbols;

import java.util.Map;
import java.util.TreeMap;

/**
 * An {@code AddressMap} maps disjoint address intervals to subroutine indices. Ranges are painted
 * in DIE order (a parent before its children), and a range painted inside an existing interval
 * cuts that interval around itself, so the innermost subroutine wins, as in
 * {@code llvm-symbolizer}. Addresses are compared unsigned.
 *
 * <p>Not thread-safe while painting; read-only afterwards.
 */
final class AddressMap {
    private record Span(long end, int value) {}

    private final TreeMap<Long, Span> spans = new TreeMap<>(Long::compareUnsigned);

    /** Paints {@code [low, high)} with {@code value}; an empty range is ignored. */
    void paint(long low, long high, int value) {
        if (low == high) {
            return;
        }
        Map.Entry<Long, Span> below = spans.floorEntry(low);
        if (below != null && Long.compareUnsigned(low, below.getValue().end()) < 0) {
            Span outer = below.getValue();
            if (Long.compareUnsigned(high, outer.end()) < 0) {
                spans.put(high, outer); // the part of the outer interval after the new one
            }
            if (Long.compareUnsigned(low, below.getKey()) > 0) {
                spans.put(below.getKey(), new Span(low, outer.value())); // the part before it
            }
        }
        spans.put(low, new Span(high, value));
    }

    /** Passes every interval's start and end to {@code out}. */
    void boundaries(java.util.function.LongConsumer out) {
        for (Map.Entry<Long, Span> e : spans.entrySet()) {
            out.accept(e.getKey());
            out.accept(e.getValue().end());
        }
    }

    /** Returns the value of the interval holding {@code address}, or -1. */
    int find(long address) {
        Map.Entry<Long, Span> e = spans.floorEntry(address);
        if (e == null || Long.compareUnsigned(address, e.getValue().end()) >= 0) {
            return -1;
        }
        return e.getValue().value();
    }
}
