package dev.hagfish.report;

import dev.hagfish.report.TypeDiff.EnumeratorChange;
import dev.hagfish.report.TypeDiff.MemberChange;
import dev.hagfish.types.Layout;
import dev.hagfish.types.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code LayoutDiff} compares the structs, unions, classes, enums and typedefs of two kernels, by
 * name. A typedef of an anonymous struct, union or enum is compared as that type, under the
 * typedef's name; another typedef changes when it names another type or its size changes.
 *
 * <p>Members are matched by name; the members of an anonymous struct or union count as the
 * owner's (C reaches them as the owner's), a base class is {@code <base TYPE>}, and other unnamed
 * members are {@code <anonymous N>} by their order. A member is moved when its bit offset changed,
 * retyped when its type's name changed, resized when its size or bit-field width changed. When
 * several types share a name in one kernel (distinct definitions in different units), those equal
 * to one of the other kernel's are paired first, the rest in order.
 */
public final class LayoutDiff {
    private LayoutDiff() {}

    /** One side of a comparison. */
    public record Side(KernelIdentity kernel, List<ReportedType> structs, List<EnumType> enums,
            List<TypedefType> typedefs) {}

    /** Compares {@code a} with {@code b}; {@code selection} is recorded in the result. */
    public static DiffResult of(Side a, Side b, String selection) {
        List<TypeDiff> changes = new ArrayList<>();
        int[] unchanged = {0};
        pair(group(a.structs(), ReportedType::name), group(b.structs(), ReportedType::name), LayoutDiff::sameStruct,
                (x, y) -> add(changes, unchanged, structs(x, y)));
        pair(group(a.enums(), EnumType::name), group(b.enums(), EnumType::name), LayoutDiff::sameEnum,
                (x, y) -> add(changes, unchanged, enums(x, y)));
        pair(group(a.typedefs(), TypedefType::name), group(b.typedefs(), TypedefType::name), LayoutDiff::sameTypedef,
                (x, y) -> add(changes, unchanged, typedefs(x, y)));
        changes.sort(Comparator.comparingInt((TypeDiff d) -> TypeDiff.IMPACTS.indexOf(d.impact()))
                .thenComparing(Comparator.comparingLong((TypeDiff d) -> d.sizeDelta() == null ? 0 : Math.abs(d.sizeDelta()))
                        .reversed())
                .thenComparing(Comparator.comparingInt((TypeDiff d) -> d.members().size() + d.enumerators().size())
                        .reversed())
                .thenComparing(TypeDiff::name));
        int added = 0;
        int removed = 0;
        int changed = 0;
        int sized = 0;
        for (TypeDiff d : changes) {
            switch (d.change()) {
                case "added" -> added++;
                case "removed" -> removed++;
                default -> changed++;
            }
            sized += d.change().equals("changed") && d.sizeDelta() != null && d.sizeDelta() != 0 ? 1 : 0;
        }
        int typesA = a.structs().size() + a.enums().size() + a.typedefs().size();
        int typesB = b.structs().size() + b.enums().size() + b.typedefs().size();
        return new DiffResult("hagfish-diff", 2, a.kernel(), b.kernel(), selection,
                new DiffResult.Summary(typesA, typesB, added, removed, changed, sized, unchanged[0]), changes);
    }

    private static void add(List<TypeDiff> out, int[] unchanged, TypeDiff d) {
        if (d == null) {
            unchanged[0]++;
        } else {
            out.add(d);
        }
    }

    private interface Same<T> {
        boolean test(T x, T y);
    }

    private interface Pairs<T> {
        void accept(T x, T y);
    }

    private static <T> Map<String, List<T>> group(List<T> all, java.util.function.Function<T, String> name) {
        Map<String, List<T>> out = new TreeMap<>();
        for (T t : all) {
            out.computeIfAbsent(name.apply(t), k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    /** Pairs the types of each name: equal ones first, then the rest in order; an unpaired one pairs with null. */
    private static <T> void pair(Map<String, List<T>> a, Map<String, List<T>> b, Same<T> same, Pairs<T> out) {
        TreeMap<String, Boolean> names = new TreeMap<>();
        a.keySet().forEach(n -> names.put(n, true));
        b.keySet().forEach(n -> names.put(n, true));
        for (String n : names.keySet()) {
            List<T> xs = new ArrayList<>(a.getOrDefault(n, List.of()));
            List<T> ys = new ArrayList<>(b.getOrDefault(n, List.of()));
            for (int i = 0; i < xs.size(); i++) {
                for (int j = 0; j < ys.size(); j++) {
                    if (same.test(xs.get(i), ys.get(j))) {
                        out.accept(xs.remove(i--), ys.remove(j));
                        break;
                    }
                }
            }
            for (int i = 0; i < Math.max(xs.size(), ys.size()); i++) {
                out.accept(i < xs.size() ? xs.get(i) : null, i < ys.size() ? ys.get(i) : null);
            }
        }
    }

    /** One member as the diff sees it. */
    private record Flat(long bitOffset, long bitSize, long byteSize, String type) {}

    /** The members of a struct by name, anonymous structs' and unions' members as its own. */
    private static Map<String, Flat> flatten(Layout l) {
        Map<String, Flat> out = new LinkedHashMap<>();
        flatten(l, out, new int[1]);
        return out;
    }

    private static void flatten(Layout l, Map<String, Flat> out, int[] anonymous) {
        for (Layout.Slot s : l.slots()) {
            String key;
            if (s.kind() == Layout.SlotKind.BASE) {
                key = "<base " + s.typeName() + ">";
            } else if (s.name() == null && s.nested() != null) {
                flatten(s.nested(), out, anonymous);
                continue;
            } else {
                key = s.name() != null ? s.name() : "<anonymous " + anonymous[0]++ + ">";
            }
            out.putIfAbsent(key, new Flat(s.bitOffset() - l.bitOffset(), s.bitSize(), s.byteSize(), s.typeName()));
        }
    }

    private static boolean sameStruct(ReportedType x, ReportedType y) {
        return x.layout().byteSize() == y.layout().byteSize() && x.layout().alignment() == y.layout().alignment()
                && flatten(x.layout()).equals(flatten(y.layout()));
    }

    private static boolean sameEnum(EnumType x, EnumType y) {
        return x.type().byteSize() == y.type().byteSize() && x.type().enumerators().equals(y.type().enumerators());
    }

    private static boolean sameTypedef(TypedefType x, TypedefType y) {
        return x.size() == y.size() && x.target().equals(y.target());
    }

    private static String decl(String file, long line) {
        return file == null ? null : line > 0 ? file + ":" + line : file;
    }

    private static String kind(Layout l) {
        return l.kind().name().toLowerCase(Locale.ROOT);
    }

    /** Compares two structs (one may be null); null when they are the same. */
    static TypeDiff structs(ReportedType x, ReportedType y) {
        if (x == null || y == null) {
            ReportedType t = x == null ? y : x;
            long size = t.layout().byteSize();
            return new TypeDiff(t.name(), kind(t.layout()), x == null ? "added" : "removed",
                    x == null ? "added" : "removed", x == null ? null : size, y == null ? null : size, null,
                    x == null ? null : t.layout().alignment(), y == null ? null : t.layout().alignment(),
                    x == null ? null : decl(x.declFile(), x.declLine()), y == null ? null : decl(y.declFile(), y.declLine()),
                    null, null, List.of(), List.of());
        }
        Map<String, Flat> fa = flatten(x.layout());
        Map<String, Flat> fb = flatten(y.layout());
        List<MemberChange> members = new ArrayList<>();
        boolean breaking = false;
        for (Map.Entry<String, Flat> e : fb.entrySet()) {
            Flat old = fa.get(e.getKey());
            Flat now = e.getValue();
            if (old == null) {
                members.add(change(e.getKey(), List.of("added"), null, now));
                continue;
            }
            List<String> what = new ArrayList<>();
            if (old.bitOffset() != now.bitOffset()) {
                what.add("moved");
            }
            if (!Objects.equals(old.type(), now.type())) {
                what.add("retyped");
            }
            if (old.byteSize() != now.byteSize() || old.bitSize() != now.bitSize()) {
                what.add("resized");
            }
            if (!what.isEmpty()) {
                members.add(change(e.getKey(), what, old, now));
                breaking = true;
            }
        }
        for (Map.Entry<String, Flat> e : fa.entrySet()) {
            if (!fb.containsKey(e.getKey())) {
                members.add(change(e.getKey(), List.of("removed"), e.getValue(), null));
                breaking = true;
            }
        }
        long sa = x.layout().byteSize();
        long sb = y.layout().byteSize();
        boolean aligned = x.layout().alignment() != y.layout().alignment();
        if (members.isEmpty() && sa == sb && !aligned) {
            return null;
        }
        String impact = sa != sb ? "size" : breaking || aligned ? "layout" : "added";
        return new TypeDiff(y.name(), kind(y.layout()), "changed", impact, sa, sb, sb - sa, x.layout().alignment(),
                y.layout().alignment(), decl(x.declFile(), x.declLine()), decl(y.declFile(), y.declLine()), null, null,
                members, List.of());
    }

    private static MemberChange change(String name, List<String> what, Flat a, Flat b) {
        return new MemberChange(name, what, a == null ? null : a.bitOffset() / 8, b == null ? null : b.bitOffset() / 8,
                a == null ? null : a.bitOffset(), b == null ? null : b.bitOffset(), a == null ? null : a.byteSize(),
                b == null ? null : b.byteSize(), a == null ? null : a.bitSize(), b == null ? null : b.bitSize(),
                a == null ? null : a.type(), b == null ? null : b.type());
    }

    /** Compares two enums (one may be null); null when they are the same. */
    static TypeDiff enums(EnumType x, EnumType y) {
        if (x == null || y == null) {
            EnumType t = x == null ? y : x;
            return new TypeDiff(t.name(), "enum", x == null ? "added" : "removed", x == null ? "added" : "removed",
                    x == null ? null : t.type().byteSize(), y == null ? null : t.type().byteSize(), null, null, null,
                    x == null ? null : decl(x.declFile(), x.declLine()), y == null ? null : decl(y.declFile(), y.declLine()),
                    null, null, List.of(), List.of());
        }
        Map<String, Long> va = values(x.type());
        Map<String, Long> vb = values(y.type());
        List<EnumeratorChange> out = new ArrayList<>();
        boolean breaking = false;
        for (Map.Entry<String, Long> e : vb.entrySet()) {
            Long old = va.get(e.getKey());
            if (old == null) {
                out.add(new EnumeratorChange(e.getKey(), "added", null, text(y.type(), e.getValue())));
            } else if (!old.equals(e.getValue())) {
                out.add(new EnumeratorChange(e.getKey(), "value", text(x.type(), old), text(y.type(), e.getValue())));
                breaking = true;
            }
        }
        for (Map.Entry<String, Long> e : va.entrySet()) {
            if (!vb.containsKey(e.getKey())) {
                out.add(new EnumeratorChange(e.getKey(), "removed", text(x.type(), e.getValue()), null));
                breaking = true;
            }
        }
        long sa = x.type().byteSize();
        long sb = y.type().byteSize();
        if (out.isEmpty() && sa == sb) {
            return null;
        }
        String impact = sa != sb ? "size" : breaking ? "values" : "added";
        return new TypeDiff(y.name(), "enum", "changed", impact, sa, sb, sb - sa, null, null,
                decl(x.declFile(), x.declLine()), decl(y.declFile(), y.declLine()), null, null, List.of(), out);
    }

    private static Map<String, Long> values(Type.Enum e) {
        Map<String, Long> out = new LinkedHashMap<>();
        e.enumerators().forEach(x -> out.putIfAbsent(x.name(), x.value()));
        return out;
    }

    private static String text(Type.Enum e, long v) {
        return e.signed() ? Long.toString(v) : Long.toUnsignedString(v);
    }

    /** Compares two typedefs (one may be null); null when they name the same type of the same size. */
    static TypeDiff typedefs(TypedefType x, TypedefType y) {
        if (x == null || y == null) {
            TypedefType t = x == null ? y : x;
            Long size = t.size() < 0 ? null : t.size();
            return new TypeDiff(t.name(), "typedef", x == null ? "added" : "removed", x == null ? "added" : "removed",
                    x == null ? null : size, y == null ? null : size, null, null, null,
                    x == null ? null : decl(x.declFile(), x.declLine()), y == null ? null : decl(y.declFile(), y.declLine()),
                    x == null ? null : x.target(), y == null ? null : y.target(), List.of(), List.of());
        }
        if (sameTypedef(x, y)) {
            return null;
        }
        Long sa = x.size() < 0 ? null : x.size();
        Long sb = y.size() < 0 ? null : y.size();
        return new TypeDiff(y.name(), "typedef", "changed", Objects.equals(sa, sb) ? "layout" : "size", sa, sb,
                sa == null || sb == null ? null : sb - sa, null, null, decl(x.declFile(), x.declLine()),
                decl(y.declFile(), y.declLine()), x.target(), y.target(), List.of(), List.of());
    }
}
