package dev.hagfish.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code ReportSummary} adds up a report as its structs go by: totals over the kernel, the structs
 * ranked by wasted bytes, the largest structs, and the structs whose size is not a multiple of
 * their alignment. It keeps a few numbers per struct, not the structs.
 */
public final class ReportSummary {
    private final int top;
    private int structs;
    private int unions;
    private int classes;
    private long totalSize;
    private long members;
    private int holes;
    private long holeBytes;
    private int bitHoles;
    private long holeBits;
    private long paddingBytes;
    private long wastedBytes;
    private int withHoles;
    private int withPadding;
    private int straddling;
    private int reorgSaved;
    private long reorgBytes;
    private int reorgOptimal;
    private int reorgSkipped;
    private boolean reorganized;
    private final List<Wasteful> wasteful = new ArrayList<>();
    private final List<Large> large = new ArrayList<>();
    private final List<Misfit> misfits = new ArrayList<>();

    /** Creates an empty summary that will name the {@code top} largest structs. */
    public ReportSummary(int top) {
        this.top = top;
    }

    /**
     * A struct that wastes bytes.
     *
     * @param name its name
     * @param declFile where it is declared, or null
     * @param declLine the line, or null
     * @param size its size
     * @param wastedBytes holes and padding in bytes
     * @param holes the number of holes
     * @param holeBytes their bytes
     * @param padding the trailing padding
     * @param savedBytes what {@code --reorganize} saves, or null when not asked or skipped
     */
    public record Wasteful(String name, String declFile, Long declLine, long size, long wastedBytes, int holes,
            long holeBytes, long padding, Long savedBytes) {}

    /**
     * One of the largest structs.
     *
     * @param name its name
     * @param declFile where it is declared, or null
     * @param declLine the line, or null
     * @param size its size
     * @param cachelines the cachelines it spans
     */
    public record Large(String name, String declFile, Long declLine, long size, long cachelines) {}

    /**
     * A struct whose size is not a multiple of its alignment.
     *
     * @param name its name
     * @param declFile where it is declared, or null
     * @param declLine the line, or null
     * @param size its size
     * @param alignment its alignment
     * @param packed whether pahole infers {@code __packed__}
     */
    public record Misfit(String name, String declFile, Long declLine, long size, long alignment, boolean packed) {}

    /**
     * The reorganization counts.
     *
     * @param saved the structs a reordering makes smaller
     * @param savedBytes the bytes saved over them all
     * @param optimal the structs no reordering makes smaller
     * @param skipped the structs left alone (unions, packed or unreproducible layouts)
     */
    public record Reorganize(int saved, long savedBytes, int optimal, int skipped) {}

    /**
     * The summary (the JSON record).
     *
     * @param structs the structs reported
     * @param unions the unions
     * @param classes the classes
     * @param totalSize the sum of their sizes
     * @param members the sum of their members
     * @param holes the byte holes
     * @param holeBytes their bytes
     * @param bitHoles the bit holes
     * @param holeBits their bits
     * @param paddingBytes the trailing padding over all
     * @param wastedBytes holes and padding over all
     * @param structsWithHoles the structs with a byte hole
     * @param structsWithPadding the structs with trailing padding
     * @param straddlingMembers the members that cross a cacheline boundary
     * @param reorganize the reorganization counts, or null when not asked for
     * @param byWasted every struct that wastes bytes, most first
     * @param largest the largest structs, largest first
     * @param sizeNotMultipleOfAlignment the structs whose size is not a multiple of their alignment
     */
    public record Result(int structs, int unions, int classes, long totalSize, long members, int holes, long holeBytes,
            int bitHoles, long holeBits, long paddingBytes, long wastedBytes, int structsWithHoles,
            int structsWithPadding, int straddlingMembers, Reorganize reorganize, List<Wasteful> byWasted,
            List<Large> largest, List<Misfit> sizeNotMultipleOfAlignment) {}

    /** Adds a struct. */
    public void add(StructReport r) {
        switch (r.kind()) {
            case "union" -> unions++;
            case "class" -> classes++;
            default -> structs++;
        }
        StructReport.Totals t = r.totals();
        totalSize += r.size();
        members += t.members();
        holes += t.holes();
        holeBytes += t.holeBytes();
        bitHoles += t.bitHoles();
        holeBits += t.holeBits();
        paddingBytes += t.padding();
        wastedBytes += t.wastedBytes();
        withHoles += t.holes() > 0 ? 1 : 0;
        withPadding += t.padding() > 0 ? 1 : 0;
        straddling += t.straddling();
        Long saved = null;
        if (r.reorganized() != null) {
            reorganized = true;
            switch (r.reorganized().status()) {
                case "saved" -> {
                    reorgSaved++;
                    reorgBytes += r.reorganized().savedBytes();
                    saved = r.reorganized().savedBytes();
                }
                case "optimal" -> {
                    reorgOptimal++;
                    saved = 0L;
                }
                default -> reorgSkipped++;
            }
        }
        if (t.wastedBytes() > 0) {
            wasteful.add(new Wasteful(r.name(), r.declFile(), r.declLine(), r.size(), t.wastedBytes(), t.holes(),
                    t.holeBytes(), t.padding(), saved));
        }
        large.add(new Large(r.name(), r.declFile(), r.declLine(), r.size(), t.cachelines()));
        if (large.size() > 4 * Math.max(top, 16)) {
            trimLarge();
        }
        if (!r.sizeMultipleOfAlignment()) {
            misfits.add(new Misfit(r.name(), r.declFile(), r.declLine(), r.size(), r.alignment(), r.packed()));
        }
    }

    private void trimLarge() {
        large.sort(LARGEST);
        large.subList(Math.min(top, large.size()), large.size()).clear();
    }

    private static final Comparator<Large> LARGEST = Comparator.comparingLong(Large::size).reversed()
            .thenComparing(Large::name);

    /** Returns the summary of what was added. */
    public Result result() {
        trimLarge();
        List<Wasteful> w = new ArrayList<>(wasteful);
        w.sort(Comparator.comparingLong(Wasteful::wastedBytes).reversed().thenComparing(Wasteful::name));
        List<Misfit> m = new ArrayList<>(misfits);
        m.sort(Comparator.comparing(Misfit::name));
        return new Result(structs, unions, classes, totalSize, members, holes, holeBytes, bitHoles, holeBits,
                paddingBytes, wastedBytes, withHoles, withPadding, straddling,
                reorganized ? new Reorganize(reorgSaved, reorgBytes, reorgOptimal, reorgSkipped) : null, w,
                List.copyOf(large), m);
    }
}
