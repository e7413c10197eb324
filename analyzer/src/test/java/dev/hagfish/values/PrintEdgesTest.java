package dev.hagfish.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hagfish.io.ByteArraySource;
import dev.hagfish.memory.Mapping;
import dev.hagfish.memory.SegmentSpace;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The globals of samples/tools/print-edges.c, laid out in memory as its initializers say, print
 * as gdb 13 printed them (expected/values/gdb-print-edges.txt): strings at the 200-element limit,
 * repeat blocks of 10 and 11, the one trailing NUL gdb drops, escapes, element limits, float and
 * double digits, flag enums.
 */
class PrintEdgesTest {
    private static final Path GOLDEN = Path.of("..", "samples", "expected", "values", "gdb-print-edges.txt");
    private static final long BASE = 0x10000;
    private static final long CHAR = 1, UCHAR = 2, INT = 3, FLOAT = 4, DOUBLE = 5, FLAGS = 6, PLAIN = 7;

    private final Map<Long, Type> types = new HashMap<>();
    private final Map<String, Global> globals = new LinkedHashMap<>();
    private final ByteBuffer memory = ByteBuffer.allocate(0x4000).order(ByteOrder.LITTLE_ENDIAN);
    private long nextId = 100;
    private int at;

    private void global(String name, long element, int length, byte[] bytes) {
        long id = nextId++;
        types.put(id, new Type.Array(id, element, List.of((long) length)));
        globals.put(name, new Global(name, BASE + at, OptionalLong.of(id), false));
        memory.put(at, bytes);
        at += (bytes.length + 15) & ~15;
    }

    private static byte[] chars(int length, Object... runs) {
        byte[] b = new byte[length];
        int i = 0;
        for (int r = 0; r < runs.length; r += 2) {
            for (int k = 0; k < (Integer) runs[r + 1]; k++) {
                b[i++] = (byte) (char) (Character) runs[r];
            }
        }
        return b;
    }

    private static byte[] ints(int length, int... values) {
        ByteBuffer b = ByteBuffer.allocate(length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    private Scope scope() {
        types.put(CHAR, new Type.Base(CHAR, "char", 1, Type.Encoding.SIGNED_CHAR));
        types.put(UCHAR, new Type.Base(UCHAR, "unsigned char", 1, Type.Encoding.UNSIGNED_CHAR));
        types.put(INT, new Type.Base(INT, "int", 4, Type.Encoding.SIGNED));
        types.put(FLOAT, new Type.Base(FLOAT, "float", 4, Type.Encoding.FLOAT));
        types.put(DOUBLE, new Type.Base(DOUBLE, "double", 8, Type.Encoding.FLOAT));
        types.put(FLAGS, new Type.Enum(FLAGS, "flags", 4, -1, false, false, List.of(new Type.Enumerator("F_ONE", 1),
                new Type.Enumerator("F_TWO", 2), new Type.Enumerator("F_FOUR", 4))));
        types.put(PLAIN, new Type.Enum(PLAIN, "plain", 4, -1, false, false, List.of(new Type.Enumerator("P_A", 1),
                new Type.Enumerator("P_B", 3))));
        global("all300", CHAR, 300, chars(300, 'A', 300));
        global("all200", CHAR, 200, chars(200, 'B', 200));
        global("nul201", CHAR, 201, chars(201, 'C', 200));
        global("mixed", CHAR, 250, chars(250, 'x', 199, 'y', 1, 'z', 12));
        global("runs", CHAR, 40, chars(40, 'a', 1, 'b', 10, 'c', 1, 'd', 11, 'e', 2));
        global("inner", CHAR, 5, new byte[] {'a', 'b', 0, 'c', 'd'});
        global("tail", CHAR, 4, new byte[] {'a', 0, 0, 0});
        global("bytes", UCHAR, 8, new byte[] {(byte) 200, 10, 27, '"', '\\', '\'', 7, 127});
        global("zeros", INT, 20, ints(20));
        global("eleven", INT, 11, ints(11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
        global("ten", INT, 10, ints(10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
        global("few", INT, 250, ints(250, 1, 2, 3));
        int[] blocks = new int[300];
        int[] many = new int[205];
        for (int i = 0; i < 300; i++) {
            blocks[i] = i / 100 + 1;
        }
        for (int i = 0; i < 205; i++) {
            many[i] = i + 1;
        }
        global("blocks", INT, 300, ints(300, blocks));
        global("many", INT, 230, ints(230, many));
        ByteBuffer f = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : new float[] {0.1f, 1.5f, -0.0f, 3.4028235e38f, 1e-45f, 16777216.0f}) {
            f.putFloat(x);
        }
        global("floats", FLOAT, 6, f.array());
        ByteBuffer d = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : new double[] {0.1, 1.5, -0.0, 1e100, 123456789012345678.0, 1e-5, 0.0001, 100000000000000000.0}) {
            d.putDouble(x);
        }
        global("doubles", DOUBLE, 8, d.array());
        scalar("flagset", FLAGS, 7);
        scalar("flagodd", FLAGS, 9);
        scalar("flagnone", FLAGS, 0);
        scalar("plainodd", PLAIN, 2);
        byte[] page = memory.array();
        SegmentSpace space = new SegmentSpace("edges", ByteOrder.LITTLE_ENDIAN, List.of(new Mapping(BASE, page.length,
                new ByteArraySource(page, 0, page.length, "edges", ByteOrder.LITTLE_ENDIAN), 0, page.length, "edges")));
        Globals g = new Globals() {
            @Override
            public Optional<Global> find(String name) {
                return Optional.ofNullable(globals.get(name));
            }

            @Override
            public Optional<SymbolRef> symbolize(long address) {
                return Optional.empty();
            }
        };
        return Scope.of(new TypeGraph(types), g, space, 0);
    }

    private void scalar(String name, long type, int value) {
        globals.put(name, new Global(name, BASE + at, OptionalLong.of(type), false));
        memory.putInt(at, value);
        at += 16;
    }

    @TestFactory
    Stream<DynamicTest> printsAsGdb() throws IOException {
        Scope scope = scope();
        List<DynamicTest> tests = new ArrayList<>();
        List<String> lines = Files.readAllLines(GOLDEN);
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            String expr = lines.get(i).substring("==== print ".length());
            String want = lines.get(i + 1).replaceFirst("^\\$\\d+ = ", "");
            tests.add(DynamicTest.dynamicTest(expr, () -> assertEquals(want,
                    new ValueFormatter(ValueFormatter.DEFAULT_DEPTH).format(Expr.evaluate(expr, scope)))));
        }
        assertEquals(20, tests.size(), "every variable of print-edges.c");
        return tests.stream();
    }
}
