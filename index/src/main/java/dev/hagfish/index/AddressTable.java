package dev.hagfish.index;

import dev.hagfish.io.FormatException;
import dev.hagfish.symbols.DataSymbol;
import dev.hagfish.symbols.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code AddressTable} is the compact form in which the index keeps the line tables and inline
 * data: the address space cut into intervals on which the answer does not change (see
 * {@code Symbolizer.boundaries}), stored in self-contained chunks. A chunk holds its intervals'
 * starts (delta-encoded), one answer index per interval, and its distinct answers over a string
 * table of its own, so that one stored field answers any address it covers.
 *
 * <p>Decoding checks every length against the chunk: a damaged store gives a
 * {@link FormatException}, never a huge allocation.
 */
public final class AddressTable {
    private static final int VERSION = 1;

    private AddressTable() {}

    /**
     * One chunk, checked whole by {@link #decode} but decoded lazily: an answer's frames (and the
     * strings they use) are built the first time an address needs them, then kept. A batch of
     * addresses that lands in a chunk once per answer thus allocates little more than its answers.
     *
     * <p>Not thread-safe.
     */
    public static final class Chunk {
        private final byte[] bytes;
        private final String what;
        private final int[] stringAt;
        private final int[] stringLength;
        private final String[] strings;
        private final int[] answerAt;
        private final AddressAnswer[] answers;
        private final long[] starts;
        private final int[] answerOf;

        private Chunk(byte[] bytes, String what, int[] stringAt, int[] stringLength, int[] answerAt, long[] starts,
                int[] answerOf) {
            this.bytes = bytes;
            this.what = what;
            this.stringAt = stringAt;
            this.stringLength = stringLength;
            this.strings = new String[stringAt.length];
            this.answerAt = answerAt;
            this.answers = new AddressAnswer[answerAt.length];
            this.starts = starts;
            this.answerOf = answerOf;
        }

        /** Returns the interval starts, unsigned ascending (a copy). */
        public long[] starts() {
            return starts.clone();
        }

        /** Returns the size of the chunk's encoded form and tables, in bytes, for cache budgets. */
        long weight() {
            return bytes.length + 8L * starts.length + 4L * (answerOf.length + 2 * stringAt.length + answerAt.length);
        }

        /**
         * Returns the answer of the interval holding {@code address}, or null below the first start.
         *
         * @throws FormatException never for a chunk {@link #decode} accepted
         */
        public AddressAnswer find(long address) throws FormatException {
            int lo = 0;
            int hi = starts.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (Long.compareUnsigned(starts[mid], address) <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo == 0 ? null : answer(answerOf[lo - 1]);
        }

        private AddressAnswer answer(int i) throws FormatException {
            AddressAnswer a = answers[i];
            if (a == null) {
                In in = new In(bytes, what);
                in.pos = answerAt[i];
                in.strings = stringAt.length;
                a = readAnswer(in, this::string);
                answers[i] = a;
            }
            return a;
        }

        private String string(int i) {
            String v = strings[i];
            if (v == null) {
                v = new String(bytes, stringAt[i], stringLength[i], StandardCharsets.UTF_8);
                strings[i] = v;
            }
            return v;
        }
    }

    /** Looks a string up by its index, which {@link In#string} has checked. */
    private interface Strings {
        String get(int index);
    }

    /**
     * Encodes intervals {@code [from, to)} of a table.
     *
     * @param starts every interval start, unsigned ascending
     * @param answers the answer of each interval
     */
    public static byte[] encode(long[] starts, List<AddressAnswer> answers, int from, int to) {
        Map<AddressAnswer, Integer> ids = new HashMap<>();
        List<AddressAnswer> distinct = new ArrayList<>();
        int[] answerOf = new int[to - from];
        for (int i = from; i < to; i++) {
            AddressAnswer a = answers.get(i);
            Integer id = ids.get(a);
            if (id == null) {
                id = distinct.size();
                ids.put(a, id);
                distinct.add(a);
            }
            answerOf[i - from] = id;
        }
        Map<String, Integer> strings = new HashMap<>();
        List<String> table = new ArrayList<>();
        Out body = new Out();
        body.varint(distinct.size());
        for (AddressAnswer a : distinct) {
            body.varint(a.frames().size());
            for (Frame f : a.frames()) {
                body.varint(string(f.functionName(), strings, table));
                body.varint(string(f.fileName(), strings, table));
                body.varlong(f.line());
                body.varlong(f.column());
                body.varint(string(f.startFileName(), strings, table));
                body.varlong(f.startLine());
                body.u8(f.startAddress().isPresent() ? 1 : 0);
                if (f.startAddress().isPresent()) {
                    body.u64(f.startAddress().getAsLong());
                }
                body.varlong(f.discriminator());
            }
            body.u8(a.data().isPresent() ? 1 : 0);
            if (a.data().isPresent()) {
                DataSymbol d = a.data().get();
                body.varint(string(d.name(), strings, table));
                body.u64(d.start());
                body.varlong(d.size());
            }
        }
        body.varint(to - from);
        long prev = 0;
        for (int i = from; i < to; i++) {
            body.varlong(i == from ? starts[i] : starts[i] - prev);
            prev = starts[i];
        }
        for (int id : answerOf) {
            body.varint(id);
        }
        Out out = new Out();
        out.u8(VERSION);
        out.varint(table.size());
        for (String s : table) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.varint(b.length);
            out.bytes.write(b, 0, b.length);
        }
        byte[] b = body.bytes.toByteArray();
        out.bytes.write(b, 0, b.length);
        return out.bytes.toByteArray();
    }

    private static int string(String s, Map<String, Integer> ids, List<String> table) {
        return ids.computeIfAbsent(s == null ? "" : s, k -> {
            table.add(k);
            return table.size() - 1;
        });
    }

    /**
     * Decodes a chunk.
     *
     * @param what names the chunk in errors (kernel and chunk number)
     * @throws FormatException if the chunk is damaged
     */
    public static Chunk decode(byte[] chunk, String what) throws FormatException {
        In in = new In(chunk, what);
        int version = in.u8();
        if (version != VERSION) {
            throw in.error("address table version " + version + ", expected " + VERSION + " (re-index the kernel)");
        }
        int[] stringAt = new int[in.count()];
        int[] stringLength = new int[stringAt.length];
        for (int i = 0; i < stringAt.length; i++) {
            stringLength[i] = in.count();
            stringAt[i] = in.take(stringLength[i]);
        }
        in.strings = stringAt.length;
        int[] answerAt = new int[in.count()];
        for (int a = 0; a < answerAt.length; a++) {
            answerAt[a] = in.pos;
            skipAnswer(in);
        }
        int n = in.count();
        long[] starts = new long[n];
        long prev = 0;
        for (int i = 0; i < n; i++) {
            starts[i] = i == 0 ? in.varlong() : prev + in.varlong();
            prev = starts[i];
        }
        int[] answerOf = new int[n];
        for (int i = 0; i < n; i++) {
            answerOf[i] = in.varint();
            if (answerOf[i] < 0 || answerOf[i] >= answerAt.length) {
                throw in.error("answer index " + answerOf[i] + " out of range");
            }
        }
        return new Chunk(chunk, what, stringAt, stringLength, answerAt, starts, answerOf);
    }

    /**
     * Checks one encoded answer at the reader's position and moves past it, building nothing: a
     * batch decodes every chunk it touches, and most answers of a chunk are never asked for.
     */
    private static void skipAnswer(In in) throws FormatException {
        int count = in.count();
        for (int f = 0; f < count; f++) {
            in.string();
            in.string();
            in.varlong();
            in.varlong();
            in.string();
            in.varlong();
            if (in.u8() == 1) {
                in.u64();
            }
            in.varlong();
        }
        if (in.u8() == 1) {
            in.string();
            in.u64();
            in.varlong();
        }
    }

    /** Reads one encoded answer at the reader's position; {@link #skipAnswer} has checked it. */
    private static AddressAnswer readAnswer(In in, Strings table) throws FormatException {
        int count = in.count();
        Frame[] frames = new Frame[count];
        for (int f = 0; f < count; f++) {
            String fn = table.get(in.string());
            String file = table.get(in.string());
            long line = in.varlong();
            long column = in.varlong();
            String startFile = table.get(in.string());
            long startLine = in.varlong();
            OptionalLong start = in.u8() == 1 ? OptionalLong.of(in.u64()) : OptionalLong.empty();
            frames[f] = new Frame(fn, file, line, column, startFile, startLine, start, in.varlong());
        }
        Optional<DataSymbol> data = Optional.empty();
        if (in.u8() == 1) {
            data = Optional.of(new DataSymbol(table.get(in.string()), in.u64(), in.varlong()));
        }
        return new AddressAnswer(List.of(frames), data); // immutable already: the record keeps it
    }

    /** A growable output with LEB128 varints. */
    private static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void u8(int v) {
            bytes.write(v);
        }

        void u64(long v) {
            for (int i = 0; i < 8; i++) {
                bytes.write((int) (v >>> (8 * i)));
            }
        }

        void varint(int v) {
            varlong(v & 0xffffffffL);
        }

        void varlong(long v) {
            while ((v & ~0x7fL) != 0) {
                bytes.write((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            bytes.write((int) v);
        }
    }

    /** A bounded reader over one chunk. */
    private static final class In {
        private final byte[] b;
        private final String what;
        private int pos;
        private int strings;

        In(byte[] b, String what) {
            this.b = b;
            this.what = what;
        }

        FormatException error(String msg) {
            return new FormatException(what, pos, msg);
        }

        int u8() throws FormatException {
            if (pos >= b.length) {
                throw error("address table chunk ends early");
            }
            return b[pos++] & 0xff;
        }

        long u64() throws FormatException {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (long) u8() << (8 * i);
            }
            return v;
        }

        long varlong() throws FormatException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int x = u8();
                v |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
            throw error("varint longer than 64 bits");
        }

        int varint() throws FormatException {
            long v = varlong();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw error("count " + v + " too large");
            }
            return (int) v;
        }

        /** A count that cannot exceed the bytes left (each counted item takes at least one byte). */
        int count() throws FormatException {
            int n = varint();
            if (n > b.length - pos) {
                throw error("count " + n + " exceeds the " + (b.length - pos) + " bytes left");
            }
            return n;
        }

        int take(int n) throws FormatException {
            if (n > b.length - pos) {
                throw error("string of " + n + " bytes runs past the chunk");
            }
            int at = pos;
            pos += n;
            return at;
        }

        /** Reads a string index, which must be below the chunk's string count. */
        int string() throws FormatException {
            int i = varint();
            if (i >= strings) {
                throw error("string index " + i + " out of range");
            }
            return i;
        }
    }
}
