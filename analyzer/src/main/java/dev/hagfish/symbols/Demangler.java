package dev.hagfish.symbols;

/**
 * A {@code Demangler} turns C++ symbol names mangled by the Itanium C++ ABI (§5.1, "External
 * Names"), which clang uses on macOS, back into the declarations they name:
 * {@code __ZN6OSKext4loadEhhP7OSArray} becomes
 * {@code OSKext::load(unsigned char, unsigned char, OSArray*)}.
 *
 * <p>The text is exactly what {@code llvm-cxxfilt-19 --strip-underscore} prints for the Darwin
 * symbol, spacing included: {@code char const*}, {@code void (*)(int)},
 * {@code std::vector<int, std::allocator<int>>}. Clone suffixes print as {@code f() (.cold.1)},
 * block invocation functions ({@code ____Z1fv_block_invoke}) as
 * {@code invocation function for block in f()}. Like llvm-cxxfilt, a name is split at every char
 * other than letters, digits, {@code _}, {@code .} and {@code $}, and each piece is demangled on
 * its own ({@code x-__Z1gv} becomes {@code x-g()}).
 *
 * <p>A piece that is not mangled, is malformed, uses a construct llvm-cxxfilt-19 rejects, or would
 * exceed a depth, length or work budget is returned unchanged: the result is never a partial or
 * guessed demangling. The budgets grow with the length of the name (output up to 64 chars per
 * input char), so hostile input costs bounded time and stack; real names stay far below them.
 *
 * <p>Thread-safe: the class is stateless, and every call parses with its own state.
 */
public final class Demangler {
    private static final int MIN_OUTPUT = 1 << 16;
    private static final int OUTPUT_PER_INPUT_CHAR = 64;
    private static final int MAX_OUTPUT = 1 << 24;

    private Demangler() {
    }

    /**
     * Returns the demangled form of a symbol name, or the name unchanged when it is not an
     * Itanium mangled name or cannot be demangled completely. Darwin's extra leading underscore
     * ({@code __ZN6OSKext4loadEhhP7OSArray}) is accepted, as is the plain form
     * ({@code _ZN6OSKext4loadEhhP7OSArray}): a piece starting with two underscores is taken as
     * Darwin's and loses one, one starting with {@code _Z} is taken as plain.
     *
     * @param name a symbol name as found in a symbol table
     * @return the demangled name, or {@code name} itself
     * @throws NullPointerException if {@code name} is null
     */
    public static String demangle(String name) {
        int end = tokenEnd(name, 0);
        if (end == name.length()) {
            return demangleToken(name);
        }
        StringBuilder out = new StringBuilder(name.length() * 2);
        int pos = 0;
        while (pos < name.length()) {
            if (isTokenChar(name.charAt(pos))) {
                end = tokenEnd(name, pos);
                out.append(demangleToken(name.substring(pos, end)));
            } else {
                end = pos;
                while (end < name.length() && !isTokenChar(name.charAt(end))) {
                    end++;
                }
                out.append(name, pos, end);
            }
            pos = end;
        }
        return out.toString();
    }

    /**
     * Tells whether a symbol name looks mangled: whether it starts with {@code _Z} or
     * {@code __Z}, or with {@code ____Z} like a Darwin block invocation function. It does not
     * tell whether {@link #demangle(String)} will succeed.
     *
     * @param name a symbol name
     * @return true when the name starts like an Itanium mangled name
     * @throws NullPointerException if {@code name} is null
     */
    public static boolean isMangled(String name) {
        return name.startsWith("_Z") || name.startsWith("__Z") || name.startsWith("____Z");
    }

    /** Demangles {@code _Z<encoding>[.suffix]} or {@code ___Z<encoding>_block_invoke[_n]}. */
    private static String demangleCore(String s) throws DemangleException {
        Node top;
        if (s.startsWith("_Z")) {
            ItaniumParser parser = new ItaniumParser(s, 2);
            top = parser.encoding();
            Cursor c = parser.c;
            if (c.peek() == '.') {
                top = new EncodingNodes.Suffixed(top, c.rest());
            }
            if (!c.atEnd()) {
                throw new DemangleException("trailing characters at " + c.pos());
            }
        } else if (s.startsWith("___Z")) {
            ItaniumParser parser = new ItaniumParser(s, 4);
            Node enc = parser.encoding();
            Cursor c = parser.c;
            if (!c.consume("_block_invoke")) {
                throw new DemangleException("expected _block_invoke");
            }
            if (c.consume('_')) {
                c.number(false);
            }
            if (c.peek() == '.') {
                c.rest();
            }
            if (!c.atEnd()) {
                throw new DemangleException("trailing characters at " + c.pos());
            }
            top = new EncodingNodes.Special("invocation function for block in ", enc);
        } else {
            throw new DemangleException("not mangled");
        }
        long maxOutput = Math.min(MAX_OUTPUT,
                Math.max(MIN_OUTPUT, (long) OUTPUT_PER_INPUT_CHAR * s.length()));
        Printer p = new Printer((int) maxOutput, 4 * maxOutput);
        top.print(p);
        return p.toString();
    }

    /**
     * Tells whether llvm-cxxfilt keeps a char inside a symbol; it splits its input at any other
     * char (spaces, punctuation, non-ASCII) and demangles the pieces separately.
     */
    private static boolean isTokenChar(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                || ch == '_' || ch == '.' || ch == '$';
    }

    private static int tokenEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isTokenChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Demangles one piece, in its Darwin or its plain form. */
    private static String demangleToken(String token) {
        String core;
        if (token.startsWith("__")) {
            core = token.substring(1);
        } else if (token.startsWith("_Z")) {
            core = token;
        } else {
            return token;
        }
        try {
            return demangleCore(core);
        } catch (DemangleException e) {
            return token;
        }
    }
}
