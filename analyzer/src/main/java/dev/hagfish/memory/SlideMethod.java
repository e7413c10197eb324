package dev.hagfish.memory;

/**
 * A {@code SlideMethod} is one way of finding a kernel's KASLR slide in a snapshot, in the order
 * {@link SlideDetector} tries them, plus the two ways a slide is known without looking.
 */
public enum SlideMethod {
    /** The core's {@code "main bin spec"} LC_NOTE (its slide, or its load address), or {@code stext=} in {@code "kern ver str"}. */
    LC_NOTE("lc_note", "LC_NOTE main bin spec"),
    /** {@code lgStext} of the low globals at their fixed address. */
    LOWGLO("lowglo", "lowGlo lgStext"),
    /** The {@code version} banner found in memory, minus its unslid address. */
    VERSION("version", "version banner"),
    /** A Mach-O header with the kernel's LC_UUID on a page boundary, minus the unslid text base. */
    MACHO_HEADER("macho_header", "Mach-O header scan"),
    /** Given on the command line ({@code --slide}). */
    GIVEN("given", "--slide"),
    /** No snapshot: the kernel file alone, at the slide given or 0. */
    NONE("none", "no snapshot");

    private final String key;
    private final String label;

    SlideMethod(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** Returns the stable name used in JSON, e.g. {@code lc_note}. */
    public String key() {
        return key;
    }

    /** Returns the name people read, e.g. {@code LC_NOTE main bin spec}. */
    public String label() {
        return label;
    }
}
