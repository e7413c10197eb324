package dev.hagfish.dwarf;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.nio.charset.StandardCharsets;

/**
 * A {@code NameKey} is a name being looked up in an accelerator table: its UTF-8 bytes and two
 * DJB hashes (Daniel J. Bernstein's {@code h = h * 33 + c} from 5381, over unsigned bytes, modulo
 * 2^32). The Apple tables hash the bytes as they are ({@link #hash()}); DWARF 5
 * {@code .debug_names} (§6.1.1.4.5, §7.33) hashes the name after Unicode simple case folding
 * ({@link #foldedHash()}), so that a case-insensitive search can use the same table. Equal hashes
 * do not prove equal names, so {@link #matches} compares the stored string exactly.
 *
 * <p>Immutable.
 */
final class NameKey {
    private final String name;
    private final byte[] utf8;
    private final int hash;
    private final int foldedHash;

    NameKey(String name) {
        this.name = name;
        this.utf8 = name.getBytes(StandardCharsets.UTF_8);
        this.hash = djb(utf8);
        this.foldedHash = foldedDjb(name);
    }

    /**
     * Returns the {@code .debug_names} hash of {@code name}: the DJB hash of the UTF-8 encoding of
     * its case-folded code points. ASCII letters fold to lower case; U+0130 and U+0131 fold to
     * {@code i}, as DWARF 5 §6.1.1.4.5 adds; other code points fold by the simple (C + S) mappings
     * of Unicode's CaseFolding.txt, which equal lower-casing the upper case for every code point
     * except the Cherokee letters, which fold to upper case.
     */
    static int foldedDjb(String name) {
        int h = 5381;
        int i = 0;
        for (; i < name.length() && name.charAt(i) < 0x80; i++) {
            h = h * 33 + fold(name.charAt(i));
        }
        if (i == name.length()) {
            return h;
        }
        StringBuilder folded = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> folded.appendCodePoint(fold(cp)));
        return djb(folded.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static int fold(int cp) {
        if (cp < 0x80) {
            return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
        }
        if (cp == 0x130 || cp == 0x131) {
            return 'i';
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        if (block == Character.UnicodeBlock.CHEROKEE || block == Character.UnicodeBlock.CHEROKEE_SUPPLEMENT) {
            return Character.toUpperCase(cp);
        }
        return Character.toLowerCase(Character.toUpperCase(cp));
    }

    /** Returns the DJB hash of {@code bytes}, as an unsigned 32-bit value in an {@code int}. */
    static int djb(byte[] bytes) {
        int h = 5381;
        for (byte b : bytes) {
            h = h * 33 + (b & 0xff);
        }
        return h;
    }

    String name() {
        return name;
    }

    /** Returns the Apple tables' hash, unsigned. */
    long hash() {
        return Integer.toUnsignedLong(hash);
    }

    /** Returns the {@code .debug_names} hash, unsigned. */
    long foldedHash() {
        return Integer.toUnsignedLong(foldedHash);
    }

    /**
     * Tells whether the NUL-terminated string at {@code offset} of {@code strings} (a
     * {@code .debug_str}) is this name. A string that runs to the end of the section without a NUL
     * ends there, as {@link DieReader} reads it.
     *
     * @throws FormatException if {@code offset} is outside the section
     */
    boolean matches(ByteSource strings, long offset) throws FormatException {
        if (offset < 0 || offset >= strings.size()) {
            throw new FormatException(strings.describe(), offset, "string offset 0x" + Long.toHexString(offset)
                    + " is outside the section (size 0x" + Long.toHexString(strings.size()) + ")");
        }
        long avail = strings.size() - offset;
        if (avail < utf8.length) {
            return false;
        }
        int len = (int) Math.min(avail, utf8.length + 1L);
        byte[] got = strings.bytes(offset, len);
        for (int i = 0; i < utf8.length; i++) {
            if (got[i] != utf8[i]) {
                return false;
            }
        }
        return len == utf8.length || got[utf8.length] == 0;
    }
}
