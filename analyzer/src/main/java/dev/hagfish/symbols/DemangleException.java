package dev.hagfish.symbols;

/**
 * A {@code DemangleException} tells the {@link Demangler} entry point that a name cannot be
 * demangled completely: the grammar of the Itanium C++ ABI (§5.1) was not followed, a feature is
 * not supported, or a depth, length or work budget was exhausted. It never leaves this package;
 * {@link Demangler#demangle(String)} turns it into "return the name unchanged".
 *
 * <p>It carries no stack trace, because hostile input may raise thousands of them.
 */
final class DemangleException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what went wrong, for debugging only
     */
    DemangleException(String message) {
        super(message, null, false, false);
    }
}
