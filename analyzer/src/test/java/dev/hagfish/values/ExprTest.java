package dev.hagfish.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.memory.MemoryFaultException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expressions over {@link FakeKernel}: C's literals, precedence, conversions, casts with full
 * type names, pointer arithmetic, members (anonymous ones too), subscripts, {@code sizeof}; and
 * every error names its column and reason.
 */
class ExprTest {
    private final Scope scope = FakeKernel.scope();

    private String print(String expr) throws Exception {
        Value v = Expr.evaluate(expr, scope);
        return ValueFormatter.prefix(v) + new ValueFormatter(ValueFormatter.DEFAULT_DEPTH).format(v)
                .substring(ValueFormatter.prefix(v).length());
    }

    private String type(String expr) throws Exception {
        return scope.types().name(Expr.evaluate(expr, scope).type());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "1 + 2 * 3 => 7",
        "(1 + 2) * 3 => 9",
        "10 - 4 - 3 => 3",
        "-7 / 2 => -3",
        "-7 % 3 => -1",
        "1 << 4 => 16",
        "-16 >> 2 => -4",
        "0xf0 & 0x3c => 48",
        "0xf0 | 0x0f => 255",
        "0xff ^ 0x0f => 240",
        "~0 => -1",
        "!0 => 1",
        "!count => 0",
        "3 > 2 && 2 > 1 => 1",
        "0 || count => 1",
        "count == 17 ? 100 : 200 => 100",
        "010 => 8",
        "0x10 => 16",
        "17u => 17",
        "'A' + 1 => 66",
        "'\\n' => 10 '\\n'",
        "'\\x41' => 65 'A'",
        "'\\101' => 65 'A'",
        "4294967295 + 1 => 4294967296",
        "0xffffffff + 1 => 0",
        "0xffffffffu / 2 => 2147483647",
        "-1 < 0u => 0",
        "-1L < 0 => 1",
        "(unsigned char)300 => 44 ','",
        "(signed char)200 => -56 '\\310'",
        "(short)-1 => -1",
        "(unsigned short)-1 => 65535",
        "(_Bool)5 => true",
        "(int)2.75 => 2",
        "1.5 * 2 => 3",
        "sizeof(struct node) => 40",
        "sizeof(node_t *) => 8",
        "sizeof(char (*)[17]) => 8",
        "sizeof(char [3][4]) => 12",
        "sizeof head.name => 8",
        "sizeof(long unsigned int) => 8",
        "sizeof(unsigned) => 4",
        "sizeof(long long) => 8",
        "sizeof(long double) => 16",
        "count => 17",
        "-count => -17",
        "head.id => 1",
        "head.next->id => 2",
        "head.next->next->next->next->id => 1",
        "tail.next->name[1] => 101 'e'",
        "head.i => 7",
        "tail.f => 3.14159274",
        "head.weight * 2 => 3",
        "head.flags => 5",
        "head.level => -3",
        "tail.level => 15",
        "head.color => GREEN",
        "tail.color => (RED | BLUE)",
        "(enum color)3 => (RED | GREEN)",
        "(enum color)8 => (unknown: 0x8)",
        "(enum color)0 => 0",
        "GREEN => GREEN",
        "BLUE + 1 => 5",
        "&tail - &head => 1",
        "(char *)&tail - (char *)&head => 64",
        "&head.name[4] - head.name => 4",
        "*&count => 17",
        "*head.name => 104 'h'",
        "2[head.name] => 97 'a'",
        "((struct node *)((char *)&head + 0x40))->id => 2",
        "(&head)[1].id => 0",
        "head.name => \"head\\000\\000\\000\"",
        "text => \"hi\\n\\\"\\\\\\001\", 'x' <repeats 20 times>, \"\\000\\000\\000\\000\\000\"",
    })
    void evaluates(String expr, String gdb) throws Exception {
        assertEquals(gdb, print(expr));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "1 => int",
        "2147483648 => long",
        "0x80000000 => unsigned int",
        "0xffffffff80000000 => unsigned long",
        "18446744073709551615 => unsigned long",
        "1ul => unsigned long",
        "1LL => long long",
        "'a' => char",
        "1.0 => double",
        "count + 1u => unsigned int",
        "count + 1L => long",
        "head.flags + 1 => int",
        "(unsigned char)1 + (unsigned char)1 => int",
        "sizeof count => unsigned long",
        "&head => struct node *",
        "&tail => node_t *",
        "head.name => char [8]",
        "&head.name => char (*)[8]",
        "head.name + 1 => char *",
        "(const char *)0 => const char *",
        "(char * const)0 => char * const",
        "(struct node **)0 => struct node **",
        "(char (*)[17])0 => char (*)[17]",
        "&head - &tail => long",
        "&raw => <data variable, no debug info> *",
    })
    void types(String expr, String type) throws Exception {
        assertEquals(type, type(expr));
    }

    @Test
    void castsShowTheirTypeAndSymbol() throws Exception {
        assertEquals("(struct node *) 0xffffff8000100040 <tail>", print("(struct node *)0xffffff8000100040"));
        assertEquals("(node_t *) 0xffffff8000100040 <tail>", print("&tail"));
        assertEquals("(int *) 0xffffff8000100100 <count>", print("&count"));
        assertEquals("0xffffff8000100000 <head> \"@\"", print("(char *)&head"));
        assertEquals("0xffffff800010000c <head+12> \"head\"", print("head.name + 0"));
        assertEquals("17", print("*(int *)&raw"));
        assertEquals("17", print("(int)raw"));
    }

    @Test
    void addressArithmeticReadsNothing() throws Exception {
        // 0x10 is unmapped: computing an address inside it must not read it.
        assertEquals("(char (*)[8]) 0x1c", print("&((struct node *)0x10)->name"));
        MemoryFaultException f = assertThrows(MemoryFaultException.class, () -> print("((struct node *)0x10)->id"));
        assertTrue(f.getMessage().contains("address 0x0000000000000018 is not mapped"), f.getMessage());
    }

    @ParameterizedTest(name = "{0}: column {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "`` => 1 => SYNTAX => empty expression",
        "1 + => 4 => SYNTAX => expected an expression but found end of expression",
        "(1 + 2 => 7 => SYNTAX => expected ')' but found end of expression",
        "count @ 2 => 7 => SYNTAX => unexpected character '@'",
        "count 2 => 7 => SYNTAX => unexpected '2' after the expression",
        "head. => 6 => SYNTAX => expected a member name after '.' but found end of expression",
        "0x => 1 => SYNTAX => invalid number '0x'",
        "0x1ffffffffffffffff => 1 => SYNTAX => integer constant '0x1ffffffffffffffff' is too large for 64 bits",
        "12qq => 1 => SYNTAX => invalid number '12qq'",
        "'a => 1 => SYNTAX => unterminated character constant",
        "nosuch + 1 => 1 => NOT_FOUND => no symbol \"nosuch\" in the kernel",
        "head.nope => 6 => NOT_FOUND => no member named 'nope' in struct node",
        "tail.nope => 6 => NOT_FOUND => no member named 'nope' in node_t",
        "(struct nosuch *)0 => 9 => NOT_FOUND => no struct named 'nosuch'",
        "sizeof(unsigned float) => 8 => SYNTAX => 'unsigned float' is not a type",
        "(void (*)(int))0 => 10 => SYNTAX => function types are not supported in casts; cast to a data pointer instead",
        "count->id => 8 => TYPE => 'id' is not a member of int (not a struct or union)",
        "*count => 1 => TYPE => cannot dereference a value of type int (not a pointer)",
        "&1 => 1 => TYPE => cannot take the address of a value not in memory",
        "&head.flags => 1 => TYPE => cannot take the address of a bit-field",
        "count / 0 => 7 => TYPE => division by zero",
        "count << 64 => 7 => TYPE => shift count 64 is out of range for int",
        "head + 1 => 6 => TYPE => cannot apply '+' to struct node and int",
        "count[1] => 6 => TYPE => cannot subscript a value of type int",
        "head.name[head] => 10 => TYPE => an array index must be an integer, not struct node",
        "*(void *)&head => 1 => TYPE => cannot dereference a void pointer; cast it first",
        "raw => 1 => TYPE => 'raw' has unknown type (no debug information); cast it to its declared type",
        "raw + 1 => 5 => TYPE => the symbol has unknown type (no debug information); cast it to its declared type",
        "sizeof head.flags => 1 => TYPE => sizeof applied to a bit-field",
        "(struct node)count => 1 => TYPE => invalid cast from int to struct node",
    })
    void errorsNameTheColumnAndTheReason(String expr, int column, ExprException.Kind kind, String reason) {
        ExprException e = assertThrows(ExprException.class, () -> Expr.evaluate(expr, scope));
        assertEquals(reason, e.reason());
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(kind, e.kind());
        assertEquals("column " + column + ": " + reason, e.getMessage());
    }

    @Test
    void aCycleIsFollowedAsFarAsAsked() throws Exception {
        StringBuilder e = new StringBuilder("head");
        for (int i = 0; i < 1001; i++) {
            e.append(".next");
        }
        assertEquals("2", print(e.append("->id").toString()));
    }

    @Test
    void hugeOrDeepExpressionsAreRefusedNotOverflowed() {
        ExprException deep = assertThrows(ExprException.class, () -> Expr.evaluate("(".repeat(300) + "1"
                + ")".repeat(300), scope));
        assertEquals("the expression is nested more than 256 levels deep", deep.reason());
        assertEquals(257, deep.column());
        ExprException stars = assertThrows(ExprException.class, () -> Expr.evaluate("-".repeat(300) + "1", scope));
        assertEquals("the expression is nested more than 256 levels deep", stars.reason());
        ExprException longOne = assertThrows(ExprException.class, () -> Expr.evaluate("1" + "+1".repeat(3000), scope));
        assertEquals("the expression has more than 4096 tokens", longOne.reason());
    }

    @Test
    void theSlideMovesGlobalsAndSymbols() throws IOException, ExprException {
        Scope slid = new Scope(new Types(FakeKernel.graph()), FakeKernel.globals(), FakeKernel.memory(
                java.nio.ByteOrder.LITTLE_ENDIAN), -0x100);
        Value v = Expr.evaluate("&count", slid);
        assertEquals(FakeKernel.BASE, v.asLong(), "count's unslid address plus the slide");
        assertEquals("(int *) 0xffffff8000100000 <count>", ValueFormatter.prefix(v)
                + new ValueFormatter(20).format(v).substring(ValueFormatter.prefix(v).length()));
    }
}
