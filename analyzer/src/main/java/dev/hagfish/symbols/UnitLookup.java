package dev.hagfish.symbols;

import dev.hagfish.dwarf.AddressRange;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A {@code UnitLookup} answers which compile unit covers a code address, from
 * {@code .debug_aranges} plus the unit DIE ranges of units that no aranges set names. Where
 * ranges of several units overlap, an interval keeps the unit of the interval before it if that
 * unit still covers it, else takes the unit with the lowest offset.
 *
 * <p>Immutable once built; safe to share between threads.
 */
final class UnitLookup {
    private final long[] lows;
    private final long[] highs;
    private final long[] unitOffsets;

    private UnitLookup(long[] lows, long[] highs, long[] unitOffsets) {
        this.lows = lows;
        this.highs = highs;
        this.unitOffsets = unitOffsets;
    }

    /** Collects (unit offset, range) pairs and then sweeps them into disjoint intervals. */
    static final class Builder {
        private record Point(long address, long unit, boolean start) {}

        private final List<Point> points = new ArrayList<>();

        /** Adds one range of the unit at {@code unitOffset}; empty ranges are ignored. */
        void add(long unitOffset, AddressRange r) {
            if (r.isEmpty()) {
                return;
            }
            points.add(new Point(r.low(), unitOffset, true));
            points.add(new Point(r.high(), unitOffset, false));
        }

        UnitLookup build() {
            points.sort((a, b) -> Long.compareUnsigned(a.address(), b.address()));
            List<long[]> out = new ArrayList<>();
            TreeMap<Long, Integer> active = new TreeMap<>(Long::compareUnsigned); // unit offset -> count
            for (int i = 0; i < points.size();) {
                long at = points.get(i).address();
                for (; i < points.size() && points.get(i).address() == at; i++) {
                    Point p = points.get(i);
                    active.merge(p.unit(), p.start() ? 1 : -1, Integer::sum);
                    if (active.get(p.unit()) <= 0) {
                        active.remove(p.unit());
                    }
                }
                if (active.isEmpty() || i == points.size()) {
                    continue;
                }
                long next = points.get(i).address();
                long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last != null && last[1] == at && active.containsKey(last[2])) {
                    last[1] = next;
                } else {
                    out.add(new long[] {at, next, active.firstKey()});
                }
            }
            long[] lo = new long[out.size()];
            long[] hi = new long[out.size()];
            long[] unit = new long[out.size()];
            for (int k = 0; k < out.size(); k++) {
                lo[k] = out.get(k)[0];
                hi[k] = out.get(k)[1];
                unit[k] = out.get(k)[2];
            }
            return new UnitLookup(lo, hi, unit);
        }
    }

    /** Passes every range's low and high to {@code out}. */
    void boundaries(java.util.function.LongConsumer out) {
        for (int i = 0; i < lows.length; i++) {
            out.accept(lows[i]);
            out.accept(highs[i]);
        }
    }

    /** Returns the offset the covering range names for its unit, or -1. */
    long unitOffset(long address) {
        int lo = 0;
        int hi = lows.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(lows[mid], address) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == 0 || Long.compareUnsigned(address, highs[lo - 1]) >= 0) {
            return -1;
        }
        return unitOffsets[lo - 1];
    }
}
