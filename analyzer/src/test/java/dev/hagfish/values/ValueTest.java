package dev.hagfish.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.memory.RecordingSpace;
import dev.hagfish.memory.MemoryFaultException;
import dev.hagfish.types.Member;
import dev.hagfish.types.Type;
import dev.hagfish.types.TypeGraph;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Value}: a member reads only its own bytes; bit-fields in both byte orders, signed and
 * unsigned; faults name the address; structs nested deeper than the depth print as {@code {...}}.
 */
class ValueTest {
    /** Both byte orders, as enum constants for @EnumSource. */
    enum Order {
        LITTLE(ByteOrder.LITTLE_ENDIAN), BIG(ByteOrder.BIG_ENDIAN);

        final ByteOrder order;

        Order(ByteOrder order) {
            this.order = order;
        }
    }

    @Test
    void aMemberReadsOnlyItsBytes() throws Exception {
        RecordingSpace memory = new RecordingSpace(FakeKernel.memory(ByteOrder.LITTLE_ENDIAN));
        Scope scope = Scope.of(FakeKernel.graph(), FakeKernel.globals(), memory, 0);
        Value id = Expr.evaluate("head.next->id", scope);
        assertEquals(2, id.asLong());
        assertEquals(2, memory.reads().size(), "the pointer, then the int");
        assertEquals(List.of(FakeKernel.BASE, 8L), List.of(memory.reads().get(0)[0], memory.reads().get(0)[1]));
        assertEquals(List.of(FakeKernel.BASE + 0x48, 4L), List.of(memory.reads().get(1)[0], memory.reads().get(1)[1]));
        memory.reads().clear();
        Value level = Expr.evaluate("tail.level", scope);
        assertEquals(15, level.asLong());
        assertEquals(1, memory.reads().size());
        assertEquals(List.of(FakeKernel.BASE + 0x40 + 20, 1L), List.of(memory.reads().get(0)[0], memory.reads().get(0)[1]),
                "a bit-field reads the bytes that hold its bits");
    }

    @Test
    void aStructIsReadOnceToPrint() throws Exception {
        RecordingSpace memory = new RecordingSpace(FakeKernel.memory(ByteOrder.LITTLE_ENDIAN));
        Scope scope = Scope.of(FakeKernel.graph(), FakeKernel.globals(), memory, 0);
        String text = new ValueFormatter(20).format(Expr.evaluate("head", scope));
        assertEquals("{next = 0xffffff8000100040 <tail>, id = 1, name = \"head\\000\\000\\000\", flags = 5, level = -3, "
                + "color = GREEN, {i = 7, f = 9.80908925e-45}, weight = 1.5}", text);
        assertEquals(1, memory.reads().size(), "one read of the 40 bytes");
        assertEquals(40, memory.reads().get(0)[1]);
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void bitFieldsInBothByteOrders(Order order) throws Exception {
        Scope scope = FakeKernel.scope(order.order);
        assertEquals(5, Expr.evaluate("head.flags", scope).asLong());
        assertEquals(-3, Expr.evaluate("head.level", scope).asLong());
        assertEquals(7, Expr.evaluate("tail.flags", scope).asLong());
        assertEquals(15, Expr.evaluate("tail.level", scope).asLong());
        assertEquals(2, Expr.evaluate("head.next->id", scope).asLong());
    }

    @Test
    void aWideBitFieldAcrossNineBytes() throws Exception {
        // A 64-bit field starting at bit 4 spans 9 bytes.
        Map<Long, Type> t = new HashMap<>();
        t.put(1L, new Type.Base(1, "unsigned long long", 8, Type.Encoding.UNSIGNED));
        t.put(2L, new Type.Struct(2, Type.Kind.STRUCT, "wide", 16, false, List.of(new Member("x", 1, 4, 64))));
        byte[] b = new byte[16];
        long v = 0xfedcba9876543210L;
        long lo = v << 4;
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (lo >>> (8 * i));
        }
        b[8] = (byte) (v >>> 60);
        Globals none = new Globals() {
            @Override
            public Optional<Global> find(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<SymbolRef> symbolize(long address) {
                return Optional.empty();
            }
        };
        Scope scope = Scope.of(new TypeGraph(t), none, new dev.hagfish.memory.SegmentSpace("w",
                ByteOrder.LITTLE_ENDIAN, List.of(new dev.hagfish.memory.Mapping(0x1000, 16,
                        new dev.hagfish.io.ByteArraySource(b, 0, 16, "w", ByteOrder.LITTLE_ENDIAN), 0, 16, "w"))), 0);
        Value x = Value.at(scope, 2, 0x1000).member("x").orElseThrow();
        assertEquals(v, x.asLong());
    }

    @Test
    void anUnmappedPointerFaultsNamingTheAddress() {
        Scope scope = FakeKernel.scope();
        MemoryFaultException e = assertThrows(MemoryFaultException.class,
                () -> new ValueFormatter(20).format(Expr.evaluate("*(struct node *)0xffffff8000200000", scope)));
        assertEquals(0xffffff8000200000L, e.address());
        assertTrue(e.getMessage().contains("address 0xffffff8000200000 is not mapped; nearest mapped range "
                + "[0xffffff8000100000-0xffffff8000101000) page"), e.getMessage());
    }

    @Test
    void aPointerToUnmappedCharsPrintsTheErrorInPlace() throws Exception {
        String text = new ValueFormatter(20).format(Expr.evaluate("(char *)0x10", FakeKernel.scope()));
        assertEquals("0x10 <error: Cannot access memory at address 0x10>", text);
    }

    @Test
    void structsDeeperThanTheDepthAreElided() throws Exception {
        // struct s0 { int v; struct s1 in; } ... struct s29 { int v; }: 30 levels.
        Map<Long, Type> t = new HashMap<>();
        t.put(1L, new Type.Base(1, "int", 4, Type.Encoding.SIGNED));
        for (int i = 29; i >= 0; i--) {
            List<Member> m = new ArrayList<>(List.of(new Member("v", 1, 0, 0)));
            if (i < 29) {
                m.add(new Member("in", 100 + i + 1, 32, 0));
            }
            t.put(100L + i, new Type.Struct(100 + i, Type.Kind.STRUCT, "s" + i, 4L * (30 - i), false, m));
        }
        Globals g = new Globals() {
            @Override
            public Optional<Global> find(String name) {
                return Optional.of(new Global("deep", FakeKernel.BASE + 0x800, OptionalLong.of(100), false));
            }

            @Override
            public Optional<SymbolRef> symbolize(long address) {
                return Optional.empty();
            }
        };
        Scope scope = Scope.of(new TypeGraph(t), g, FakeKernel.memory(ByteOrder.LITTLE_ENDIAN), 0);
        Value deep = Expr.evaluate("deep", scope);
        assertEquals("{...}", new ValueFormatter(0).format(deep));
        assertEquals("{v = 0, in = {...}}", new ValueFormatter(1).format(deep));
        assertEquals("{v = 0, in = {v = 0, in = {...}}}", new ValueFormatter(2).format(deep));
        String gdbDefault = new ValueFormatter(ValueFormatter.DEFAULT_DEPTH).format(deep);
        assertEquals(19, gdbDefault.split("in = \\{v", -1).length - 1, "levels 0 to 19 print, level 20 is {...}");
        assertTrue(gdbDefault.contains("in = {...}"));
        assertEquals(30, new ValueFormatter(100).format(deep).split("v = ", -1).length - 1);
    }

    @Test
    void aHugeCastIsRefusedBeforeAnyAllocation() throws Exception {
        Value v = Expr.evaluate("*(char (*)[1000000000])&head", FakeKernel.scope());
        ValueSizeException e = assertThrows(ValueSizeException.class, () -> new ValueFormatter(20).format(v));
        assertEquals("a value of type char [1000000000] takes 1000000000 bytes, more than the 1048576 hagfish reads "
                + "at once; examine it with x", e.getMessage());
    }

    @Test
    void aStructThatContainsItselfStopsAtTheNestingLimit() throws Exception {
        // Damaged DWARF: struct loop { int v; struct loop self; } with the member at offset 0,
        // and an anonymous member, which gdb does not count as a level.
        Map<Long, Type> t = new HashMap<>();
        t.put(1L, new Type.Base(1, "int", 4, Type.Encoding.SIGNED));
        t.put(2L, new Type.Struct(2, Type.Kind.STRUCT, "loop", 8, false, List.of(new Member("v", 1, 0, 0),
                new Member(null, 2, 0, 0))));
        Globals g = new Globals() {
            @Override
            public Optional<Global> find(String name) {
                return Optional.of(new Global("loop", FakeKernel.BASE, OptionalLong.of(2), false));
            }

            @Override
            public Optional<SymbolRef> symbolize(long address) {
                return Optional.empty();
            }
        };
        Scope scope = Scope.of(new TypeGraph(t), g, FakeKernel.memory(ByteOrder.LITTLE_ENDIAN), 0);
        String text = new ValueFormatter(20).format(Expr.evaluate("loop", scope));
        assertEquals(ValueTree.MAX_NESTING, text.split("\\{v = ", -1).length - 1);
        assertTrue(text.contains("{...}"));
    }

    @Test
    void theTreeCarriesKindsAndValues() throws Exception {
        ValueNode n = new ValueFormatter(20).tree(Expr.evaluate("tail", FakeKernel.scope()));
        assertEquals("struct", n.kind());
        assertEquals("node_t", n.type());
        assertEquals("0xffffff8000100040", n.address());
        ValueNode next = n.members().get(0);
        assertEquals("next", next.name());
        assertEquals("pointer", next.kind());
        assertEquals("0xffffff8000100000", next.value());
        assertEquals("head", next.symbol());
        ValueNode name = n.members().get(2);
        assertEquals("string", name.kind());
        assertEquals("tail", name.string());
        ValueNode level = n.members().get(4);
        assertEquals(15, Long.parseLong(level.value()));
        assertEquals(5, level.bitSize());
        assertEquals(3, level.bitPosition());
        ValueNode color = n.members().get(5);
        assertEquals("(RED | BLUE)", color.enumerator());
        assertEquals("5", color.value());
        ValueNode anon = n.members().get(6);
        assertEquals(null, anon.name());
        assertEquals("union", anon.kind());
    }
}
