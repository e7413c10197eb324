package dev.hagfish.cli;

import picocli.CommandLine;

/** {@code Addresses} parses the addresses users type: {@code 0x…} hex, or decimal; unsigned 64-bit. */
final class Addresses {
    private Addresses() {}

    /** Parses an address, or throws a usage error naming it. */
    static long parse(CommandLine cl, String text) {
        String t = text.strip().replace("_", "").replace("`", "");
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            if (t.startsWith("-")) {
                return Long.parseLong(t);
            }
            return Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(cl, "not an address: '" + text + "' (use 0x… hex or decimal)");
        }
    }
}
