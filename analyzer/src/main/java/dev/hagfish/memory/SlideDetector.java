package dev.hagfish.memory;

import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.MainBinSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/**
 * A {@code SlideDetector} finds the KASLR slide of a kernel in a snapshot (a core or a raw dump,
 * never the kernel file itself, which would always "find" slide 0). It tries, in order
 * ({@link SlideMethod}):
 * <ol>
 *   <li>the core's LC_NOTEs: {@code "main bin spec"} (the slide of version 2, else the load
 *       address minus the unslid text base), or {@code stext=} in {@code "kern ver str"}, when the
 *       note's UUID is this kernel's (or absent);
 *   <li>the low globals at their fixed address: {@code lgStext} minus its unslid value;
 *   <li>the {@code version} banner: an address {@code version + s} with {@code s} a multiple of
 *       the page size (4096) at which memory holds the kernel's banner (of several, the one whose
 *       Mach-O header at {@code __TEXT + s} has the kernel's UUID, else the nearest);
 *   <li>a Mach-O header on a page boundary whose LC_UUID is the kernel's, minus the unslid text base.
 * </ol>
 * The first that finds a slide wins; then every other method checks that slide, each in constant
 * time (the LC_NOTE and lowGlo read the same fields; the banner and the header are read at the
 * address the slide gives), and says whether it agrees ({@link SlideReport#checks()}).
 *
 * <p>The two scans read one word per page, nearest slides first: upwards from the unslid address,
 * then downwards, so they stop after reading the memory between the kernel's unslid and slid
 * addresses. The others read a few words. A detector is single-threaded and holds no state
 * between calls.
 */
public final class SlideDetector {
    /** Slides are multiples of this. */
    public static final long PAGE = 4096;
    /** How many places holding the banner are looked at for one the Mach-O header confirms. */
    private static final int MAX_VERSION_HITS = 8;
    private static final int MAX_BANNER = 1024;

    private final AddressSpace memory;
    private final CoreNotes notes;

    /**
     * Creates a detector over a snapshot.
     *
     * @param memory the snapshot's memory alone (not layered over the kernel file)
     * @param notes the core's notes, or {@link CoreNotes#NONE} for a raw dump
     */
    public SlideDetector(AddressSpace memory, CoreNotes notes) {
        this.memory = memory;
        this.notes = notes;
    }

    /** One method's answer: a slide, or why there is none. */
    private record Finding(OptionalLong slide, String detail) {
        static Finding of(long slide, String detail) {
            return new Finding(OptionalLong.of(slide), detail);
        }

        static Finding none(String why) {
            return new Finding(OptionalLong.empty(), why);
        }
    }

    /**
     * Finds the slide of {@code k}.
     *
     * @throws IdentityException if no method finds it; the message says why each failed
     */
    public SlideReport detect(KernelFacts k) throws IdentityException {
        List<String> tried = new ArrayList<>();
        for (SlideMethod m : List.of(SlideMethod.LC_NOTE, SlideMethod.LOWGLO, SlideMethod.VERSION,
                SlideMethod.MACHO_HEADER)) {
            Finding f = find(m, k);
            if (f.slide().isPresent()) {
                return report(k, f.slide().getAsLong(), m, f.detail());
            }
            tried.add(m.label() + ": " + f.detail());
        }
        throw new IdentityException("no method found the slide of kernel " + k.uuid() + " in " + memory.describe()
                + " (" + String.join("; ", tried) + "); give it with --slide");
    }

    /** Checks a slide known otherwise ({@code --slide}) against every method. */
    public SlideReport check(KernelFacts k, long slide) {
        return report(k, slide, SlideMethod.GIVEN, "given on the command line");
    }

    private SlideReport report(KernelFacts k, long slide, SlideMethod winner, String detail) {
        List<SlideCheck> checks = new ArrayList<>();
        for (SlideMethod m : List.of(SlideMethod.LC_NOTE, SlideMethod.LOWGLO, SlideMethod.VERSION,
                SlideMethod.MACHO_HEADER)) {
            if (m != winner) {
                checks.add(verify(m, k, slide));
            }
        }
        return new SlideReport(slide, winner, detail, checks, MachHeaderProbe.uuid(memory, k.textBase() + slide));
    }

    private Finding find(SlideMethod m, KernelFacts k) {
        return switch (m) {
            case LC_NOTE -> lcNote(k);
            case LOWGLO -> lowGlo(k);
            case VERSION -> versionScan(k);
            case MACHO_HEADER -> machoScan(k);
            default -> throw new IllegalArgumentException(m.name());
        };
    }

    private SlideCheck verify(SlideMethod m, KernelFacts k, long slide) {
        return switch (m) {
            case LC_NOTE, LOWGLO -> {
                Finding f = m == SlideMethod.LC_NOTE ? lcNote(k) : lowGlo(k);
                if (f.slide().isEmpty()) {
                    yield new SlideCheck(m, SlideCheck.Outcome.UNAVAILABLE, f.slide(), f.detail());
                }
                yield new SlideCheck(m, f.slide().getAsLong() == slide ? SlideCheck.Outcome.AGREES
                        : SlideCheck.Outcome.DISAGREES, f.slide(), f.detail());
            }
            case VERSION -> versionAt(k, slide);
            case MACHO_HEADER -> machoAt(k, slide);
            default -> throw new IllegalArgumentException(m.name());
        };
    }

    // 1. LC_NOTE

    private Finding lcNote(KernelFacts k) {
        Optional<MainBinSpec> spec = notes.mainBinSpec();
        if (spec.isPresent()) {
            MainBinSpec s = spec.get();
            if (!Arrays.equals(s.uuid(), new byte[16]) && !notes.uuid().orElse("").equals(k.uuid())) {
                return Finding.none("main bin spec names kernel " + notes.uuid().orElse("?") + ", not " + k.uuid());
            }
            if (s.type() != MainBinSpec.TYPE_KERNEL && s.type() != 0) {
                return Finding.none("main bin spec is of type " + s.type() + ", not a kernel (1)");
            }
            if (s.slide() != -1L) {
                return Finding.of(s.slide(), "main bin spec version " + s.version() + " gives slide "
                        + Unsigned.shortHex(s.slide()));
            }
            if (s.address() != -1L) {
                return Finding.of(s.address() - k.textBase(), "main bin spec gives the load address "
                        + Unsigned.hex(s.address()) + ", minus __TEXT " + Unsigned.hex(k.textBase()));
            }
        }
        Optional<KernelVersionNote> ver = notes.kernelVersion();
        if (ver.isPresent() && ver.get().stext().isPresent()) {
            if (ver.get().uuid().isPresent() && !ver.get().uuid().get().equals(k.uuid())) {
                return Finding.none("kern ver str names kernel " + ver.get().uuid().get() + ", not " + k.uuid());
            }
            long stext = ver.get().stext().getAsLong();
            return Finding.of(stext - k.textBase(), "kern ver str gives stext=" + Unsigned.hex(stext)
                    + ", minus __TEXT " + Unsigned.hex(k.textBase()));
        }
        return Finding.none(spec.isPresent() ? "main bin spec gives neither slide nor address"
                : "the snapshot has no \"main bin spec\" LC_NOTE");
    }

    // 2. lowGlo

    private Finding lowGlo(KernelFacts k) {
        if (k.lowGlo().isEmpty()) {
            return Finding.none("no lowGlo layout for " + k.arch());
        }
        LowGloLayout l = k.lowGlo().get();
        byte[] magic = l.magic().getBytes(StandardCharsets.US_ASCII);
        List<String> seen = new ArrayList<>();
        for (long at : l.addresses()) {
            byte[] b;
            try {
                b = memory.read(at, magic.length);
            } catch (IOException e) {
                continue;
            }
            if (!Arrays.equals(b, magic)) {
                seen.add("no \"" + l.magic() + "\" at " + Unsigned.hex(at));
                continue;
            }
            long stext;
            try {
                stext = memory.u64(at + l.stextOffset());
            } catch (IOException e) {
                seen.add("lgStext at " + Unsigned.hex(at + l.stextOffset()) + " is not mapped");
                continue;
            }
            if (stext == 0) {
                seen.add("lgStext at " + Unsigned.hex(at + l.stextOffset()) + " is 0 (not set yet)");
                continue;
            }
            long slide = stext - k.lowGloStext();
            String detail = "lgStext " + Unsigned.hex(stext) + " at " + Unsigned.hex(at + l.stextOffset()) + ", minus "
                    + Unsigned.hex(k.lowGloStext());
            if ((slide & (PAGE - 1)) != 0) {
                seen.add(detail + " is " + Unsigned.shortHex(slide) + ", not a multiple of the page size");
                continue;
            }
            return Finding.of(slide, detail);
        }
        return Finding.none(seen.isEmpty() ? "nothing is mapped at " + String.join(" or ",
                l.addresses().stream().map(Unsigned::hex).toList()) + ", where \"" + l.magic() + "\" would be"
                : String.join(", ", seen));
    }

    // 3. the version banner

    private Finding versionScan(KernelFacts k) {
        if (k.versionAddress().isEmpty() || k.version().isEmpty()) {
            return Finding.none("the kernel's version symbol or banner is unknown");
        }
        byte[] banner = bannerBytes(k.version().get());
        long versionAddr = k.versionAddress().get();
        List<Long> hits = new ArrayList<>();
        Long[] confirmed = {null};
        scan(versionAddr, banner, at -> {
            hits.add(at);
            if (MachHeaderProbe.uuid(memory, k.textBase() + at - versionAddr).orElse("").equals(k.uuid())) {
                confirmed[0] = at;
                return false;
            }
            return hits.size() < MAX_VERSION_HITS;
        });
        if (confirmed[0] != null) {
            return Finding.of(confirmed[0] - versionAddr, "banner at " + Unsigned.hex(confirmed[0]) + ", minus version "
                    + Unsigned.hex(versionAddr) + (hits.size() > 1 ? " (the Mach-O header confirms this one of "
                            + hits.size() + " places)" : ""));
        }
        if (hits.isEmpty()) {
            return Finding.none("the banner \"" + k.version().get() + "\" is not in memory at any page-aligned slide");
        }
        return Finding.of(hits.get(0) - versionAddr, "banner at " + Unsigned.hex(hits.get(0)) + ", minus version "
                + Unsigned.hex(versionAddr) + (hits.size() > 1 ? " (the nearest of " + hits.size() + " places)" : ""));
    }

    private SlideCheck versionAt(KernelFacts k, long slide) {
        if (k.versionAddress().isEmpty() || k.version().isEmpty()) {
            return new SlideCheck(SlideMethod.VERSION, SlideCheck.Outcome.UNAVAILABLE, OptionalLong.empty(),
                    "the kernel's version symbol or banner is unknown");
        }
        long at = k.versionAddress().get() + slide;
        String found;
        try {
            found = memory.cstring(at, MAX_BANNER);
        } catch (IOException e) {
            return new SlideCheck(SlideMethod.VERSION, SlideCheck.Outcome.UNAVAILABLE, OptionalLong.empty(),
                    "version at " + Unsigned.hex(at) + " is not mapped");
        }
        if (found.equals(k.version().get())) {
            return new SlideCheck(SlideMethod.VERSION, SlideCheck.Outcome.AGREES, OptionalLong.of(slide),
                    "the banner is at version + slide, " + Unsigned.hex(at));
        }
        return new SlideCheck(SlideMethod.VERSION, SlideCheck.Outcome.DISAGREES, OptionalLong.empty(),
                "version + slide, " + Unsigned.hex(at) + ", holds \"" + abbreviate(found) + "\", not the banner");
    }

    /** The banner and its NUL. */
    private static byte[] bannerBytes(String banner) {
        byte[] s = banner.getBytes(StandardCharsets.ISO_8859_1);
        return Arrays.copyOf(s, s.length + 1);
    }

    // 4. the Mach-O header

    private Finding machoScan(KernelFacts k) {
        Long[] found = {null};
        forEachCandidate(k.textBase(), a -> {
            if (MachHeaderProbe.hasMagic(memory, a) && MachHeaderProbe.uuid(memory, a).orElse("").equals(k.uuid())) {
                found[0] = a;
                return false;
            }
            return true;
        });
        if (found[0] != null) {
            return Finding.of(found[0] - k.textBase(), "Mach-O header with UUID " + k.uuid() + " at "
                    + Unsigned.hex(found[0]) + ", minus __TEXT " + Unsigned.hex(k.textBase()));
        }
        return Finding.none("no page holds a Mach-O header with UUID " + k.uuid());
    }

    private SlideCheck machoAt(KernelFacts k, long slide) {
        long at = k.textBase() + slide;
        if (!memory.isMapped(at, 4)) {
            return new SlideCheck(SlideMethod.MACHO_HEADER, SlideCheck.Outcome.UNAVAILABLE, OptionalLong.empty(),
                    "__TEXT + slide, " + Unsigned.hex(at) + ", is not mapped");
        }
        Optional<String> uuid = MachHeaderProbe.uuid(memory, at);
        if (uuid.isPresent() && uuid.get().equals(k.uuid())) {
            return new SlideCheck(SlideMethod.MACHO_HEADER, SlideCheck.Outcome.AGREES, OptionalLong.of(slide),
                    "the Mach-O header at " + Unsigned.hex(at) + " has UUID " + k.uuid());
        }
        return new SlideCheck(SlideMethod.MACHO_HEADER, SlideCheck.Outcome.DISAGREES, OptionalLong.empty(),
                uuid.isPresent() ? "the Mach-O header at " + Unsigned.hex(at) + " has UUID " + uuid.get()
                        : "no Mach-O header with a UUID at " + Unsigned.hex(at));
    }

    // scanning

    /**
     * Returns up to {@code max} addresses at which memory holds {@code banner} and its NUL, at a
     * page-aligned slide from {@code versionAddr}, nearest slides first.
     */
    List<Long> bannerHits(String banner, long versionAddr, int max) {
        List<Long> hits = new ArrayList<>();
        scan(versionAddr, bannerBytes(banner), at -> {
            hits.add(at);
            return hits.size() < max;
        });
        return hits;
    }

    /**
     * Visits the addresses at a page-aligned distance from {@code from} at which memory holds
     * {@code bytes}, nearest first ({@link #forEachCandidate}), until {@code visit} returns false.
     */
    private void scan(long from, byte[] bytes, LongPredicate visit) {
        byte[] head = new byte[Math.min(8, bytes.length)];
        byte[] want = Arrays.copyOf(bytes, head.length);
        forEachCandidate(from, a -> {
            try {
                memory.read(a, head, 0, head.length);
                if (Arrays.equals(head, want) && Arrays.equals(memory.read(a, bytes.length), bytes)) {
                    return visit.test(a);
                }
            } catch (IOException e) {
                // Runs off the mapped memory: not here.
            }
            return true;
        });
    }

    /**
     * Visits every address {@code from + n * PAGE} in the memory's data (not its zero-fill, which
     * holds neither a banner nor a header) in order of slide: first
     * {@code n = 0, 1, 2, …} (a KASLR slide is not negative, and small slides are likelier), then
     * {@code n = -1, -2, …}, until {@code visit} returns false. So a search for the kernel reads
     * only the memory between its unslid and its slid address, unless the kernel is absent.
     */
    private void forEachCandidate(long from, LongPredicate visit) {
        long offset = from & (PAGE - 1);
        List<MappedRange> ranges = memory.dataRanges();
        for (MappedRange r : ranges) {
            if (Long.compareUnsigned(r.end() - 1, from) < 0) {
                continue;
            }
            long a = Long.compareUnsigned(r.start(), from) <= 0 ? from : firstAt(r, offset);
            for (; a != -1; a = nextAt(r, a)) {
                if (!visit.test(a)) {
                    return;
                }
            }
        }
        for (int i = ranges.size() - 1; i >= 0; i--) {
            MappedRange r = ranges.get(i);
            if (Long.compareUnsigned(r.start(), from) >= 0) {
                continue;
            }
            long top = Long.compareUnsigned(r.end() - 1, from) >= 0 ? from - PAGE : lastAt(r, offset);
            for (long a = top; a != -1 && Unsigned.inRange(a, r.start(), r.size()); a = a - PAGE) {
                if (!visit.test(a)) {
                    return;
                }
                if (Long.compareUnsigned(a - r.start(), PAGE) < 0) {
                    break;
                }
            }
        }
    }

    /** Returns the first address of {@code r} at {@code pageOffset} within its page, or -1. */
    private static long firstAt(MappedRange r, long pageOffset) {
        long a = r.start() + ((pageOffset - r.start()) & (PAGE - 1));
        return Unsigned.inRange(a, r.start(), r.size()) ? a : -1;
    }

    /** Returns the last address of {@code r} at {@code pageOffset} within its page, or -1. */
    private static long lastAt(MappedRange r, long pageOffset) {
        long last = r.end() - 1;
        long a = last - ((last - pageOffset) & (PAGE - 1));
        return Unsigned.inRange(a, r.start(), r.size()) ? a : -1;
    }

    /** Returns the next candidate after {@code a} in {@code r}, or -1. */
    private static long nextAt(MappedRange r, long a) {
        long n = a + PAGE;
        return Unsigned.inRange(n, r.start(), r.size()) ? n : -1;
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("[^\\x20-\\x7e]", ".");
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }
}
