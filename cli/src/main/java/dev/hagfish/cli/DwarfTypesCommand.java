package dev.hagfish.cli;

import dev.hagfish.dwarf.TypeReader;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.report.GdbPtype;
import dev.hagfish.types.Member;
import dev.hagfish.types.Type;
import dev.hagfish.types.Layout;
import dev.hagfish.types.SourceLocation;
import dev.hagfish.types.TypeGraph;
import dev.hagfish.types.TypeNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hagfish dwarf types FILE [--name GLOB]}: struct and union layouts straight from DWARF,
 * as gdb's {@code ptype /o} prints them. A debugging aid; the index builds the real query path.
 */
@Command(name = "types", description = "Struct and union layouts straight from DWARF, as gdb's ptype /o.")
final class DwarfTypesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MachoFileOptions file;

    @Mixin
    CommonOptions common;

    @Option(names = "--name", paramLabel = "GLOB", description = "Only types whose name matches (e.g. 'proc', 'layout_*').")
    String glob;

    /** One member (JSON). */
    record MemberRow(String name, String type, long offset, long bitOffset, long bitSize, long size) {}

    /** One struct or union (JSON). */
    record TypeRow(String name, String kind, long size, long alignment, String die, String declFile, long declLine,
            int holes, long holeBits, long paddingBits, long wastedBytes, long cachelines, List<MemberRow> members) {}

    /** The JSON shape. */
    record Listing(String file, String arch, List<TypeRow> types) {}

    @Override
    public Integer call() throws IOException {
        var f = file.open();
        TypeGraph g = TypeReader.read(DwarfLoader.fromMachO(f));
        PathMatcher m = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Type.Struct> structs = new ArrayList<>();
        for (Type t : g.distinct()) {
            if (t instanceof Type.Struct s && !s.declaration() && s.name() != null
                    && (m == null || m.matches(Path.of(s.name())))) {
                structs.add(s);
            }
        }
        structs.sort(Comparator.comparing(Type.Struct::name).thenComparing(Type.Struct::id));
        if (structs.isEmpty()) {
            throw new HagfishException(ExitCodes.NOT_FOUND, file.file + ": no struct or union"
                    + (glob == null ? "" : " matches " + glob));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            TypeNames names = new TypeNames(g);
            List<TypeRow> rows = new ArrayList<>();
            for (Type.Struct s : structs) {
                List<MemberRow> members = new ArrayList<>();
                for (Member x : s.members()) {
                    members.add(new MemberRow(x.name(), names.name(x.type()), x.bitOffset() / 8, x.bitOffset(),
                            x.bitSize(), Math.max(0, g.sizeOf(x.type()))));
                }
                Layout l = Layout.of(g, s);
                SourceLocation at = g.location(s.id());
                rows.add(new TypeRow(s.name(), s.kind().name().toLowerCase(java.util.Locale.ROOT), s.byteSize(),
                        g.alignOf(s.id()), "0x%08x".formatted(s.id()), at.file(), at.line(), l.holes(),
                        l.slots().stream().mapToLong(Layout.Slot::holeBeforeBits).sum(), l.paddingBits(),
                        l.wastedBytes(), l.cachelines(), members));
            }
            Json.write(out, new Listing(file.file.toString(), f.archName(), rows));
        } else {
            for (Type.Struct s : structs) {
                out.print(GdbPtype.print(g, s));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
