package dev.hagfish.disasm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * {@code ObjdumpListing} reads a golden listing of {@code llvm-objdump-19 --macho -d} (stored
 * gzip-compressed): lines
 * {@code ADDRESS:<TAB>BYTES<TAB>MNEMONIC[<TAB>OPERANDS]}, under symbol labels {@code NAME:}.
 * Comments that llvm-objdump appends to the operands ({@code ## literal pool for: …} on x86,
 * {@code ; 0x…} on arm64, {@code @ KIND_JUMP_TABLE32} after data in code) are split off.
 */
record ObjdumpListing(Map<Long, Line> lines) {
    private static final Pattern INSN = Pattern.compile("\\s*([0-9a-f]+):\\t([0-9a-f ]*)\\t(.*)");

    /**
     * One instruction.
     *
     * @param address its address
     * @param bytes its encoding in hex without spaces (empty when objdump prints none)
     * @param mnemonic the mnemonic ({@code .long} for data)
     * @param operands the operands without the comment
     * @param comment the comment, or empty
     * @param label the symbol label it is listed under
     */
    record Line(long address, String bytes, String mnemonic, String operands, String comment, String label) {}

    static ObjdumpListing read(Path file) throws IOException {
        Map<Long, Line> out = new LinkedHashMap<>();
        String label = "";
        List<String> all;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            all = in.lines().toList();
        }
        for (String l : all.subList(1, all.size())) {
            Matcher m = INSN.matcher(l);
            if (m.matches()) {
                Line line = line(Long.parseUnsignedLong(m.group(1), 16), m.group(2).replace(" ", ""), m.group(3), label);
                if (out.put(line.address(), line) != null) {
                    throw new IllegalStateException(file + ": two lines at 0x" + Long.toHexString(line.address()));
                }
            } else if (l.endsWith(":") && !l.startsWith("(")) {
                label = l.substring(0, l.length() - 1);
            } else if (!l.matches("\\(__[A-Z]+,__[a-z_]+\\) section")) {
                throw new IllegalStateException(file + ": unexpected line: " + l);
            }
        }
        return new ObjdumpListing(out);
    }

    private static Line line(long address, String bytes, String rest, String label) {
        String[] f = rest.split("\t", -1);
        String mnemonic = f[0];
        String operands = f.length > 1 ? f[1] : "";
        String comment = f.length > 2 ? f[2] : "";
        if (mnemonic.startsWith(".") && mnemonic.contains(" ")) { // data in code: ".long 480<TAB>@ KIND_…"
            comment = operands;
            operands = mnemonic.substring(mnemonic.indexOf(' ') + 1).strip();
            mnemonic = mnemonic.substring(0, mnemonic.indexOf(' '));
        }
        for (String sep : new String[] {" ## ", " ; "}) {
            int c = operands.indexOf(sep);
            if (c >= 0) {
                comment = operands.substring(c + sep.length());
                operands = operands.substring(0, c);
            }
        }
        return new Line(address, bytes, mnemonic, operands.strip(), comment, label);
    }
}
