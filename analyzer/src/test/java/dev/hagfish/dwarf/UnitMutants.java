package dev.hagfish.dwarf;

import dev.hagfish.io.FuzzHarness;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * {@code UnitMutants} makes the {@link FuzzHarness.Trial} of a parser that works unit by unit:
 * each trial picks one {@code .debug_info} unit and one section, mutates the bytes of that section
 * the unit's parse reads (the unit itself in {@code .debug_info}; the span of its footprint in the
 * other sections, recorded on the original), and runs the parser on sections where every other
 * unit is padding ({@link UnitPadding}). A mutation of {@code .debug_info} that changes unit
 * lengths keeps every unit up to where the unit chain meets the original's again. So a trial costs
 * one unit's parse, not the file's, and mutations land on bytes that the parse reads.
 *
 * <p>Thread-safe once made.
 */
public final class UnitMutants {
    private final DwarfFuzzInput input;
    private final List<String> sections;
    private final Parse parse;
    private final int hotBytes;
    /** Per unit, per section: the window {@code [from, to)} to mutate, or none. */
    private final List<Map<String, int[]>> windows = new ArrayList<>();

    /** A parse of the whole sections, of which only {@code unit} (by index) is not padding. */
    @FunctionalInterface
    public interface Parse {
        /**
         * Parses.
         *
         * @param trial the trial, or null when the footprint of the original is recorded
         * @throws IOException a FormatException for malformed bytes
         */
        void run(DwarfSections sections, int unit, FuzzHarness.Mutation trial) throws IOException;
    }

    private UnitMutants(DwarfFuzzInput input, List<String> sections, Parse parse, int hotBytes) {
        this.input = input;
        this.sections = sections;
        this.parse = parse;
        this.hotBytes = hotBytes;
    }

    /**
     * Records the footprint of every unit's parse on the original and returns the trial.
     *
     * @param sections the sections to mutate (those the input lacks are skipped)
     * @param hotBytes how many leading bytes of a window the mutator favours
     * @throws IOException if the parse fails on the original
     */
    public static FuzzHarness.Trial trial(DwarfFuzzInput input, List<String> sections, int hotBytes, Parse parse)
            throws IOException {
        if (input.unitCount() == 0 || !sections.contains("debug_info")) {
            throw new IllegalArgumentException(input + ": no units, or debug_info is not among " + sections);
        }
        UnitMutants u = new UnitMutants(input, sections.stream().filter(input::has).toList(), parse, hotBytes);
        u.recordWindows();
        return u::run;
    }

    private void recordWindows() throws IOException {
        for (int i = 0; i < input.unitCount(); i++) {
            Map<String, BitSet> footprints = new HashMap<>();
            parse.run(input.recording(i, footprints), i, null);
            Map<String, int[]> w = new HashMap<>();
            for (String s : sections) {
                BitSet read = footprints.getOrDefault(s, new BitSet());
                int length = input.bytes(s).length;
                if (s.equals("debug_info")) {
                    w.put(s, new int[] {(int) input.unitOffset(i), (int) input.unitEnd(i)});
                } else if (read.nextSetBit(0) >= 0 && read.nextSetBit(0) < length) {
                    w.put(s, new int[] {read.nextSetBit(0), Math.min(length, read.previousSetBit(length - 1) + 1)});
                }
            }
            windows.add(w);
        }
    }

    private void run(FuzzHarness.Mutation m) throws IOException {
        int unit = m.random().nextInt(input.unitCount());
        Map<String, int[]> w = windows.get(unit);
        List<String> candidates = sections.stream().filter(w::containsKey).toList();
        String section = candidates.get(m.random().nextInt(candidates.size()));
        int[] window = w.get(section);
        m.note("unit " + unit + " at 0x" + Long.toHexString(input.unitOffset(unit)) + ", " + section + " [0x"
                + Integer.toHexString(window[0]) + ", 0x" + Integer.toHexString(window[1]) + ")");
        byte[] original = input.bytes(section);
        byte[] mutant = m.mutate(original, window[0], window[1], hotBytes);
        long keepFrom = input.unitOffset(unit);
        long keepTo = input.unitEnd(unit);
        if (section.equals("debug_info")) {
            keepTo = realigned(mutant, window[0], window[1] + mutant.length - original.length,
                    mutant.length - original.length);
        }
        parse.run(input.isolate(Map.of(section, mutant), keepFrom, keepTo), unit, m);
    }

    /**
     * Follows the mutant's unit chain from {@code from} to the first unit start, at or after the
     * mutated window's end, that is an original unit start moved by {@code delta}; returns it, or
     * the end when the chain breaks or never meets the original's.
     */
    private long realigned(byte[] info, int from, int windowEnd, int delta) {
        return realigned(info, input.order("debug_info"), from, windowEnd, off -> input.isUnitBound(off - delta));
    }

    /**
     * Follows a chain of DWARF initial lengths (units, line programs, name indexes) from
     * {@code from} to the first start at or after {@code windowEnd} that {@code original} accepts
     * (an original start, moved by the mutation); returns it, or the section's end when the chain
     * breaks or never meets the original's.
     */
    static long realigned(byte[] section, ByteOrder order, long from, long windowEnd, LongPredicate original) {
        ByteBuffer b = ByteBuffer.wrap(section).order(order);
        long off = from;
        while (off + 4 <= section.length) {
            if (off >= windowEnd && original.test(off)) {
                return off;
            }
            long length = Integer.toUnsignedLong(b.getInt((int) off));
            long start = off + 4;
            if (length == 0xffffffffL && off + 12 <= section.length) {
                length = b.getLong((int) start);
                start += 8;
            }
            if (length < 0 || length > section.length - start) {
                break;
            }
            off = start + length;
        }
        return section.length;
    }
}
