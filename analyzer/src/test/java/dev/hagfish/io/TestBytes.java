package dev.hagfish.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** {@code TestBytes} builds synthetic binary input for tests, little- or big-endian. */
public final class TestBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean little;

    private TestBytes(boolean little) {
        this.little = little;
    }

    /** Returns a little-endian builder. */
    public static TestBytes le() {
        return new TestBytes(true);
    }

    /** Returns a big-endian builder. */
    public static TestBytes be() {
        return new TestBytes(false);
    }

    /** Appends one byte. */
    public TestBytes u8(int v) {
        out.write(v);
        return this;
    }

    /** Appends a 16-bit value. */
    public TestBytes u16(int v) {
        return num(v, 2);
    }

    /** Appends a 32-bit value. */
    public TestBytes u32(long v) {
        return num(v, 4);
    }

    /** Appends a 64-bit value. */
    public TestBytes u64(long v) {
        return num(v, 8);
    }

    /** Appends raw bytes. */
    public TestBytes bytes(byte... b) {
        out.write(b, 0, b.length);
        return this;
    }

    /** Appends {@code n} zero bytes. */
    public TestBytes zeros(int n) {
        return bytes(new byte[n]);
    }

    /** Appends a string padded with NULs to {@code width} bytes. */
    public TestBytes fixed(String s, int width) {
        byte[] b = new byte[width];
        byte[] src = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(src, 0, b, 0, src.length);
        return bytes(b);
    }

    /** Appends a NUL-terminated string. */
    public TestBytes cstr(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8)).u8(0);
    }

    /** Appends an unsigned LEB128 number. */
    public TestBytes uleb(long v) {
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    /** Returns the current size. */
    public int size() {
        return out.size();
    }

    /** Returns the bytes. */
    public byte[] build() {
        return out.toByteArray();
    }

    /** Returns the bytes as a little-endian source with the given name. */
    public ByteSource source(String name) {
        return ByteSource.of(build(), name);
    }

    private TestBytes num(long v, int n) {
        for (int i = 0; i < n; i++) {
            int shift = little ? 8 * i : 8 * (n - 1 - i);
            out.write((int) (v >>> shift) & 0xff);
        }
        return this;
    }
}
