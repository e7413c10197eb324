package dev.hagfish.values;

import dev.hagfish.types.Type;
import java.util.List;
import java.util.Optional;

/**
 * A {@code BaseSpelling} is one C base type as the words of a declaration spell it, in any
 * order ({@code unsigned long}, {@code long unsigned int}, {@code signed}), with the names
 * compilers give it in DWARF (clang: {@code unsigned long}; gcc: {@code long unsigned int}) and
 * its size in the LP64 (or ILP32) data model.
 */
public enum BaseSpelling {
    /** {@code void}. */
    VOID("void", 0, Type.Encoding.OTHER),
    /** {@code _Bool}. */
    BOOL("_Bool", 1, Type.Encoding.BOOLEAN, "bool"),
    /** {@code char}. */
    CHAR("char", 1, Type.Encoding.SIGNED_CHAR),
    /** {@code signed char}. */
    SIGNED_CHAR("signed char", 1, Type.Encoding.SIGNED_CHAR),
    /** {@code unsigned char}. */
    UNSIGNED_CHAR("unsigned char", 1, Type.Encoding.UNSIGNED_CHAR),
    /** {@code short}. */
    SHORT("short", 2, Type.Encoding.SIGNED, "short int"),
    /** {@code unsigned short}. */
    UNSIGNED_SHORT("unsigned short", 2, Type.Encoding.UNSIGNED, "short unsigned int", "unsigned short int"),
    /** {@code int}. */
    INT("int", 4, Type.Encoding.SIGNED),
    /** {@code unsigned int}. */
    UNSIGNED_INT("unsigned int", 4, Type.Encoding.UNSIGNED),
    /** {@code long}: the pointer's size. */
    LONG("long", -1, Type.Encoding.SIGNED, "long int"),
    /** {@code unsigned long}: the pointer's size. */
    UNSIGNED_LONG("unsigned long", -1, Type.Encoding.UNSIGNED, "long unsigned int", "unsigned long int"),
    /** {@code long long}. */
    LONG_LONG("long long", 8, Type.Encoding.SIGNED, "long long int"),
    /** {@code unsigned long long}. */
    UNSIGNED_LONG_LONG("unsigned long long", 8, Type.Encoding.UNSIGNED, "long long unsigned int",
            "unsigned long long int"),
    /** {@code float}. */
    FLOAT("float", 4, Type.Encoding.FLOAT),
    /** {@code double}. */
    DOUBLE("double", 8, Type.Encoding.FLOAT),
    /** {@code long double}: the x87 80-bit format in 16 bytes (x86_64). */
    LONG_DOUBLE("long double", 16, Type.Encoding.FLOAT);

    private final String canonical;
    private final long size;
    private final Type.Encoding encoding;
    private final List<String> aliases;

    BaseSpelling(String canonical, long size, Type.Encoding encoding, String... more) {
        this.canonical = canonical;
        this.size = size;
        this.encoding = encoding;
        this.aliases = List.of(more.length == 0 ? new String[] {canonical} : concat(canonical, more));
    }

    private static String[] concat(String first, String[] more) {
        String[] all = new String[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return all;
    }

    /** Returns the name clang gives the type. */
    public String canonical() {
        return canonical;
    }

    /** Returns every name a compiler may give the type in DWARF. */
    public List<String> aliases() {
        return aliases;
    }

    /** Returns the size in bytes on a target with this pointer size. */
    public long size(long pointerSize) {
        return size < 0 ? pointerSize : size;
    }

    /** Returns the encoding. */
    public Type.Encoding encoding() {
        return encoding;
    }

    /** Tells whether a word can start or continue a base type's spelling. */
    public static boolean isWord(String w) {
        return switch (w) {
            case "void", "_Bool", "bool", "char", "short", "int", "long", "signed", "unsigned", "float", "double" -> true;
            default -> false;
        };
    }

    /** Returns the base type the words spell, in any order, or empty when they spell none. */
    public static Optional<BaseSpelling> of(List<String> words) {
        int longs = 0;
        boolean signed = false;
        boolean unsigned = false;
        boolean hasInt = false;
        String core = null;
        for (String w : words) {
            switch (w) {
                case "long" -> longs++;
                case "signed" -> signed = true;
                case "unsigned" -> unsigned = true;
                case "int" -> {
                    if (hasInt) {
                        return Optional.empty();
                    }
                    hasInt = true;
                }
                default -> {
                    if (core != null) {
                        return Optional.empty();
                    }
                    core = w;
                }
            }
        }
        if (signed && unsigned || longs > 2) {
            return Optional.empty();
        }
        if (core == null) {
            return Optional.of(switch (longs) {
                case 0 -> unsigned ? UNSIGNED_INT : INT;
                case 1 -> unsigned ? UNSIGNED_LONG : LONG;
                default -> unsigned ? UNSIGNED_LONG_LONG : LONG_LONG;
            });
        }
        boolean plain = !signed && !unsigned && longs == 0 && !hasInt;
        return switch (core) {
            case "short" -> longs == 0 ? Optional.of(unsigned ? UNSIGNED_SHORT : SHORT) : Optional.empty();
            case "char" -> longs == 0 && !hasInt ? Optional.of(unsigned ? UNSIGNED_CHAR : signed ? SIGNED_CHAR : CHAR)
                    : Optional.empty();
            case "void" -> plain ? Optional.of(VOID) : Optional.empty();
            case "_Bool", "bool" -> plain ? Optional.of(BOOL) : Optional.empty();
            case "float" -> plain ? Optional.of(FLOAT) : Optional.empty();
            case "double" -> !signed && !unsigned && !hasInt && longs <= 1 ? Optional.of(longs == 1 ? LONG_DOUBLE : DOUBLE)
                    : Optional.empty();
            default -> Optional.empty();
        };
    }
}
