package dev.hagfish.disasm;

import java.io.IOException;

/**
 * A {@code DisassemblerUnavailableException} says that no disassembler could be opened: most often
 * the native Capstone library is not installed, and the message says how to install it. Nothing
 * else in hagfish needs Capstone, so only disassembly fails.
 */
public final class DisassemblerUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What to install on Debian: the library, and the unversioned {@code libcapstone.so} JNA looks up. */
    public static final String INSTALL = "apt-get install libcapstone4 libcapstone-dev";

    /** Creates an exception with the given message and cause. */
    public DisassemblerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exception for a native library or binding class that could not be loaded. */
    static DisassemblerUnavailableException missingLibrary(Arch arch, LinkageError e) {
        return new DisassemblerUnavailableException("cannot disassemble " + arch.archName()
                + ": the Capstone library (libcapstone.so, version 4) could not be loaded (" + firstLine(e)
                + "); install it: " + INSTALL, e);
    }

    /** The exception for a library that loaded but refused to open a handle (e.g. another API version). */
    static DisassemblerUnavailableException refused(Arch arch, RuntimeException e) {
        return new DisassemblerUnavailableException("cannot disassemble " + arch.archName()
                + ": the Capstone library refused to open (" + firstLine(e) + "); hagfish needs Capstone 4: "
                + INSTALL, e);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
