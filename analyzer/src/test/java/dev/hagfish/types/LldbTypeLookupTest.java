package dev.hagfish.types;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.dwarf.TypeReader;
import dev.hagfish.image.DwarfLoader;
import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.types.LldbTranscript.Block;
import dev.hagfish.types.LldbTranscript.Entry;
import dev.hagfish.types.LldbTranscript.Line;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What lldb-22's {@code type lookup} and {@code expr sizeof} printed for every named struct,
 * class, union, enum and looked-up typedef of the x86_64-dwarf4 and arm64-dwarf5 dSYMs
 * (samples/expected/lldb/VARIANT-type-lookup.txt, made by make-expected.sh) equals what the
 * {@link TypeGraph} says: the keyword and name of each definition, each data member's declaration
 * (its type name, name and bit-field width) in order, nested anonymous structs and unions member by
 * member, the bit gaps lldb fills with unnamed bit-fields, enumerator names in order, what a
 * typedef names, and every {@code sizeof}.
 *
 * <p>Our names are rewritten the way lldb prints C types (it prints them as C++), see
 * {@link #lldbStyle}. Not checkable through the current model, so skipped and listed here: base
 * classes ({@code : public OSObject}), access specifiers, static members and methods of C++
 * classes, {@code enum class} against {@code enum}, and how many times lldb prints a type (it
 * prints some twice or four times, with no simple relation to the compile units that define them;
 * each printed definition must equal one of ours).
 */
class LldbTypeLookupTest {
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    static final String SUFFIX = "-type-lookup.txt";
    /** A header line: keyword, name (empty when anonymous), base clause, brace. */
    private static final Pattern HEADER = Pattern.compile("^(struct|union|class|enum class|enum) ?(\\S*)(?: : .*)? \\{$");
    /** lldb's stand-in for a bit gap after a bit-field ({@code int : 26;}); not a DWARF member. */
    private static final Pattern GAP = Pattern.compile("^int : (\\d+);$");
    private static final Pattern TAGGED = Pattern.compile("^(struct|union|enum) (\\S+)$");

    private TypeGraph graph;
    private TypeNames names;

    /** Every variant with a golden: x86_64-dwarf4 and arm64-dwarf5 today. */
    static Stream<String> variants() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES.resolve("expected/lldb"))) {
            List<String> v = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length())).sorted().toList();
            assertTrue(v.size() >= 2, "no type-lookup goldens");
            return v.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void typeLookupsEqualLldb(String variant) throws IOException {
        MachOFile dsym = MachOFile.open(ByteSource.open(
                SAMPLES.resolve("kernels/" + variant + "/kernel.dSYM/Contents/Resources/DWARF/kernel")), null);
        graph = TypeReader.read(DwarfLoader.fromMachO(dsym));
        names = new TypeNames(graph);
        LldbTranscript t = LldbTranscript.parse(SAMPLES.resolve("expected/lldb/" + variant + SUFFIX));
        assertTrue(t.lookups.size() >= 40 && t.sizes.size() >= 40, "too few lookups in the " + variant + " golden");
        List<String> bad = new ArrayList<>();
        for (LldbTranscript.Lookup l : t.lookups) {
            if (l.answer().isEmpty() || l.answer().get(0) instanceof Line x && x.text().startsWith("no type was found")) {
                bad.add(l.name() + ": lldb found nothing, the golden is stale");
            }
            for (Entry e : l.answer()) {
                bad.addAll(prefixed(l.name(), checkAnswer(l.name(), e)));
            }
        }
        for (Map.Entry<String, Long> s : t.sizes.entrySet()) {
            bad.addAll(prefixed("sizeof(" + s.getKey() + ")", checkSize(s.getKey(), s.getValue())));
        }
        assertTrue(bad.isEmpty(), () -> bad.size() + " differences from lldb-22 in " + variant + ":\n"
                + String.join("\n", bad));
    }

    private static List<String> prefixed(String what, List<String> problems) {
        return problems.stream().map(p -> what + ": " + p).toList();
    }

    /** Checks one entry of the answer to {@code type lookup name}; returns the differences. */
    private List<String> checkAnswer(String name, Entry e) {
        List<Type> typedefs = graph.named(name).stream().filter(x -> x instanceof Type.Typedef).toList();
        if (e instanceof Line line) {
            // A typedef lldb printed as the type it names: "typedef layout_base2_t" when that is a
            // typedef again, else the type's name ("layout_final_t *", "void (*)(int)").
            List<String> ours = typedefs.stream().map(x -> lldbStyle(typedefTarget((Type.Typedef) x), "")).toList();
            return ours.contains(line.text()) ? List.of()
                    : List.of("lldb printed `" + line.text() + "`, our typedefs name " + ours);
        }
        Block b = (Block) e;
        Matcher h = HEADER.matcher(b.header());
        if (!h.matches()) {
            return List.of("unexpected header `" + b.header() + "`");
        }
        List<Type> candidates = new ArrayList<>();
        if (!h.group(2).isEmpty()) {
            candidates.addAll(graph.named(h.group(2)));
        }
        // lldb prints the struct or enum a typedef names (type lookup layout_base_t, layout_color_t).
        typedefs.forEach(x -> candidates.add(graph.resolve(x.id())));
        List<String> first = null;
        for (Type c : candidates) {
            if (c instanceof Type.Struct s && s.declaration()) {
                continue;
            }
            List<String> problems = checkBlock(b, c, h.group(2));
            if (problems.isEmpty()) {
                return List.of();
            }
            first = first == null ? problems : first;
        }
        return first != null ? first : List.of("no definition of `" + b.header() + "` in the type graph");
    }

    private String typedefTarget(Type.Typedef d) {
        Type target = graph.get(d.target());
        return target instanceof Type.Typedef td ? "typedef " + td.name() : names.name(d.target());
    }

    /** Checks a block against a struct, union, class or enum; {@code scope} names the enclosing type. */
    private List<String> checkBlock(Block b, Type t, String scope) {
        Matcher h = HEADER.matcher(b.header());
        if (!h.matches()) {
            return List.of("unexpected header `" + b.header() + "`");
        }
        String kw = h.group(1);
        String name = h.group(2).isEmpty() ? null : h.group(2);
        if (t instanceof Type.Enum en) {
            // "enum class" has no counterpart in the model yet (DW_AT_enum_class is not kept).
            if (!kw.startsWith("enum") || !Objects.equals(name, en.name())) {
                return List.of("`" + b.header() + "` against enum " + en.name());
            }
            List<String> lldb = b.body().stream().map(x -> x instanceof Line l ? l.text().replaceFirst(",$", "") : "{")
                    .toList();
            List<String> ours = en.enumerators().stream().map(Type.Enumerator::name).toList();
            return lldb.equals(ours) ? List.of() : List.of("enumerators: lldb " + lldb + ", ours " + ours);
        }
        if (!(t instanceof Type.Struct s) || !kw.equals(keyword(s.kind())) || !Objects.equals(name, s.name())) {
            return List.of("`" + b.header() + "` against " + names.baseName(t));
        }
        return checkMembers(b.body(), s, scope);
    }

    private static String keyword(Type.Kind k) {
        return switch (k) {
            case STRUCT -> "struct";
            case UNION -> "union";
            case CLASS -> "class";
        };
    }

    /**
     * A data member as lldb printed it: a line, an anonymous member's block, or the block defining
     * a named member's anonymous type followed by that member's line ({@code namedBy}).
     */
    private record Item(Entry entry, Line namedBy) {}

    private static List<Item> items(List<Entry> body) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Entry e = body.get(i);
            Entry next = i + 1 < body.size() ? body.get(i + 1) : null;
            if (e instanceof Block && next instanceof Line nl && nl.text().contains("::(unnamed ")) {
                out.add(new Item(e, nl));
                i++;
            } else if (!(e instanceof Line l && notADataMember(l.text()))) {
                out.add(new Item(e, null));
            }
        }
        return out;
    }

    /** Walks a struct body and our members side by side. */
    private List<String> checkMembers(List<Entry> body, Type.Struct s, String scope) {
        List<String> out = new ArrayList<>();
        // lldb hides DW_AT_artificial members; the model keeps no artificial flag, so clang's
        // vtable pointer is recognised by its name (_vptr$OSMetaClassBase).
        List<Member> members = s.members().stream().filter(m -> m.name() == null || !m.name().startsWith("_vptr")).toList();
        int mi = 0;
        long gap = -1;
        long prevEnd = 0;
        for (Item item : items(body)) {
            Matcher g = item.entry() instanceof Line l ? GAP.matcher(l.text()) : null;
            if (g != null && g.matches()) {
                gap = Long.parseLong(g.group(1));
                continue;
            }
            if (mi == members.size()) {
                out.add("lldb has more members than we do, from " + text(item.entry()));
                return out;
            }
            Member m = members.get(mi++);
            if (gap >= 0 && m.bitOffset() != prevEnd + gap) {
                out.add("lldb fills a " + gap + "-bit gap before " + m.name() + ", ours is "
                        + (m.bitOffset() - prevEnd) + " bits");
            }
            gap = -1;
            out.addAll(checkItem(item, m, scope));
            prevEnd = m.bitOffset() + (m.isBitField() ? m.bitSize() : 8 * graph.sizeOf(m.type()));
        }
        if (gap >= 0) {
            out.add("lldb ends with a " + gap + "-bit gap");
        }
        for (; mi < members.size(); mi++) {
            out.add("lldb lacks our member `" + declaration(members.get(mi), scope) + "`");
        }
        return out;
    }

    private List<String> checkItem(Item item, Member m, String scope) {
        if (item.entry() instanceof Line l) {
            return checkLine(l.text(), m, scope);
        }
        Block b = (Block) item.entry();
        List<String> out = new ArrayList<>(checkBlock(b, innerTagged(m.type()), scope));
        if (item.namedBy() != null) {
            out.addAll(checkLine(item.namedBy().text(), m, scope));
        } else if (m.name() != null) {
            out.add("lldb prints an anonymous member `" + b.header() + "`, ours is " + m.name());
        }
        return out;
    }

    /** The struct, union or enum under arrays, pointers, qualifiers and typedefs. */
    private Type innerTagged(long id) {
        Type t = graph.resolve(id);
        for (int i = 0; i < 64; i++) {
            if (t instanceof Type.Array a) {
                t = graph.resolve(a.element());
            } else if (t instanceof Type.Pointer p) {
                t = graph.resolve(p.target());
            } else {
                break;
            }
        }
        return t;
    }

    /**
     * C++ class lines that are not data members, which the model does not hold: access specifiers,
     * static members, and methods (the first parenthesis follows a name, as in
     * {@code OSReturn start(bool);}, whereas a function-pointer member has {@code (*} first).
     */
    private static boolean notADataMember(String line) {
        if (line.equals("public:") || line.equals("protected:") || line.equals("private:") || line.startsWith("static ")) {
            return true;
        }
        int paren = line.indexOf('(');
        return paren > 0 && line.charAt(paren + 1) != '*' && line.charAt(paren + 1) != '&';
    }

    private List<String> checkLine(String lldb, Member m, String scope) {
        String ours = declaration(m, scope);
        return lldb.equals(ours) ? List.of() : List.of("lldb `" + lldb + "`, ours `" + ours + "`");
    }

    private String declaration(Member m, String scope) {
        String d = lldbStyle(names.declare(m.type(), m.name() == null ? "" : m.name()), scope);
        return d + (m.isBitField() ? " : " + m.bitSize() : "") + ";";
    }

    private static String text(Entry e) {
        return e instanceof Line l ? "`" + l.text() + "`" : "`" + ((Block) e).header() + "`";
    }

    /**
     * Rewrites one of our C type names the way lldb-22 prints it. Each rule undoes a difference of
     * spelling only, never of content:
     * <ul>
     *   <li>an anonymous {@code struct {...}} is named {@code SCOPE::(unnamed struct)}, SCOPE being
     *       the enclosing type (clang's name for it);</li>
     *   <li>{@code struct }, {@code union }, {@code enum } and {@code class } before a tag name are
     *       dropped (C++ needs no elaborated type specifier);</li>
     *   <li>{@code _Bool} is {@code bool}, and {@code restrict} is clang's {@code __restrict};</li>
     *   <li>a qualifier after {@code *} is written without a space ({@code char *const});</li>
     *   <li>{@code (void)} is {@code ()}: C++ has no unprototyped functions, so lldb prints an empty
     *       prototyped parameter list as {@code ()}.</li>
     * </ul>
     */
    static String lldbStyle(String c, String scope) {
        String s = c.replace("struct {...}", scope + "::(unnamed struct)")
                .replace("union {...}", scope + "::(unnamed union)")
                .replace("enum {...}", scope + "::(unnamed enum)");
        s = s.replaceAll("\\b(struct|union|enum|class) (?=[A-Za-z_])", "");
        s = s.replaceAll("\\b_Bool\\b", "bool").replaceAll("\\brestrict\\b", "__restrict");
        s = s.replaceAll("\\* (const|volatile|__restrict|_Atomic)\\b", "*$1");
        return s.replace("(void)", "()");
    }

    /** Every candidate for a {@code sizeof} operand must have lldb's size. */
    private List<String> checkSize(String operand, long lldb) {
        Matcher m = TAGGED.matcher(operand);
        String name = m.matches() ? m.group(2) : operand;
        List<Type> candidates = graph.named(name).stream().filter(t -> !(t instanceof Type.Struct s && s.declaration()))
                .filter(t -> !m.matches() || tagOf(t).equals(m.group(1))).toList();
        if (candidates.isEmpty()) {
            return List.of("no such type in the graph");
        }
        List<String> out = new ArrayList<>();
        for (Type t : candidates) {
            long ours = graph.sizeOf(t.id());
            if (ours != lldb) {
                out.add("lldb " + lldb + ", ours " + ours + " (" + names.baseName(t) + " 0x" + Long.toHexString(t.id()) + ")");
            }
        }
        return out;
    }

    /** The keyword {@code sizeof(KEYWORD NAME)} needs for a type, or "" for a typedef or class. */
    private static String tagOf(Type t) {
        if (t instanceof Type.Struct s) {
            return s.kind() == Type.Kind.UNION ? "union" : s.kind() == Type.Kind.STRUCT ? "struct" : "";
        }
        return t instanceof Type.Enum ? "enum" : "";
    }
}
