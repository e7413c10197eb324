package dev.hagfish.dwarf;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code LineStateMachine} runs the opcodes of one line-number program (DWARF 5 §6.2.5) and
 * collects the rows it appends. Standard opcodes beyond those it knows are skipped with the
 * header's {@code standard_opcode_lengths}; unknown extended opcodes are skipped by their length.
 * The program ends at its unit's end, whether or not its last sequence was ended. Every row
 * consumes at least one opcode byte, so the row count is bounded by the program's size.
 *
 * <p>Single-threaded; package-private.
 */
final class LineStateMachine {
    private static final int DW_LNS_COPY = 1, DW_LNS_ADVANCE_PC = 2, DW_LNS_ADVANCE_LINE = 3, DW_LNS_SET_FILE = 4,
            DW_LNS_SET_COLUMN = 5, DW_LNS_NEGATE_STMT = 6, DW_LNS_SET_BASIC_BLOCK = 7, DW_LNS_CONST_ADD_PC = 8,
            DW_LNS_FIXED_ADVANCE_PC = 9, DW_LNS_SET_PROLOGUE_END = 10, DW_LNS_SET_EPILOGUE_BEGIN = 11,
            DW_LNS_SET_ISA = 12;
    private static final int DW_LNE_END_SEQUENCE = 1, DW_LNE_SET_ADDRESS = 2, DW_LNE_DEFINE_FILE = 3,
            DW_LNE_SET_DISCRIMINATOR = 4;
    private static final long LINE_MASK = 0xffffffffL;

    private final LineHeader h;
    private final ByteSource line;
    private final BinaryCursor c;
    private final LineProgram.Rows rows = new LineProgram.Rows();
    private final List<FileEntry> files;

    private long address;
    private long opIndex;
    private long file;
    private long lineNo;
    private long column;
    private boolean isStmt;
    private long discriminator;

    LineStateMachine(LineHeader h, ByteSource line) {
        this.h = h;
        this.line = line;
        this.c = new BinaryCursor(line, h.programStart(), h.unitEnd());
        this.files = new ArrayList<>(h.files());
        reset();
    }

    /** Returns the rows appended so far, in program order. */
    LineProgram.Rows rows() {
        return rows;
    }

    /** Returns the header's files plus those {@code DW_LNE_define_file} added. */
    List<FileEntry> files() {
        return files;
    }

    /** Runs the program to its unit's end. */
    void run() throws FormatException {
        while (!c.atEnd()) {
            long at = c.position();
            int op = c.u8();
            if (op == 0) {
                extended(at);
            } else if (op < h.opcodeBase()) {
                standard(at, op);
            } else {
                special(at, op - h.opcodeBase());
            }
        }
    }

    private void reset() {
        address = 0;
        opIndex = 0;
        file = 1;
        lineNo = 1;
        column = 0;
        isStmt = h.defaultIsStmt();
        discriminator = 0;
    }

    private void append(boolean endSequence) {
        rows.add(address, file, lineNo, column, isStmt, endSequence, discriminator);
        discriminator = 0;
    }

    private void special(long at, int adjusted) throws FormatException {
        int range = lineRange(at);
        advance(adjusted / range);
        lineNo = (lineNo + h.lineBase() + adjusted % range) & LINE_MASK;
        append(false);
    }

    private int lineRange(long at) throws FormatException {
        if (h.lineRange() == 0) {
            throw LineHeader.error(line, at, "special opcode with line_range 0 (program at 0x"
                    + Long.toHexString(h.offset()) + ")");
        }
        return h.lineRange();
    }

    /** Advances the address and op_index by an operation advance (DWARF 5 §6.2.5.1). */
    private void advance(long operationAdvance) {
        long maxOps = h.maxOpsPerInst();
        if (maxOps <= 1) {
            address += h.minInstLength() * operationAdvance;
        } else {
            long total = opIndex + operationAdvance;
            address += h.minInstLength() * Long.divideUnsigned(total, maxOps);
            opIndex = Long.remainderUnsigned(total, maxOps);
        }
    }

    private void standard(long at, int op) throws FormatException {
        switch (op) {
            case DW_LNS_COPY -> append(false);
            case DW_LNS_ADVANCE_PC -> advance(c.uleb());
            case DW_LNS_ADVANCE_LINE -> lineNo = (lineNo + c.sleb()) & LINE_MASK;
            case DW_LNS_SET_FILE -> file = c.uleb();
            case DW_LNS_SET_COLUMN -> column = c.uleb();
            case DW_LNS_NEGATE_STMT -> isStmt = !isStmt;
            case DW_LNS_SET_BASIC_BLOCK, DW_LNS_SET_PROLOGUE_END, DW_LNS_SET_EPILOGUE_BEGIN -> {
                // Flags hagfish does not keep.
            }
            case DW_LNS_CONST_ADD_PC -> advance((255 - h.opcodeBase()) / lineRange(at));
            case DW_LNS_FIXED_ADVANCE_PC -> {
                address += c.u16();
                opIndex = 0;
            }
            case DW_LNS_SET_ISA -> c.uleb();
            default -> {
                // An opcode this reader does not know: skip its ULEB128 operands.
                for (int i = 0; i < h.standardOpcodeLengths()[op - 1]; i++) {
                    c.uleb();
                }
            }
        }
    }

    private void extended(long at) throws FormatException {
        long len = c.uleb();
        long start = c.position();
        if (len <= 0 || len > c.remaining()) { // <= 0: zero, or above 2^63 as unsigned
            throw LineHeader.error(line, at, "extended opcode length " + Long.toUnsignedString(len)
                    + " is 0 or runs past the program end 0x" + Long.toHexString(h.unitEnd()));
        }
        long end = start + len;
        int sub = c.u8();
        // The operands are read from the program's cursor: set_address's size is the length
        // itself, and the others are checked against the opcode's end; only define_file, which is
        // rare, gets a cursor of its own.
        switch (sub) {
            case DW_LNE_END_SEQUENCE -> {
                append(true);
                reset();
            }
            case DW_LNE_SET_ADDRESS -> {
                address = address(at, c, (int) (len - 1));
                opIndex = 0;
            }
            case DW_LNE_DEFINE_FILE -> {
                BinaryCursor op = new BinaryCursor(line, c.position(), end);
                files.add(LineHeader.legacyFile(op.cstring(), op));
            }
            case DW_LNE_SET_DISCRIMINATOR -> discriminator = operandUleb(end);
            default -> {
                // Unknown (vendor) extended opcode: its length says how much to skip.
            }
        }
        c.seek(end);
    }

    /** Reads a ULEB128 operand that must end by {@code end}, as a cursor bounded there would. */
    private long operandUleb(long end) throws FormatException {
        long start = c.position();
        try {
            long v = c.uleb();
            if (c.position() <= end) {
                return v;
            }
        } catch (FormatException e) {
            // Malformed: the bounded cursor below fails too, with the message that names the end.
        }
        return new BinaryCursor(line, start, end).uleb();
    }

    private long address(long at, BinaryCursor op, int size) throws FormatException {
        return switch (size) {
            case 1 -> op.u8();
            case 2 -> op.u16();
            case 4 -> op.u32();
            case 8 -> op.u64();
            default -> throw LineHeader.error(line, at, "DW_LNE_set_address operand of " + size
                    + " bytes is not 1, 2, 4 or 8");
        };
    }
}
