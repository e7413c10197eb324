package dev.hagfish.macho;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code RebaseInfo} decodes the rebase opcodes of an {@code LC_DYLD_INFO(_ONLY)} into the list of
 * unslid addresses of pointers that must move with the image ({@code loader.h},
 * {@code REBASE_OPCODE_*}). A kernel core "as booted" is the image with the slide added at each of
 * these addresses.
 */
public final class RebaseInfo {
    private static final int OPCODE_MASK = 0xf0;
    private static final int IMMEDIATE_MASK = 0x0f;
    private static final int DONE = 0x00;
    private static final int SET_TYPE_IMM = 0x10;
    private static final int SET_SEGMENT_AND_OFFSET_ULEB = 0x20;
    private static final int ADD_ADDR_ULEB = 0x30;
    private static final int ADD_ADDR_IMM_SCALED = 0x40;
    private static final int DO_REBASE_IMM_TIMES = 0x50;
    private static final int DO_REBASE_ULEB_TIMES = 0x60;
    private static final int DO_REBASE_ADD_ADDR_ULEB = 0x70;
    private static final int DO_REBASE_ULEB_TIMES_SKIPPING_ULEB = 0x80;

    private RebaseInfo() {}

    /**
     * Returns the unslid addresses of every rebased pointer, in opcode order; an empty list when
     * the image has no dyld info.
     *
     * @throws FormatException on an unknown opcode, a bad segment index or a pointer outside its
     *     segment
     */
    public static List<Long> pointers(MachOFile file) throws FormatException {
        List<DyldInfoCommand> infos = file.commands(DyldInfoCommand.class);
        if (infos.isEmpty() || infos.get(0).rebaseSize() == 0) {
            return List.of();
        }
        DyldInfoCommand info = infos.get(0);
        ByteSource src = file.source();
        src.checkRange(info.rebaseOff(), info.rebaseSize());
        List<SegmentCommand> segs = file.segments();
        int ptr = file.pointerSize();
        BinaryCursor c = new BinaryCursor(src, info.rebaseOff(), info.rebaseOff() + info.rebaseSize());
        List<Long> out = new ArrayList<>();
        SegmentCommand seg = null;
        long offset = 0;
        while (!c.atEnd()) {
            long at = c.position();
            int b = c.u8();
            int imm = b & IMMEDIATE_MASK;
            switch (b & OPCODE_MASK) {
                case DONE -> {
                    return out;
                }
                case SET_TYPE_IMM -> { }
                case SET_SEGMENT_AND_OFFSET_ULEB -> {
                    if (imm >= segs.size()) {
                        throw new FormatException(src.describe(), at, "rebase: segment index " + imm
                                + " but the image has " + segs.size() + " segments");
                    }
                    seg = segs.get(imm);
                    offset = c.uleb();
                }
                case ADD_ADDR_ULEB -> offset += c.uleb();
                case ADD_ADDR_IMM_SCALED -> offset += (long) imm * ptr;
                case DO_REBASE_IMM_TIMES -> offset = emit(src, at, seg, offset, imm, 0, ptr, out);
                case DO_REBASE_ULEB_TIMES -> offset = emit(src, at, seg, offset, c.uleb(), 0, ptr, out);
                case DO_REBASE_ADD_ADDR_ULEB -> offset = emit(src, at, seg, offset, 1, c.uleb(), ptr, out);
                case DO_REBASE_ULEB_TIMES_SKIPPING_ULEB -> {
                    long count = c.uleb();
                    long skip = c.uleb();
                    offset = emit(src, at, seg, offset, count, skip, ptr, out);
                }
                default -> throw new FormatException(src.describe(), at,
                        "rebase: unknown opcode 0x" + Integer.toHexString(b));
            }
        }
        return out;
    }

    /** Emits {@code count} pointers, each followed by a step of {@code skip + ptr} bytes. */
    private static long emit(ByteSource src, long at, SegmentCommand seg, long offset, long count,
            long skip, int ptr, List<Long> out) throws FormatException {
        if (seg == null) {
            throw new FormatException(src.describe(), at, "rebase: pointer before any segment was set");
        }
        long step = skip + ptr;
        // Every emitted pointer must lie inside the segment, which bounds the loop.
        if (Long.compareUnsigned(offset, seg.vmsize()) >= 0
                || (count > 0 && Long.compareUnsigned(count - 1, (seg.vmsize() - offset) / Math.max(step, 1)) > 0)) {
            throw new FormatException(src.describe(), at, "rebase: " + count + " pointers at offset 0x"
                    + Long.toHexString(offset) + " run past segment " + seg.segName());
        }
        for (long i = 0; i < count; i++) {
            out.add(seg.vmaddr() + offset);
            offset += step;
        }
        return offset;
    }
}
