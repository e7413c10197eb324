package dev.hagfish.index;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code Tokens} splits a symbol name into the words a user searches for: at every character
 * that is not a letter or digit, and between a lower-case letter and an upper-case one
 * ({@code OSKext::loadWithID} gives {@code os}, {@code kext}, {@code load}, {@code with},
 * {@code id}). Words are lower-cased; the whole name, lower-cased, is a token too.
 */
final class Tokens {
    private Tokens() {}

    /** Returns the words of a name, space-separated. */
    static String of(String name) {
        Set<String> out = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, out);
                continue;
            }
            if (word.length() > 0 && Character.isUpperCase(c)) {
                char prev = word.charAt(word.length() - 1);
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (Character.isLowerCase(prev) || Character.isDigit(prev)
                        || (Character.isUpperCase(prev) && nextLower)) {
                    flush(word, out);
                }
            }
            word.append(c);
        }
        flush(word, out);
        return String.join(" ", out);
    }

    private static void flush(StringBuilder word, Set<String> out) {
        if (word.length() > 0) {
            out.add(word.toString().toLowerCase(java.util.Locale.ROOT));
            word.setLength(0);
        }
    }

    /** Returns a demangled name without its parameters: {@code OSKext::load} of {@code OSKext::load(int)}. */
    static String qualified(String demangled) {
        int paren = demangled.indexOf('(');
        return paren < 0 ? demangled : demangled.substring(0, paren);
    }

    /** Returns the C name of a Mach-O symbol: without the one leading underscore the compiler adds. */
    static String cName(String name) {
        return name.startsWith("_") ? name.substring(1) : name;
    }
}
