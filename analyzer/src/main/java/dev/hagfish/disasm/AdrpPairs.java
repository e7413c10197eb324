package dev.hagfish.disasm;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code AdrpPairs} follows the pages that arm64 {@code adrp} puts into registers through a
 * linear run of instructions, and gives the address that a later {@code add Xd, Xn, #imm} or a
 * load/store {@code [Xn, #imm]} forms from such a page: the compiler's two-instruction way to
 * address a global (adrp + add for its address, adrp + ldr/str for its contents).
 *
 * <p>The tracking is conservative, so that it never names a wrong address: a register's page is
 * forgotten when the register (as X or W) appears in any other role than the base of a plain
 * {@code [Xn]}/{@code [Xn, #imm]} operand or the source of the {@code add}, and every page is
 * forgotten at a call, a return or an unconditional branch. Branch targets reached from
 * elsewhere are not known, as in objdump and lldb, which pair only adjacent instructions.
 * Not thread-safe; one instance per decoded run.
 */
final class AdrpPairs {
    private static final Pattern ADD = Pattern.compile("(?:[wx][0-9]+|w?sp), (x[0-9]+|sp), #(0x[0-9a-f]+|[0-9]+)(?:, lsl #([0-9]+))?");
    private static final Pattern PLAIN_MEMORY = Pattern.compile("\\[(x[0-9]+|sp)(?:, #(-?(?:0x[0-9a-f]+|[0-9]+)))?\\]$");
    private static final Pattern REGISTER = Pattern.compile("\\b[wx]([0-9]+)\\b");
    private static final Pattern FIRST = Pattern.compile("x([0-9]+)\\b");

    private final Map<Integer, Long> pages = new HashMap<>();

    /**
     * Steps over one instruction and returns the address it forms from a tracked page, if any.
     *
     * @param target the page, for {@code adrp}
     */
    OptionalLong next(String mnemonic, String operands, Flow flow, OptionalLong target) {
        if (mnemonic.equals("adrp")) {
            Matcher d = FIRST.matcher(operands);
            if (d.lookingAt() && target.isPresent()) {
                pages.put(Integer.parseInt(d.group(1)), target.getAsLong());
            }
            return OptionalLong.empty();
        }
        if (flow == Flow.CALL || flow == Flow.RETURN || mnemonic.equals("b") || mnemonic.startsWith("br")) {
            pages.clear();
            return OptionalLong.empty();
        }
        OptionalLong formed = OptionalLong.empty();
        int keepStart = -1;
        int keepEnd = -1;
        Matcher add = ADD.matcher(operands);
        Matcher mem = PLAIN_MEMORY.matcher(operands);
        if (mnemonic.equals("add") && add.matches()) {
            Long page = page(add.group(1));
            if (page != null) {
                int shift = add.group(3) == null ? 0 : Integer.parseInt(add.group(3));
                formed = OptionalLong.of(page + (Literals.parse(add.group(2)) << shift));
            }
            keepStart = add.start(1);
            keepEnd = add.end(1);
        } else if ((mnemonic.startsWith("ld") || mnemonic.startsWith("st") || mnemonic.equals("prfm")) && mem.find()) {
            Long page = page(mem.group(1));
            if (page != null) {
                formed = OptionalLong.of(page + (mem.group(2) == null ? 0 : Literals.parse(mem.group(2))));
            }
            keepStart = mem.start(1);
            keepEnd = mem.end(1);
        }
        Matcher r = REGISTER.matcher(operands);
        while (r.find()) {
            if (r.start() != keepStart || r.end() != keepEnd) {
                pages.remove(Integer.parseInt(r.group(1)));
            }
        }
        return formed;
    }

    private Long page(String register) {
        return register.equals("sp") ? null : pages.get(Integer.parseInt(register.substring(1)));
    }
}
