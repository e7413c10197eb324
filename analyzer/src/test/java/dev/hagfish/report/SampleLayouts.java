package dev.hagfish.report;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.hagfish.dwarf.TypeReader;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.types.Layout;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The sample kernel's layouts, as the index keeps them (read once per variant). */
final class SampleLayouts {
    private static final Map<String, TypeGraph> GRAPHS = new HashMap<>();

    private SampleLayouts() {}

    /** The type graph of a variant: {@code x86_64-dwarf4}, {@code i386-layouts}, {@code fat-arm64}. */
    static synchronized TypeGraph graph(String variant) throws IOException {
        TypeGraph g = GRAPHS.get(variant);
        if (g == null) {
            g = TypeReader.read(DwarfLoader.fromMachO(GdbPtypeTest.dwarfFileOf(variant)));
            GRAPHS.put(variant, g);
        }
        return g;
    }

    /** The layout of {@code struct NAME} (or {@code union NAME}) of a variant, through its JSON round trip. */
    static Layout layout(String variant, String asked) throws IOException {
        TypeGraph g = graph(variant);
        Type.Struct s = PaholeFormatTest.find(g, asked);
        assertNotNull(s, asked + " in " + variant);
        return GdbPtypeTest.roundTrip(Layout.of(g, s));
    }

    /** Every distinct named struct, union and class definition of a graph, laid out. */
    static List<Layout> all(TypeGraph g) {
        List<Layout> out = new ArrayList<>();
        for (Type t : g.distinct()) {
            if (t instanceof Type.Struct s && !s.declaration()) {
                out.add(Layout.of(g, s));
            }
        }
        return out;
    }

    /** Reports on a struct of a variant. */
    static StructReport report(String variant, String asked, ReportOptions o) throws IOException {
        return StructReports.of(new ReportedType(asked, layout(variant, asked), null, 0), o).report();
    }
}
