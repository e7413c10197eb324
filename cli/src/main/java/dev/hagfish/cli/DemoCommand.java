package dev.hagfish.cli;

import dev.hagfish.dwarf.UnitWalker;
import dev.hagfish.index.AddressAnswer;
import dev.hagfish.index.AddressLookup;
import dev.hagfish.index.IndexInput;
import dev.hagfish.index.IndexProgress;
import dev.hagfish.index.IndexSummary;
import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.KernelStore;
import dev.hagfish.index.SymbolHit;
import dev.hagfish.index.SymbolSearch;
import dev.hagfish.index.TypeHit;
import dev.hagfish.index.TypeSearch;
import dev.hagfish.report.GdbPtype;
import dev.hagfish.report.ReportOptions;
import dev.hagfish.report.ReportSummary;
import dev.hagfish.symbols.Frame;
import dev.hagfish.types.Layout;
import dev.hagfish.image.KernelImage;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.MainBinSpec;
import dev.hagfish.macho.NoteCommand;
import dev.hagfish.macho.SegmentCommand;
import dev.hagfish.macho.ThreadCommand;
import dev.hagfish.macho.UuidCommand;
import dev.hagfish.symbols.Symbol;
import dev.hagfish.symbols.SymbolTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hagfish demo} runs the main job on the bundled sample kernel. Today it shows what has
 * landed: the kernel's identity and segments, the dSYM pairing by UUID, and what the sample core
 * says about itself (its LC_NOTE, thread state and the symbol at the pc), and a symbol lookup in
 * the kernel's own symbol table. It names plainly the steps that have not landed yet (indexing,
 * struct layout, the process list and tree).
 */
@Command(name = "demo", description = "Run the main job on the bundled sample kernel and core.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    /** One step of the demo: what it did and what it found, or that it is not available yet. */
    record Step(String name, boolean available, Map<String, Object> result, String note) {}

    /** The demo's JSON shape: {@code {"samples": PATH, "steps": [Step...]}}. */
    record DemoResult(String samples, List<Step> steps) {}

    @Override
    public Integer call() throws IOException {
        Path samples = SampleCorpus.root();
        List<Step> steps = new ArrayList<>();
        Path kernelPath = samples.resolve(SampleCorpus.DEMO_KERNEL);
        MachOFile kernel = MachOFile.parse(ByteSource.open(kernelPath));
        steps.add(new Step("kernel", true, describeImage(kernelPath, kernel), null));

        Path dsymPath = samples.resolve(SampleCorpus.DEMO_KERNEL + ".dSYM/Contents/Resources/DWARF/kernel");
        MachOFile dsym = MachOFile.parse(ByteSource.open(dsymPath));
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("dsym", samples.relativize(dsymPath).toString());
        pair.put("uuid", uuid(dsym));
        pair.put("matches", uuid(dsym).equals(uuid(kernel)));
        steps.add(new Step("dsym", true, pair, null));

        SymbolTable symbols = SymbolTable.of(kernel);
        Path corePath = samples.resolve(SampleCorpus.DEMO_CORE);
        MachOFile core = MachOFile.parse(ByteSource.open(corePath));
        steps.add(new Step("core", true, describeCore(samples, corePath, core, symbols), null));

        try (KernelStore store = KernelStore.open(demoStore())) {
            steps.add(new Step("index", true, index(store, kernelPath), null));
            String uuid = uuid(kernel);
            steps.add(new Step("sym", true, sym(store, uuid, symbols), "hagfish sym kext_alloc"));
            steps.add(new Step("addr", true, addr(store, uuid), "hagfish addr -v ADDR"));
            steps.add(new Step("struct", true, struct(store, uuid), "hagfish struct proc"));
            steps.add(new Step("report", true, report(store, uuid),
                    "hagfish report --all --reorganize --format html -o FILE; open FILE in a browser"));
        }
        String coreFile = corePath.toString();
        String index = demoStore().toString();
        steps.add(new Step("version", true, run("version", "--core", coreFile, "--index", index),
                "hagfish version --core " + SampleCorpus.DEMO_CORE));
        steps.add(new Step("print", true, run("print", "kernproc->p_comm", "--core", coreFile, "--index", index),
                "hagfish print 'kernproc->p_comm' --core " + SampleCorpus.DEMO_CORE));
        steps.add(new Step("x/11i", true, run("x", "/11i", "AppleHDA_start+4", "--core", coreFile, "--index", index),
                "hagfish x/11i AppleHDA_start+4 --core " + SampleCorpus.DEMO_CORE + ": the kext's debugger trap"));
        steps.add(notYet("ps", "the process list of the core (hagfish ps)"));
        steps.add(notYet("pstree", "the process tree of the core (hagfish pstree)"));

        DemoResult result = new DemoResult(samples.toString(), steps);
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            Json.write(out, result);
        } else {
            printText(out, result);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Runs a hagfish command in this process, as a user would type it, and returns its output
     * lines; a failure stops the demo with the command's own message and exit code.
     */
    private static Map<String, Object> run(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cl = Main.commandLine(args); // as main builds it: the named subcommand alone
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        if (code != ExitCodes.OK) {
            throw new HagfishException(code, "demo: hagfish " + String.join(" ", args) + " failed: " + err.toString().strip());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("output", out.toString().lines().toList());
        return m;
    }

    private static Map<String, Object> describeImage(Path path, MachOFile f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", path.getFileName().toString());
        m.put("arch", f.header().cpuType().archName());
        m.put("filetype", f.header().fileTypeName());
        m.put("uuid", uuid(f));
        List<Map<String, Object>> segs = new ArrayList<>();
        for (SegmentCommand s : f.segments()) {
            Map<String, Object> seg = new LinkedHashMap<>();
            seg.put("name", s.segName());
            seg.put("vmaddr", Unsigned.hex(s.vmaddr()));
            seg.put("vmsize", Unsigned.shortHex(s.vmsize()));
            seg.put("sections", s.sections().size());
            segs.add(seg);
        }
        m.put("segments", segs);
        KernelImage.entry(f).ifPresent(pc -> m.put("entry", Unsigned.hex(pc)));
        return m;
    }

    /** The demo's own store, beside the user's: {@code $HAGFISH_HOME/demo-index} or {@code ~/.hagfish/demo-index}. */
    static Path demoStore() {
        return KernelStore.defaultDir().resolveSibling("demo-index");
    }

    private static Map<String, Object> index(KernelStore store, Path kernelPath) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        KernelImage image = KernelImage.open(kernelPath, null, null, false);
        boolean done = store.kernels().stream().anyMatch(k -> k.uuid().equals(image.uuid())) && current(store, image.uuid());
        if (!done) {
            IndexSummary s = store.index(IndexInput.of(image), IndexProgress.NONE, UnitWalker.defaultThreads());
            m.put("seconds", Math.round(s.seconds() * 10) / 10.0);
        }
        KernelRecord k = store.kernel(image.uuid());
        m.put("store", store.dir().toString());
        m.put("uuid", k.uuid());
        m.put("already_indexed", done);
        m.put("symbols", k.symbols());
        m.put("types", k.types());
        m.put("intervals", k.intervals());
        return m;
    }

    /** Whether the stored kernel has what {@code print} needs (a store made before it kept types has not). */
    private static boolean current(KernelStore store, String uuid) throws IOException {
        try {
            new dev.hagfish.index.ValueIndex(store, uuid).types();
            return true;
        } catch (dev.hagfish.index.KernelNotFoundException e) {
            return false;
        }
    }

    private static Map<String, Object> sym(KernelStore store, String uuid, SymbolTable symbols) throws IOException {
        SymbolHit h = new SymbolSearch(store, uuid).search("kext_alloc", null, 1).get(0);
        Map<String, Object> m = lookUp(symbols, h.name());
        m.put("decl", h.declFile() + ":" + h.declLine());
        return m;
    }

    /** The first address of kext_alloc where code of another function was inlined, with its chain. */
    private static Map<String, Object> addr(KernelStore store, String uuid) throws IOException {
        SymbolHit f = new SymbolSearch(store, uuid).search("kext_alloc", "func", 1).get(0);
        AddressLookup lookup = new AddressLookup(store, uuid);
        Map<String, Object> m = new LinkedHashMap<>();
        for (long a = f.address(); Long.compareUnsigned(a, f.address() + f.size()) < 0; a++) {
            AddressAnswer ans = lookup.find(a);
            if (ans.frames().size() > 1) {
                m.put("address", Unsigned.hex(a));
                m.put("symbol", f.demangled() + "+0x" + Long.toHexString(a - f.address()));
                List<String> chain = new ArrayList<>();
                for (Frame x : ans.frames()) {
                    chain.add(x.functionName() + " at " + x.fileName() + ":" + x.line() + ":" + x.column());
                }
                m.put("inline_chain", chain);
                break;
            }
        }
        return m;
    }

    private static Map<String, Object> struct(KernelStore store, String uuid) throws IOException {
        TypeHit h = new TypeSearch(store, uuid).named("struct proc").get(0);
        Layout l = h.layout().orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("size", l.byteSize());
        m.put("members", l.memberCount());
        m.put("holes", l.holes());
        m.put("wasted_bytes", l.wastedBytes());
        m.put("cachelines", l.cachelines());
        m.put("ptype", GdbPtype.print(l, true, false));
        return m;
    }

    /** The demo's HTML report: {@code $HAGFISH_HOME/demo-report.html}, beside its store. */
    static Path demoReport() {
        return KernelStore.defaultDir().resolveSibling("demo-report.html");
    }

    private static Map<String, Object> report(KernelStore store, String uuid) throws IOException {
        KernelRecord k = store.kernel(uuid);
        List<TypeHit> hits = StoredTypes.of(store, k, null).structs();
        Path file = demoReport();
        ReportSummary.Result s;
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
            PrintWriter out = new PrintWriter(w);
            s = ReportCommand.write(ReportCommand.writer("html", out), k, hits,
                    new ReportOptions(Layout.DEFAULT_CACHELINE, false, true, 20), "all");
            out.flush();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("structs", hits.size());
        m.put("wasted_bytes", s.wastedBytes());
        m.put("most_wasted", s.byWasted().isEmpty() ? null : s.byWasted().get(0).name());
        m.put("saveable", s.reorganize().savedBytes()); // bytes --reorganize saves
        return m;
    }

    private static Map<String, Object> lookUp(SymbolTable symbols, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Symbol s : symbols.byName(name)) {
            m.put("name", s.name());
            m.put("address", Unsigned.hex(s.address()));
            m.put("type", String.valueOf(s.nmType()));
            m.put("size", Unsigned.shortHex(s.size()));
            m.put("section", s.section());
        }
        return m;
    }

    private static Map<String, Object> describeCore(Path samples, Path path, MachOFile core, SymbolTable symbols)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", samples.relativize(path).toString());
        m.put("filetype", core.header().fileTypeName());
        m.put("segments", core.segments().size());
        for (NoteCommand n : core.commands(NoteCommand.class)) {
            if (n.dataOwner().equals(MainBinSpec.OWNER)) {
                MainBinSpec spec = MainBinSpec.decode(core.source(), n.offset(), n.size());
                m.put("kernel_uuid", UuidCommand.format(spec.uuid()));
                m.put("slide", Unsigned.shortHex(spec.slide()));
                m.put("slide_method", "LC_NOTE main bin spec");
            }
        }
        List<ThreadCommand> threads = core.commands(ThreadCommand.class);
        if (!threads.isEmpty()) {
            Map<String, String> regs = new LinkedHashMap<>();
            Map<String, Long> all = threads.get(0).states().get(0).registers();
            all.forEach((k, v) -> {
                if (List.of("rip", "rbp", "rsp", "pc", "fp", "sp", "lr").contains(k)) {
                    regs.put(k, Unsigned.hex(v));
                }
            });
            m.put("thread", regs);
            Object slide = m.get("slide");
            Optional<Long> pc = threads.get(0).states().get(0).pc();
            if (pc.isPresent() && slide != null) {
                long unslid = pc.get() - Unsigned.parseAddress(slide.toString());
                symbols.lookup(unslid).ifPresent(h -> m.put("pc_symbol", h.text()));
            }
        }
        return m;
    }

    private static Step notYet(String name, String what) {
        return new Step(name, false, Map.of(), "not available yet: " + what);
    }

    private static String uuid(MachOFile f) {
        return f.uuid().map(UuidCommand::text).orElse("(none)");
    }

    @SuppressWarnings("unchecked")
    private static void printText(PrintWriter out, DemoResult r) {
        out.println("hagfish demo on " + r.samples());
        for (Step s : r.steps()) {
            out.println();
            out.println("== " + s.name());
            if (!s.available()) {
                out.println("   " + s.note());
                continue;
            }
            if (s.note() != null) {
                out.println("   (" + s.note() + ")");
            }
            for (Map.Entry<String, Object> e : s.result().entrySet()) {
                if (e.getValue() instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String) {
                    out.println("   " + e.getKey() + ":");
                    list.forEach(x -> out.println("     " + x));
                } else if (e.getValue() instanceof List<?> list) {
                    out.println("   " + e.getKey() + ":");
                    for (Object o : list) {
                        Map<String, Object> row = (Map<String, Object>) o;
                        out.printf("     %-12s %s  size %-10s sections %s%n", row.get("name"), row.get("vmaddr"),
                                row.get("vmsize"), row.get("sections"));
                    }
                } else if (e.getKey().equals("ptype")) {
                    e.getValue().toString().lines().forEach(l -> out.println(l.isEmpty() ? "" : "   " + l));
                } else {
                    out.printf("   %-13s %s%n", e.getKey() + ":", e.getValue());
                }
            }
        }
    }
}
