package dev.hagfish.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.io.FormatException;
import dev.hagfish.symbols.DataSymbol;
import dev.hagfish.symbols.Frame;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * {@link AddressTable} round trips, with answers built lazily from a chunk checked whole, and a
 * damaged chunk (each rule) is a {@link FormatException}, never a wrong answer.
 */
class AddressTableTest {
    private static final AddressAnswer INLINED = new AddressAnswer(List.of(
            new Frame("inner", "a.h", 3, 9, "a.h", 1, OptionalLong.empty(), 0),
            new Frame("outer", "a.c", 10, 2, "a.c", 8, OptionalLong.of(0xffffffff81000000L), 1)), Optional.empty());
    private static final AddressAnswer DATA = new AddressAnswer(List.of(
            new Frame("", "", 0, 0, "", 0, OptionalLong.empty(), 0)),
            Optional.of(new DataSymbol("jiffies", 0xffffffff82000000L, 8)));
    private static final long[] STARTS = {0, 0xffffffff81000000L, 0xffffffff81000010L, 0xffffffff82000000L};
    private static final List<AddressAnswer> ANSWERS = List.of(DATA, INLINED, DATA, DATA);

    @Test
    void roundTrip() throws FormatException {
        AddressTable.Chunk c = AddressTable.decode(AddressTable.encode(STARTS, ANSWERS, 1, 4), "t");
        assertNull(c.find(0x1000));
        assertEquals(INLINED, c.find(0xffffffff81000000L));
        assertEquals(INLINED, c.find(0xffffffff8100000fL));
        assertEquals(DATA, c.find(0xffffffff81000010L));
        assertEquals(DATA, c.find(-1L));
        assertEquals(3, c.starts().length);
    }

    @Test
    void damagedChunks() {
        byte[] good = AddressTable.encode(STARTS, ANSWERS, 0, 4);
        byte[] version = good.clone();
        version[0] = 9;
        fails(version, "address table version 9, expected 1", 1);
        for (int cut = 1; cut < good.length; cut++) {
            byte[] shorter = Arrays.copyOf(good, cut);
            FormatException e = assertThrows(FormatException.class, () -> AddressTable.decode(shorter, "t"),
                    "cut at " + cut);
            assertTrue(e.getMessage().startsWith("t: at offset"), e.getMessage());
        }
        // The first answer's first frame names string 0 as its function; make it an index past the table.
        byte[] badString = good.clone();
        int strings = badString[1];
        int pos = 2;
        for (int i = 0; i < strings; i++) {
            pos += 1 + badString[pos];
        }
        badString[pos + 2] = 0x7f; // answers count, frames count, then the function's string index
        fails(badString, "string index 127 out of range", pos + 3);
    }

    private static void fails(byte[] chunk, String detail, long offset) {
        FormatException e = assertThrows(FormatException.class, () -> AddressTable.decode(chunk, "t"));
        assertTrue(e.detail().contains(detail), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
    }
}
