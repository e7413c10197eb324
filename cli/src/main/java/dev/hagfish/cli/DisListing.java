package dev.hagfish.cli;

import dev.hagfish.disasm.Arch;
import dev.hagfish.disasm.Instruction;
import dev.hagfish.disasm.Label;
import dev.hagfish.io.Unsigned;
import dev.hagfish.report.DisassemblyText;
import dev.hagfish.symbols.Frame;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code DisListing} prints what {@code dis} decoded: gdb's {@code disassemble} layout for a whole
 * function ({@code Dump of assembler code for function NAME:}, lines {@code    ADDR <+OFF>:\tTEXT},
 * {@code End of assembler dump.}), gdb's {@code x/i} layout for N instructions
 * ({@code    ADDR <NAME+OFF>:\tTEXT}), with {@code --source} a {@code FILE:LINE} line (and the
 * line's text when the file is found) wherever the line table moves to another line; or the JSON
 * shape of {@link Result}. Not thread-safe.
 */
final class DisListing {
    /** The function disassembled (JSON). */
    record FunctionRow(String name, String address, long size) {}

    /** One instruction (JSON). */
    record Row(String address, Long offset, String label, String bytes, String mnemonic, String operands, String kind,
            String flow, String target, String targetLabel, String reference, String referenceLabel, String file,
            Long line) {}

    /** The JSON shape. */
    record Result(String kernel, String arch, String syntax, String slide, FunctionRow function, List<Row> instructions,
            String fault) {}

    /** The function, slid, or null when N instructions were asked from an address outside any. */
    record Function(String name, long address, long size) {}

    private final IndexLabels labels;
    private final Arch arch;
    private final SourceLines sources;

    /** @param sources the source finder for {@code --source}, or null without it */
    DisListing(IndexLabels labels, Arch arch, SourceLines sources) {
        this.labels = labels;
        this.arch = arch;
        this.sources = sources;
    }

    /** Prints the text layout; {@code whole} says whether it is a whole function. */
    void text(PrintWriter out, List<Instruction> insns, Function f, boolean whole) throws IOException {
        if (whole) {
            out.println("Dump of assembler code for function " + f.name() + ":");
        }
        String lastFile = null;
        long lastLine = -1;
        for (Instruction i : insns) {
            if (sources != null) {
                Frame at = labels.line(i.address());
                if (!at.fileName().isEmpty() && at.line() > 0 && (at.line() != lastLine || !at.fileName().equals(lastFile))) {
                    Optional<String> text = sources.text(at.fileName(), at.line());
                    out.println(at.fileName() + ":" + at.line() + text.map(t -> "\t" + t).orElse(""));
                    lastFile = at.fileName();
                    lastLine = at.line();
                }
            }
            String where = whole ? "+" + (i.address() - f.address()) : labels.find(i.address()).map(Label::text).orElse("");
            out.println(DisassemblyText.line(i, where, arch, labels));
        }
        if (whole) {
            out.println("End of assembler dump.");
        }
    }

    /** Returns the JSON rows. */
    List<Row> rows(List<Instruction> insns, Function f) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Instruction i : insns) {
            Frame at = sources != null ? labels.line(i.address()) : null;
            boolean line = at != null && !at.fileName().isEmpty() && at.line() > 0;
            rows.add(new Row(Unsigned.hex(i.address()), f == null ? null : i.address() - f.address(),
                    label(OptionalLong.of(i.address())), i.hexBytes(), i.mnemonic(), i.operands(),
                    i.kind().name().toLowerCase(Locale.ROOT), i.flow().name().toLowerCase(Locale.ROOT), hex(i.target()),
                    label(i.target()), hex(i.reference()), label(i.reference()), line ? at.fileName() : null,
                    line ? at.line() : null));
        }
        return rows;
    }

    private String label(OptionalLong a) throws IOException {
        return a.isPresent() ? labels.find(a.getAsLong()).map(Label::text).orElse(null) : null;
    }

    private static String hex(OptionalLong a) {
        return a.isPresent() ? Unsigned.hex(a.getAsLong()) : null;
    }
}
