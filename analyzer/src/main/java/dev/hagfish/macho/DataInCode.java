package dev.hagfish.macho;

import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DataInCode} decodes {@code LC_DATA_IN_CODE}: a table of {@code data_in_code_entry}
 * records ({@code <mach-o/loader.h>}: {@code uint32_t offset} from the Mach-O header,
 * {@code uint16_t length}, {@code uint16_t kind}) that mark bytes inside code sections which are
 * data, such as jump tables, so that a disassembler shows them as data instead of decoding them.
 */
public final class DataInCode {
    /** The size of one {@code data_in_code_entry}. */
    public static final int ENTRY_SIZE = 8;
    /** {@code DICE_KIND_DATA}. */
    public static final int KIND_DATA = 1;
    /** {@code DICE_KIND_JUMP_TABLE8}. */
    public static final int KIND_JUMP_TABLE8 = 2;
    /** {@code DICE_KIND_JUMP_TABLE16}. */
    public static final int KIND_JUMP_TABLE16 = 3;
    /** {@code DICE_KIND_JUMP_TABLE32}. */
    public static final int KIND_JUMP_TABLE32 = 4;
    /** {@code DICE_KIND_ABS_JUMP_TABLE32}. */
    public static final int KIND_ABS_JUMP_TABLE32 = 5;

    private DataInCode() {}

    /**
     * One entry.
     *
     * @param offset the offset of the data from the image's Mach-O header (a file offset within
     *     the image); in a relocatable object, whose segment does not map the header, the
     *     assembler writes the data's address instead
     * @param length the number of data bytes
     * @param kind one of the {@code KIND_…} codes (an open set: other values are kept)
     */
    public record Entry(long offset, int length, int kind) {}

    /**
     * Returns the entries in file order; empty without the command.
     *
     * @throws FormatException if the table lies outside the file or its size is not a multiple of
     *     {@value #ENTRY_SIZE}
     */
    public static List<Entry> entries(MachOFile file) throws FormatException {
        List<LinkeditDataCommand> cmds = file.commands(LinkeditDataCommand.class).stream()
                .filter(c -> c.cmd() == LoadCommandType.LC_DATA_IN_CODE).toList();
        if (cmds.isEmpty()) {
            return List.of();
        }
        LinkeditDataCommand c = cmds.get(0);
        if (c.datasize() % ENTRY_SIZE != 0) {
            throw new FormatException(file.source().describe(), c.fileOffset(), "LC_DATA_IN_CODE: datasize "
                    + c.datasize() + " is not a multiple of " + ENTRY_SIZE);
        }
        long start = c.dataoff(); // like LC_FUNCTION_STARTS, file-set offsets are into the whole file
        file.source().checkRange(start, c.datasize());
        List<Entry> out = new ArrayList<>();
        for (long off = start; off < start + c.datasize(); off += ENTRY_SIZE) {
            out.add(new Entry(file.source().u32(off), file.source().u16(off + 4), file.source().u16(off + 6)));
        }
        return out;
    }
}
