package dev.hagfish.macho;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code FunctionStarts} decodes {@code LC_FUNCTION_STARTS}: a ULEB128 list of deltas, the first
 * from the start of __TEXT, ending with a zero delta. The result gives function sizes where the
 * symbol table has no symbol for the next function.
 */
public final class FunctionStarts {
    private FunctionStarts() {}

    /** Returns the unslid start addresses of the functions, ascending; empty without the command. */
    public static List<Long> addresses(MachOFile file) throws FormatException {
        List<LinkeditDataCommand> cmds = file.commands(LinkeditDataCommand.class).stream()
                .filter(c -> c.cmd() == LoadCommandType.LC_FUNCTION_STARTS).toList();
        var text = file.segment("__TEXT");
        if (cmds.isEmpty() || text.isEmpty()) {
            return List.of();
        }
        LinkeditDataCommand c = cmds.get(0);
        long start = c.dataoff(); // file-set entries keep offsets into the whole file, so no base is added
        file.source().checkRange(start, c.datasize());
        BinaryCursor cur = new BinaryCursor(file.source(), start, start + c.datasize());
        List<Long> out = new ArrayList<>();
        long addr = text.get().vmaddr();
        while (!cur.atEnd()) {
            long delta = cur.uleb();
            if (delta == 0) {
                break;
            }
            addr += delta;
            out.add(addr);
        }
        return out;
    }
}
