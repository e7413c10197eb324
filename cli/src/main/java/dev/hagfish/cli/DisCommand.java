package dev.hagfish.cli;

import dev.hagfish.disasm.Disassembler;
import dev.hagfish.disasm.Disassembly;
import dev.hagfish.disasm.Label;
import dev.hagfish.disasm.Syntax;
import dev.hagfish.index.AddressLookup;
import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.index.SymbolHit;
import dev.hagfish.index.SymbolSearch;
import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hagfish dis FUNC|ADDR}: disassembly, as gdb's {@code disassemble} (a whole function, by
 * its symbol's size) and {@code x/Ni} ({@code -n N} instructions from a function, FUNC+OFF or an
 * address). x86 is in Intel syntax unless {@code --att}. Branch and call targets and RIP-relative
 * or adrp-paired operands are annotated with {@code <symbol+off>} from the index;
 * {@code --source} interleaves the line table's file:line. The memory read is the target
 * ({@link TargetOptions}): a snapshot ({@code --core}, {@code --raw}) over the kernel file, or the
 * kernel file alone, moved by the detected or given slide; addresses typed and printed are slid.
 */
@Command(name = "dis", description = "Disassemble a function, or N instructions (gdb's disassemble and x/Ni).")
final class DisCommand implements Callable<Integer> {
    private static final Pattern ADDRESS = Pattern.compile("\\*?(0[xX][0-9a-fA-F_`]+|[0-9]+)");
    private static final Pattern PLUS_OFFSET = Pattern.compile("(.+)\\+(0[xX][0-9a-fA-F]+|[0-9]+)");

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    TargetOptions target;

    @Mixin
    SourceOptions sourceOptions;

    @Parameters(index = "0", paramLabel = "FUNC|ADDR",
            description = "A function (FUNC or FUNC+OFF) or an address (0x…, *0x… or decimal; slid).")
    String where;

    @Option(names = "-n", paramLabel = "N", description = "Disassemble N instructions from FUNC, FUNC+OFF or ADDR "
            + "(default: the whole function).")
    Integer count;

    @Option(names = "--source", description = "Interleave file:line from the line table (and the line's text when "
            + "the file is found; see --source-dir, --source-map).")
    boolean source;

    @Option(names = "--att", description = "AT&T syntax for x86 (default: Intel).")
    boolean att;

    /** What to decode: a range (count 0) or count instructions from start. */
    private record Request(long start, long end, int count, DisListing.Function function) {}

    @Override
    public Integer call() throws IOException {
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "-n must be at least 1");
        }
        try (Target target = this.target.open()) {
            KernelStore st = target.store();
            KernelRecord k = target.kernel();
            long s = target.slide();
            IndexLabels labels = new IndexLabels(new AddressLookup(st, k.uuid()), s);
            Request r = resolve(st, k.uuid(), labels, s);
            Code t = Code.of(target);
            if (att && !t.arch().isX86()) {
                throw new ParameterException(spec.commandLine(), "--att applies to x86 only; kernel " + k.uuid()
                        + " is " + k.arch());
            }
            Syntax syntax = att ? Syntax.ATT : Syntax.INTEL;
            Disassembly d;
            try (Disassembler dis = Disassembler.open(t.arch(), syntax, t.data())) {
                d = r.count() > 0 ? dis.decode(t.space(), r.start(), r.count())
                        : dis.decodeRange(t.space(), r.start(), r.end());
            }
            print(k, t, syntax, labels, r, d);
            if (d.fault().isPresent()) {
                throw new HagfishException(ExitCodes.TARGET, d.fault().get().getMessage());
            }
        }
        return ExitCodes.OK;
    }

    private void print(KernelRecord k, Code t, Syntax syntax, IndexLabels labels, Request r, Disassembly d)
            throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        SourceLines lines = source ? new SourceLines(sourceOptions.files(spec.commandLine())) : null;
        DisListing listing = new DisListing(labels, t.arch(), lines);
        DisListing.Function f = r.function();
        if (common.json) {
            DisListing.FunctionRow fr = f == null ? null : new DisListing.FunctionRow(f.name(), Unsigned.hex(f.address()),
                    f.size());
            Json.write(out, new DisListing.Result(k.uuid(), t.arch().archName(),
                    t.arch().isX86() ? syntax.name().toLowerCase(Locale.ROOT) : null, Unsigned.shortHex(t.slide()), fr,
                    listing.rows(d.instructions(), f), d.fault().map(Throwable::getMessage).orElse(null)));
        } else {
            listing.text(out, d.instructions(), f, r.count() == 0);
        }
        out.flush();
    }

    /** Parses FUNC, FUNC+OFF or ADDR into what to decode. */
    private Request resolve(KernelStore st, String uuid, IndexLabels labels, long slide) throws IOException {
        String w = where.strip();
        if (w.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "say what to disassemble: FUNC, FUNC+OFF or ADDR");
        }
        if (ADDRESS.matcher(w).matches()) {
            long address = Addresses.parse(spec.commandLine(), w.startsWith("*") ? w.substring(1) : w);
            DisListing.Function f = containing(st, uuid, labels, address, slide);
            if (count != null) {
                return new Request(address, 0, count, f);
            }
            if (f == null) {
                throw new HagfishException(ExitCodes.NOT_FOUND, Unsigned.hex(address) + ": no function of kernel " + uuid
                        + " holds this address; give -n N to disassemble N instructions from it");
            }
            return whole(f);
        }
        Matcher m = PLUS_OFFSET.matcher(w);
        String name = m.matches() ? m.group(1).strip() : w;
        long offset = m.matches() ? Addresses.parse(spec.commandLine(), m.group(2)) : 0;
        DisListing.Function f = named(st, uuid, labels, name, slide);
        return count != null ? new Request(f.address() + offset, 0, count, f) : whole(f);
    }

    private Request whole(DisListing.Function f) {
        if (f.size() == 0) {
            throw new HagfishException(ExitCodes.NOT_FOUND, f.name() + ": the symbol table gives no size; give -n N");
        }
        return new Request(f.address(), f.address() + f.size(), 0, f);
    }

    /** The function named {@code name}: one address among the exact matches, or a usage error listing them. */
    private DisListing.Function named(KernelStore st, String uuid, IndexLabels labels, String name, long slide)
            throws IOException {
        List<SymbolHit> exact = new SymbolSearch(st, uuid).search(name, "func", 50).stream()
                .filter(h -> h.match().equals("exact")).toList();
        List<Long> addresses = exact.stream().map(SymbolHit::address).distinct().toList();
        if (addresses.isEmpty()) {
            throw new HagfishException(ExitCodes.NOT_FOUND, "no function named " + name + " in kernel " + uuid);
        }
        if (addresses.size() > 1) {
            throw new HagfishException(ExitCodes.USAGE, name + " is ambiguous: " + addresses.size()
                    + " functions; disassemble one by its symbol or address: " + String.join(", ", exact.stream()
                            .map(h -> h.name() + " at " + Unsigned.hex(h.address() + slide)).distinct().toList()));
        }
        SymbolHit h = exact.get(0);
        String shown = labels.find(h.address() + slide).filter(l -> l.offset() == 0).map(Label::name).orElse(name);
        return new DisListing.Function(shown, h.address() + slide, h.size());
    }

    /** The function holding a slid address, with its symbol's size, or null. */
    private static DisListing.Function containing(KernelStore st, String uuid, IndexLabels labels, long address,
            long slide) throws IOException {
        Optional<Label> l = labels.find(address);
        if (l.isEmpty()) {
            return null;
        }
        long start = address - l.get().offset();
        for (SymbolHit h : new SymbolSearch(st, uuid).search(l.get().name(), "func", 50)) {
            if (h.address() + slide == start) {
                return new DisListing.Function(l.get().name(), start, h.size());
            }
        }
        return null;
    }
}
