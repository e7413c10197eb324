package dev.hagfish.io;

import java.util.Random;

/**
 * A {@code Mutator} makes seeded, hostile variants of a valid input for robustness tests: bit
 * flips, bytes set to 0x00/0xff/random, 32- and 64-bit fields set to boundary values, truncation
 * and copied chunks. Mutations favour the first {@code hotBytes} bytes, where headers and
 * tables live, because that is where lengths and offsets are.
 *
 * <p>Reusable by any format's fuzz-style test; single-threaded.
 */
public final class Mutator {
    private static final long[] BOUNDARY = {0, 1, 7, 8, 0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fffffffL,
        0x80000000L, 0xffffffffL, 0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, -1L, -8L};

    private final Random random;
    private final int hotBytes;

    /** Creates a mutator with a seed (print it, so that a failure can be replayed). */
    public Mutator(long seed, int hotBytes) {
        this.random = new Random(seed);
        this.hotBytes = hotBytes;
    }

    /** Returns a mutated copy of {@code input} with 1 to 4 mutations. */
    public byte[] mutate(byte[] input) {
        byte[] b = input.clone();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n && b.length > 0; i++) {
            b = once(b);
        }
        return b;
    }

    /**
     * Returns {@code input} with {@code [from, to)} replaced by a mutated copy of that window (1 to 4
     * mutations, favouring the window's first {@code hotBytes} bytes). A truncation shortens the
     * window, so the bytes after it move down by the difference in length.
     */
    public byte[] mutate(byte[] input, int from, int to) {
        byte[] window = mutate(java.util.Arrays.copyOfRange(input, from, to));
        byte[] out = new byte[input.length - (to - from) + window.length];
        System.arraycopy(input, 0, out, 0, from);
        System.arraycopy(window, 0, out, from, window.length);
        System.arraycopy(input, to, out, from + window.length, input.length - to);
        return out;
    }

    private int position(int length) {
        int limit = random.nextInt(4) == 0 ? length : Math.min(length, hotBytes);
        return random.nextInt(Math.max(1, limit));
    }

    private byte[] once(byte[] b) {
        int pos = position(b.length);
        switch (random.nextInt(7)) {
            case 0 -> b[pos] ^= (byte) (1 << random.nextInt(8));
            case 1 -> b[pos] = (byte) (random.nextBoolean() ? 0 : 0xff);
            case 2 -> b[pos] = (byte) random.nextInt(256);
            case 3 -> put(b, pos & ~3, BOUNDARY[random.nextInt(BOUNDARY.length)], 4);
            case 4 -> put(b, pos & ~7, BOUNDARY[random.nextInt(BOUNDARY.length)], 8);
            case 5 -> {
                byte[] t = new byte[pos];
                System.arraycopy(b, 0, t, 0, pos);
                return t;
            }
            default -> {
                int from = position(b.length);
                int len = Math.min(random.nextInt(64), Math.min(b.length - from, b.length - pos));
                System.arraycopy(b, from, b, pos, Math.max(0, len));
            }
        }
        return b;
    }

    private static void put(byte[] b, int pos, long v, int width) {
        for (int i = 0; i < width && pos + i < b.length; i++) {
            b[pos + i] = (byte) (v >>> (8 * i));
        }
    }
}
