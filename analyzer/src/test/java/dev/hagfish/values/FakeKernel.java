package dev.hagfish.values;

import dev.hagfish.io.ByteArraySource;
import dev.hagfish.memory.AddressSpace;
import dev.hagfish.memory.Mapping;
import dev.hagfish.memory.SegmentSpace;
import dev.hagfish.types.Member;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code FakeKernel} is a tiny kernel written by hand for the values tests: a few types, one page
 * of memory at {@link #BASE} (in either byte order) and its globals.
 *
 * <pre>
 * enum color { RED = 1, GREEN = 2, BLUE = 4 };             // a flag enum
 * struct node {                                            // 40 bytes
 *     struct node *next;          // 0
 *     int id;                     // 8
 *     char name[8];               // 12
 *     unsigned flags:3;           // bits 160..162
 *     int level:5;                // bits 163..167
 *     enum color color;           // 24
 *     union { int i; float f; };  // 28, anonymous
 *     double weight;              // 32
 * };
 * typedef struct node node_t;
 * struct node head;        // at BASE, next = &tail
 * struct node tail;        // at BASE + 0x40, next = &head (a cycle)
 * int count = 17;          // at BASE + 0x100
 * char text[32] = "hi\n\"\\\001", then 20 'x', then NULs;   // at BASE + 0x180
 * unsigned char big[300];  // at BASE + 0x200, all 'A'
 * </pre>
 */
final class FakeKernel {
    static final long BASE = 0xffffff8000100000L;
    static final long INT = 1, UINT = 2, CHAR = 3, UCHAR = 4, LONG = 5, ULONG = 6, DOUBLE = 7, FLOAT = 8, BOOL = 9;
    static final long COLOR = 10, NODE = 11, NODE_PTR = 12, NAME = 13, ANON = 14, NODE_T = 15, TEXT = 16, BIG = 17;

    private FakeKernel() {}

    static TypeGraph graph() {
        Map<Long, Type> t = new HashMap<>();
        t.put(INT, new Type.Base(INT, "int", 4, Type.Encoding.SIGNED));
        t.put(UINT, new Type.Base(UINT, "unsigned int", 4, Type.Encoding.UNSIGNED));
        t.put(CHAR, new Type.Base(CHAR, "char", 1, Type.Encoding.SIGNED_CHAR));
        t.put(UCHAR, new Type.Base(UCHAR, "unsigned char", 1, Type.Encoding.UNSIGNED_CHAR));
        t.put(LONG, new Type.Base(LONG, "long", 8, Type.Encoding.SIGNED));
        t.put(ULONG, new Type.Base(ULONG, "unsigned long", 8, Type.Encoding.UNSIGNED));
        t.put(DOUBLE, new Type.Base(DOUBLE, "double", 8, Type.Encoding.FLOAT));
        t.put(FLOAT, new Type.Base(FLOAT, "float", 4, Type.Encoding.FLOAT));
        t.put(BOOL, new Type.Base(BOOL, "_Bool", 1, Type.Encoding.BOOLEAN));
        t.put(COLOR, new Type.Enum(COLOR, "color", 4, UINT, false, false, List.of(new Type.Enumerator("RED", 1),
                new Type.Enumerator("GREEN", 2), new Type.Enumerator("BLUE", 4))));
        t.put(NODE_PTR, new Type.Pointer(NODE_PTR, Type.PointerKind.POINTER, NODE, 8));
        t.put(NAME, new Type.Array(NAME, CHAR, List.of(8L)));
        t.put(ANON, new Type.Struct(ANON, Type.Kind.UNION, null, 4, false, List.of(new Member("i", INT, 0, 0),
                new Member("f", FLOAT, 0, 0))));
        t.put(NODE, new Type.Struct(NODE, Type.Kind.STRUCT, "node", 40, false, List.of(
                new Member("next", NODE_PTR, 0, 0), new Member("id", INT, 64, 0), new Member("name", NAME, 96, 0),
                new Member("flags", UINT, 160, 3), new Member("level", INT, 163, 5),
                new Member("color", COLOR, 192, 0), new Member(null, ANON, 224, 0),
                new Member("weight", DOUBLE, 256, 0))));
        t.put(NODE_T, new Type.Typedef(NODE_T, "node_t", NODE));
        t.put(TEXT, new Type.Array(TEXT, CHAR, List.of(32L)));
        t.put(BIG, new Type.Array(BIG, UCHAR, List.of(300L)));
        return new TypeGraph(t);
    }

    /** The page of memory in a byte order (bit-fields laid out as that order's ABI does). */
    static byte[] page(ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(0x1000).order(order);
        node(b, 0, BASE + 0x40, 1, "head", 5, -3, 2, 7, 1.5);
        node(b, 0x40, BASE, 2, "tail", 7, 15, 5, 0x40490fdb, -0.25);
        b.putInt(0x100, 17);
        byte[] text = "hi\n\"\\\001".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        b.put(0x180, text);
        for (int i = 0; i < 20; i++) {
            b.put(0x180 + text.length + i, (byte) 'x');
        }
        for (int i = 0; i < 300; i++) {
            b.put(0x200 + i, (byte) 'A');
        }
        return b.array();
    }

    private static void node(ByteBuffer b, int at, long next, int id, String name, int flags, int level, int color,
            int anon, double weight) {
        b.putLong(at, next);
        b.putInt(at + 8, id);
        b.put(at + 12, name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        int bits = b.order() == ByteOrder.LITTLE_ENDIAN ? (flags & 7) | (level & 31) << 3
                : (flags & 7) << 5 | (level & 31);
        b.put(at + 20, (byte) bits);
        b.putInt(at + 24, color);
        b.putInt(at + 28, anon);
        b.putDouble(at + 32, weight);
    }

    static AddressSpace memory(ByteOrder order) {
        byte[] page = page(order);
        return new SegmentSpace("fake", order, List.of(new Mapping(BASE, page.length,
                new ByteArraySource(page, 0, page.length, "fake page", order), 0, page.length, "page")));
    }

    /** The globals, at unslid addresses (the tests use slide 0). */
    static Globals globals() {
        Map<String, Global> g = new HashMap<>();
        g.put("head", new Global("head", BASE, OptionalLong.of(NODE), false));
        g.put("tail", new Global("tail", BASE + 0x40, OptionalLong.of(NODE_T), false));
        g.put("count", new Global("count", BASE + 0x100, OptionalLong.of(INT), false));
        g.put("text", new Global("text", BASE + 0x180, OptionalLong.of(TEXT), false));
        g.put("big", new Global("big", BASE + 0x200, OptionalLong.of(BIG), false));
        g.put("raw", new Global("raw", BASE + 0x100, OptionalLong.empty(), false));
        List<Global> all = new ArrayList<>(g.values());
        return new Globals() {
            @Override
            public Optional<Global> find(String name) {
                return Optional.ofNullable(g.get(name));
            }

            @Override
            public Optional<SymbolRef> symbolize(long address) {
                for (Global x : all) {
                    long size = x.name().equals("raw") ? 0 : graph().sizeOf(x.type().getAsLong());
                    if (Long.compareUnsigned(address - x.address(), size) < 0) {
                        return Optional.of(new SymbolRef(x.name(), address - x.address()));
                    }
                }
                return Optional.empty();
            }
        };
    }

    static Scope scope(ByteOrder order) {
        return Scope.of(graph(), globals(), memory(order), 0);
    }

    static Scope scope() {
        return scope(ByteOrder.LITTLE_ENDIAN);
    }
}
