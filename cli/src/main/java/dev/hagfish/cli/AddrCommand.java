package dev.hagfish.cli;

import dev.hagfish.index.AddressAnswer;
import dev.hagfish.index.AddressLookup;
import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.io.Unsigned;
import dev.hagfish.symbols.DataSymbol;
import dev.hagfish.symbols.Frame;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hagfish addr ADDR...}: what is at each address, as lldb's {@code image lookup -a}
 * summarises it (symbol + offset, the innermost inlined function, file:line:column), and with
 * {@code -v} the whole inline chain as {@code llvm-symbolizer} prints it. Addresses come from the
 * arguments, or from stdin (one per line) when there are none or the argument is {@code -}.
 */
@Command(name = "addr", description = "Symbolize addresses: symbol+offset, file:line:column, inline chain (-v).")
final class AddrCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "ADDR", arity = "0..*", description = "Addresses (0x… or decimal); none or '-' reads stdin.")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--slide", paramLabel = "S", description = "The KASLR slide to subtract (addresses are slid).")
    String slide;

    @Option(names = {"-v", "--verbose"}, description = "Print every frame of the inline chain.")
    boolean verbose;

    /** One frame (JSON). */
    record FrameRow(String function, String file, long line, long column, String startFile, long startLine,
            String startAddress, long discriminator) {}

    /** One data symbol (JSON). */
    record DataRow(String name, String start, long size) {}

    /** One address (JSON). */
    record Row(String address, String unslid, String symbol, Long offset, List<FrameRow> frames, DataRow data) {}

    @Override
    public Integer call() throws IOException {
        long s = slide == null ? 0 : Addresses.parse(spec.commandLine(), slide);
        PrintWriter out = spec.commandLine().getOut();
        try (KernelStore st = store.open()) {
            KernelRecord k = store.select(st);
            AddressLookup lookup = new AddressLookup(st, k.uuid());
            boolean stdin = addresses.isEmpty() || addresses.equals(List.of("-"));
            if (common.json) {
                out.print("[");
            }
            boolean first = true;
            if (stdin) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        emit(out, lookup, line.strip(), s, first);
                        first = false;
                    }
                }
            } else {
                for (String a : addresses) {
                    emit(out, lookup, a, s, first);
                    first = false;
                }
            }
            if (common.json) {
                out.println("]");
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    private void emit(PrintWriter out, AddressLookup lookup, String text, long slide, boolean first)
            throws IOException {
        long address = Addresses.parse(spec.commandLine(), text);
        long unslid = address - slide;
        AddressAnswer a = lookup.find(unslid);
        Frame outer = a.frames().get(a.frames().size() - 1);
        Frame inner = a.frames().get(0);
        boolean known = !outer.functionName().isEmpty();
        if (common.json) {
            List<FrameRow> frames = new ArrayList<>();
            if (known || !inner.fileName().isEmpty()) {
                for (Frame f : a.frames()) {
                    frames.add(new FrameRow(f.functionName(), f.fileName(), f.line(), f.column(), f.startFileName(),
                            f.startLine(), f.startAddress().isPresent() ? Unsigned.hex(f.startAddress().getAsLong())
                                    : null, f.discriminator()));
                }
            }
            DataRow data = a.data().map(d -> new DataRow(d.name(), Unsigned.hex(d.start()), d.size())).orElse(null);
            Long offset = known && outer.startAddress().isPresent() ? unslid - outer.startAddress().getAsLong() : null;
            out.print((first ? "" : ",") + "\n");
            Json.write(out, new Row(Unsigned.hex(address), Unsigned.hex(unslid), known ? outer.functionName() : null,
                    offset, frames, data));
            return;
        }
        // One builder and one write per address: a batch prints millions of lines.
        StringBuilder line = Unsigned.appendHex(new StringBuilder(160), address).append(": ");
        if (known) {
            line.append(outer.functionName());
            if (outer.startAddress().isPresent()) {
                line.append(" + ").append(unslid - outer.startAddress().getAsLong());
            }
            if (a.frames().size() > 1) {
                line.append(" [inlined] ").append(inner.functionName());
            }
            if (!inner.fileName().isEmpty()) {
                position(line.append(" at "), inner);
            }
        } else if (a.data().isPresent()) {
            DataSymbol d = a.data().get();
            line.append(d.name()).append(" + ").append(unslid - d.start());
        } else if (!inner.fileName().isEmpty()) {
            position(line, inner);
        } else {
            line.append("no symbol");
        }
        line.append(System.lineSeparator());
        if (verbose && known) {
            for (Frame f : a.frames()) {
                line.append("    ").append(f.functionName());
                if (!f.fileName().isEmpty()) {
                    position(line.append(" at "), f);
                }
                line.append(System.lineSeparator());
            }
        }
        out.write(line.toString());
    }

    private static void position(StringBuilder out, Frame f) {
        out.append(f.fileName()).append(':').append(f.line());
        if (f.column() > 0) {
            out.append(':').append(f.column());
        }
    }
}
