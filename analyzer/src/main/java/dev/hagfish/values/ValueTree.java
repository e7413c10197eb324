package dev.hagfish.values;

import dev.hagfish.io.Unsigned;
import dev.hagfish.memory.MemoryFaultException;
import dev.hagfish.types.Member;
import dev.hagfish.types.Type;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code ValueTree} reads a {@link Value} into a {@link ValueNode} tree with gdb's {@code print}
 * rules: structs nested {@code maxDepth} levels deep (counting arrays but not anonymous struct
 * and union members, as gdb's {@code set print max-depth} does) become {@code {...}}; arrays print at most {@link CharText#PRINT_MAX}
 * elements, runs of more than {@link CharText#REPEAT_THRESHOLD} identical elements as one with
 * a repeat count; character arrays and the targets of character pointers print as strings.
 * A struct or array is read with one read; only the strings pointers point to are read apart,
 * and a fault there becomes an {@code <error: …>} text instead of failing the whole value. With a
 * {@link PrintFormat}, every scalar prints in it and character arrays print as arrays.
 *
 * <p>Not thread-safe (it uses the scope's {@link Types}).
 */
final class ValueTree {
    /**
     * The deepest nesting ever printed, whatever the depth asked: damaged DWARF may make a struct
     * (or an anonymous member, which does not count as a level) contain itself.
     */
    static final int MAX_NESTING = 256;

    private final Scope scope;
    private final Types types;
    private final int maxDepth;
    private final PrintFormat format;
    private int nesting;

    /** A tree builder; {@code format} is gdb's {@code print/FMT} letter for every scalar, or null. */
    ValueTree(Scope scope, int maxDepth, PrintFormat format) {
        this.scope = scope;
        this.types = scope.types();
        this.maxDepth = maxDepth;
        this.format = format;
    }

    ValueNode build(Value v, int recurse) throws IOException {
        if (nesting >= MAX_NESTING && (v.resolved() instanceof Type.Struct || v.resolved() instanceof Type.Array)) {
            return new ValueNode(null, "struct", types.name(v.type()), address(v), null, null, null, null, null, null,
                    null, null, true, null, null, null, null);
        }
        nesting++;
        try {
            return node(v, recurse);
        } finally {
            nesting--;
        }
    }

    private ValueNode node(Value v, int recurse) throws IOException {
        Type t = v.resolved();
        if (format != null && (t instanceof Type.Base || t instanceof Type.Enum || t instanceof Type.Pointer
                || t instanceof Type.MemberPointer)) {
            return formatted(v, t);
        }
        if (t instanceof Type.Struct s) {
            return struct(v, s, recurse);
        } else if (t instanceof Type.Array a) {
            return array(v, a, recurse);
        } else if (t instanceof Type.Pointer p) {
            return pointer(v, p);
        } else if (t instanceof Type.Function) {
            long address = v.address();
            Optional<SymbolRef> sym = scope.symbolize(address);
            String hex = hex(address);
            return leaf(v, "function", hex, sym.map(SymbolRef::text).orElse(null), null, null,
                    "{" + types.name(v.type()) + "} " + hex + sym.map(r -> " <" + r.text() + ">").orElse(""));
        } else if (t instanceof Type.Enum e) {
            long n = v.asLong();
            String name = EnumText.of(e, n);
            String number = e.signed() ? Long.toString(n) : Long.toUnsignedString(n);
            return leaf(v, "enum", number, null, name, null, name);
        } else if (t instanceof Type.Base b) {
            return base(v, b);
        } else if (t instanceof Type.MemberPointer) {
            String n = Long.toString(v.asLong());
            return leaf(v, "integer", n, null, null, null, n);
        }
        return leaf(v, "void", null, null, null, null, "void");
    }

    /**
     * A scalar under {@link #format}: its text in that format, its value as without one (no
     * string read behind a character pointer, no enumerator name, a symbol only for {@code /a},
     * looked up once for the text and the node).
     */
    private ValueNode formatted(Value v, Type t) throws IOException {
        Optional<SymbolRef> points = format == PrintFormat.ADDRESS ? scope.symbolize(PrintFormat.address(v))
                : Optional.empty();
        String text = format.scalar(v, scope, points);
        String symbol = points.map(SymbolRef::text).orElse(null);
        if (t instanceof Type.Pointer) {
            return leaf(v, "pointer", hex(v.asLong()), symbol, null, null, text);
        } else if (t instanceof Type.Base b && b.encoding() == Type.Encoding.FLOAT) {
            return leaf(v, "float", FloatText.format(v.bytes(), scope.memory().order()), null, null, null, text);
        }
        long n = v.asLong();
        String number = v.isUnsigned() ? Long.toUnsignedString(n) : Long.toString(n);
        String kind = t instanceof Type.Enum ? "enum"
                : t instanceof Type.Base b && b.encoding() == Type.Encoding.BOOLEAN ? "bool"
                : t instanceof Type.Base b && isChar(b) ? "char" : "integer";
        return leaf(v, kind, number, symbol, null, null, text);
    }

    private ValueNode base(Value v, Type.Base b) throws IOException {
        if (b.encoding() == Type.Encoding.FLOAT) {
            byte[] raw = v.bytes();
            String text = FloatText.format(raw, scope.memory().order());
            return leaf(v, "float", text, null, null, null, text);
        }
        long n = v.asLong();
        String number = b.encoding().signed() ? Long.toString(n) : Long.toUnsignedString(n);
        if (b.encoding() == Type.Encoding.BOOLEAN) {
            String text = n == 0 ? "false" : n == 1 ? "true" : number;
            return leaf(v, "bool", number, null, null, null, text);
        }
        if (isChar(b)) {
            return leaf(v, "char", number, null, null, null, number + " " + CharText.quoted((int) n));
        }
        return leaf(v, "integer", number, null, null, null, number);
    }

    private ValueNode struct(Value v, Type.Struct s, int recurse) throws IOException {
        String kind = s.kind() == Type.Kind.UNION ? "union" : s.kind() == Type.Kind.CLASS ? "class" : "struct";
        if (s.declaration() || s.byteSize() < 0) {
            return leaf(v, "incomplete", null, null, null, null, "<incomplete type>");
        }
        if (recurse >= maxDepth) {
            return new ValueNode(null, kind, types.name(v.type()), address(v), null, null, null, null, null, null, null,
                    null, true, null, null, null, null);
        }
        v.bytes();
        List<ValueNode> members = new ArrayList<>();
        for (Type.Inheritance b : s.bases()) {
            if (b.byteOffset() >= 0) {
                Type base = types.resolve(b.type());
                String name = base instanceof Type.Struct bs && bs.name() != null ? bs.name() : types.name(b.type());
                members.add(build(v.part(b.type(), b.byteOffset(), 0, 0), recurse + 1).named("<" + name + ">"));
            }
        }
        for (Type.StaticMember m : s.statics()) {
            members.add(staticMember(s, m, recurse + 1));
        }
        for (Member m : s.members()) {
            // An anonymous struct or union member is not a level of its own (gdb's max-depth).
            members.add(build(v.field(m), m.name() == null ? recurse : recurse + 1).named(m.name()));
        }
        return new ValueNode(null, kind, types.name(v.type()), address(v), null, null, null, null, null, null, null, null,
                null, null, null, members, null);
    }

    /**
     * A C++ static data member, found as the global {@code Class::member}; gdb prints the static
     * members in declaration order among the fields, which the type model does not keep, so
     * they come first, after the bases (where C++ headers usually declare them).
     */
    private ValueNode staticMember(Type.Struct s, Type.StaticMember m, int recurse) throws IOException {
        String name = "static " + m.name();
        Optional<Global> g = s.name() == null ? Optional.empty() : scope.globals().find(s.name() + "::" + m.name());
        if (g.isEmpty()) {
            return new ValueNode(name, "void", types.name(m.type()), null, null, null, null, null, null, null,
                    "<optimized out>", null, null, null, null, null, null);
        }
        return build(Value.at(scope, m.type(), g.get().address() + scope.slide()), recurse).named(name);
    }

    private ValueNode array(Value v, Type.Array a, int recurse) throws IOException {
        List<Long> dims = a.dimensions();
        long elementType = dims.size() > 1 ? types.arrayOf(a.element(), dims.subList(1, dims.size())) : a.element();
        long n = dims.get(0);
        boolean chars = format == null && dims.size() == 1 && isChar(types.resolve(a.element()));
        if (n <= 0) {
            // A flexible or zero-length array: gdb prints where it starts (and the string there).
            if (!v.isLvalue()) {
                return leaf(v, "array", null, null, null, null, "{}");
            }
            String hex = hex(v.address());
            Optional<SymbolRef> sym = scope.symbolize(v.address());
            Read string = chars ? readString(v.address()) : null;
            return leaf(v, "array", hex, sym.map(SymbolRef::text).orElse(null), null,
                    string != null ? string.raw() : null, hex + sym.map(r -> " <" + r.text() + ">").orElse("")
                            + (string != null ? " " + string.text() : ""));
        }
        byte[] bytes = v.bytes();
        if (chars) {
            int len = (int) Math.min(n, bytes.length);
            int nul = 0;
            while (nul < len && bytes[nul] != 0) {
                nul++;
            }
            String text = CharText.string(bytes, len, false);
            return new ValueNode(null, "string", types.name(v.type()), address(v), null, null, null, null, null,
                    new String(bytes, 0, nul, java.nio.charset.StandardCharsets.ISO_8859_1), text, null, null, null, null,
                    null, null);
        }
        long size = types.sizeOf(elementType);
        List<ValueNode> elements = new ArrayList<>();
        int printed = 0;
        long i = 0;
        while (i < n && printed < CharText.PRINT_MAX) {
            long run = 1;
            while (i + run < n && same(bytes, size, i, i + run)) {
                run++;
            }
            ValueNode e = build(v.part(elementType, i * size, 0, 0), recurse + 1);
            if (run > CharText.REPEAT_THRESHOLD) {
                elements.add(e.repeated((int) run));
                printed += CharText.REPEAT_THRESHOLD;
                i += run;
            } else {
                elements.add(e);
                printed++;
                i++;
            }
        }
        return new ValueNode(null, "array", types.name(v.type()), address(v), null, null, null, null, null, null, null,
                null, null, i < n ? true : null, null, null, elements);
    }

    private static boolean same(byte[] b, long size, long i, long j) {
        if (size <= 0) {
            return false;
        }
        int from = (int) (i * size);
        int to = (int) (j * size);
        return Arrays.equals(b, from, from + (int) size, b, to, to + (int) size);
    }

    private ValueNode pointer(Value v, Type.Pointer p) throws IOException {
        long target = v.asLong();
        String hex = hex(target);
        if (target == 0) {
            return leaf(v, "pointer", hex, null, null, null, hex);
        }
        Optional<SymbolRef> sym = scope.symbolize(target);
        StringBuilder text = new StringBuilder(hex);
        sym.ifPresent(r -> text.append(" <").append(r.text()).append('>'));
        String string = null;
        if (isChar(types.resolve(p.target()))) {
            Read read = readString(target);
            string = read.raw();
            text.append(' ').append(read.text());
        }
        return leaf(v, "pointer", hex, sym.map(SymbolRef::text).orElse(null), null, string, text.toString());
    }

    /** A string read from memory: its characters and gdb's text of it. */
    record Read(String raw, String text) {}

    /** Reads the NUL-terminated string at an address, as gdb prints it after a {@code char *}. */
    Read readString(long address) {
        byte[] buf = new byte[CharText.PRINT_MAX];
        int got;
        MemoryFaultException fault = null;
        try {
            scope.memory().read(address, buf, 0, buf.length);
            got = buf.length;
        } catch (MemoryFaultException e) {
            fault = e;
            got = readable(address, buf, e.readable());
        } catch (IOException e) {
            return new Read(null, "<error: " + e.getMessage() + ">");
        }
        int nul = 0;
        while (nul < got && buf[nul] != 0) {
            nul++;
        }
        String raw = new String(buf, 0, nul, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (nul < got) {
            return new Read(raw, CharText.string(buf, nul, false));
        }
        if (fault != null) {
            String error = "<error: Cannot access memory at address " + hex(fault.address()) + ">";
            return new Read(raw, got == 0 ? error : CharText.string(buf, got, false) + error);
        }
        return new Read(raw, CharText.string(buf, got, !nextIsNul(address + got)));
    }

    private int readable(long address, byte[] buf, int n) {
        if (n <= 0) {
            return 0;
        }
        try {
            scope.memory().read(address, buf, 0, n);
            return n;
        } catch (IOException e) {
            return 0;
        }
    }

    private boolean nextIsNul(long address) {
        try {
            return scope.memory().read(address, 1)[0] == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Tells whether a resolved type prints as a character: a one-byte char-encoded base type. */
    static boolean isChar(Type t) {
        return t instanceof Type.Base b && b.byteSize() == 1
                && (b.encoding() == Type.Encoding.SIGNED_CHAR || b.encoding() == Type.Encoding.UNSIGNED_CHAR);
    }

    private ValueNode leaf(Value v, String kind, String value, String symbol, String enumerator, String string,
            String text) {
        return new ValueNode(null, kind, types.name(v.type()), address(v), v.isBitField() ? v.bitPosition() : null,
                v.isBitField() ? v.bitSize() : null, value, symbol, enumerator, string, text, null, null, null, null, null,
                null);
    }

    private static String address(Value v) {
        return v.isLvalue() ? Unsigned.hex(v.address()) : null;
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
