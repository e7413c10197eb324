package dev.hagfish.memory;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code KernelVersionNote} is the payload of a core's {@code "kern ver str"} LC_NOTE: a version
 * word (1) and a NUL-terminated string, {@code legacy_bin_spec} of XNU's
 * {@code osfmk/kdp/kern_dump.c}. The string is the kernel's version banner; LLDB also looks in it
 * for {@code UUID=<36 characters>} and {@code stext=0x…} (the load address of the kernel's text),
 * which some writers append, and so does hagfish.
 *
 * @param version the payload's version word
 * @param text the whole string
 * @param uuid the UUID after {@code UUID=}, upper-case, if the string has a well-formed one
 * @param stext the address after {@code stext=}, if any
 */
public record KernelVersionNote(int version, String text, Optional<String> uuid, OptionalLong stext) {
    /** The note's data owner. */
    public static final String OWNER = "kern ver str";
    private static final Pattern UUID = Pattern.compile(
            "UUID=([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})");
    private static final Pattern STEXT = Pattern.compile("stext=0x([0-9A-Fa-f]{1,16})");

    /** Decodes the string of a payload of the given version. */
    public static KernelVersionNote of(int version, String text) {
        Matcher u = UUID.matcher(text);
        Matcher s = STEXT.matcher(text);
        return new KernelVersionNote(version, text,
                u.find() ? Optional.of(u.group(1).toUpperCase(Locale.ROOT)) : Optional.empty(),
                s.find() ? OptionalLong.of(Long.parseUnsignedLong(s.group(1), 16)) : OptionalLong.empty());
    }

    /** Returns the banner: the string without the {@code UUID=} and {@code stext=} fields and what follows them. */
    public String banner() {
        int cut = text.length();
        for (String field : new String[] {"UUID=", "stext="}) {
            int at = text.indexOf(field);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return text.substring(0, cut).replaceAll("[;,\\s]+$", "");
    }
}
