package dev.hagfish.memory;

import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code KernelMatcher} finds which of the indexed kernels a snapshot is of:
 * <ol>
 *   <li>by the UUID the core's LC_NOTEs name ({@code "main bin spec"}, or {@code UUID=} in
 *       {@code "kern ver str"});
 *   <li>else by the version banner: the one in {@code "kern ver str"}, the one {@code lgVersion}
 *       of the low globals points to, or, failing both, each kernel's banner searched in memory at
 *       the page-aligned slides ({@link SlideDetector});
 *   <li>when several kernels share that banner (builds of one release), by the LC_UUID of the
 *       Mach-O header at each one's slid text base.
 * </ol>
 * A matcher is single-threaded.
 */
public final class KernelMatcher {
    private static final int MAX_BANNER = 1024;

    private final AddressSpace memory;
    private final CoreNotes notes;

    /**
     * A kernel and how it was recognised.
     *
     * @param kernel the kernel
     * @param evidence one line, e.g. {@code LC_NOTE main bin spec UUID}
     */
    public record Match(KernelFacts kernel, String evidence) {}

    /**
     * Creates a matcher over a snapshot.
     *
     * @param memory the snapshot's memory alone
     * @param notes the core's notes, or {@link CoreNotes#NONE}
     */
    public KernelMatcher(AddressSpace memory, CoreNotes notes) {
        this.memory = memory;
        this.notes = notes;
    }

    /**
     * Returns the kernel the snapshot is of.
     *
     * @param kernels the candidates (the indexed kernels)
     * @throws IdentityException if none or several match; the message names what was seen
     */
    public Match identify(List<KernelFacts> kernels) throws IdentityException {
        Optional<String> uuid = notes.uuid();
        if (uuid.isPresent()) {
            boolean fromSpec = notes.mainBinSpec().map(s -> !Arrays.equals(s.uuid(), new byte[16])).orElse(false);
            String how = fromSpec ? "LC_NOTE main bin spec UUID" : "kern ver str UUID";
            for (KernelFacts k : kernels) {
                if (k.uuid().equals(uuid.get())) {
                    return new Match(k, how);
                }
            }
            throw new IdentityException(memory.describe() + " is of kernel " + uuid.get() + " (" + how
                    + "), which is not indexed: index that kernel first (hagfish index KERNEL)");
        }
        List<String> seen = new ArrayList<>();
        Map<KernelFacts, String> candidates = byBanner(kernels, seen);
        if (candidates.isEmpty()) {
            throw new IdentityException("no indexed kernel matches " + memory.describe() + " ("
                    + (seen.isEmpty() ? "it has no UUID note, and no indexed kernel's banner is in its memory"
                            : String.join("; ", seen) + ", which no indexed kernel has")
                    + "): index its kernel, or name it with --kernel");
        }
        if (candidates.size() == 1) {
            var e = candidates.entrySet().iterator().next();
            return new Match(e.getKey(), e.getValue());
        }
        SlideDetector detector = new SlideDetector(memory, notes);
        List<Match> confirmed = new ArrayList<>();
        for (var e : candidates.entrySet()) {
            KernelFacts k = e.getKey();
            try {
                SlideReport r = detector.detect(k);
                if (r.memoryUuid().orElse("").equals(k.uuid())) {
                    confirmed.add(new Match(k, e.getValue() + ", and the Mach-O header's UUID at "
                            + Unsigned.hex(k.textBase() + r.slide())));
                }
            } catch (IdentityException ex) {
                // This kernel's slide is not found: it is not the one.
            }
        }
        if (confirmed.size() == 1) {
            return confirmed.get(0);
        }
        throw new IdentityException(memory.describe() + " matches " + candidates.size() + " indexed kernels by banner ("
                + String.join(", ", candidates.keySet().stream().map(KernelFacts::uuid).toList())
                + ") and its memory does not tell them apart: choose one with --kernel");
    }

    /** Returns the kernels whose banner the snapshot shows, each with how it was seen. */
    private Map<KernelFacts, String> byBanner(List<KernelFacts> kernels, List<String> seen) {
        Map<KernelFacts, String> out = new LinkedHashMap<>();
        if (notes.kernelVersion().isPresent()) {
            String banner = notes.kernelVersion().get().banner();
            seen.add("kern ver str \"" + banner + "\"");
            addWithBanner(kernels, banner, "kern ver str banner", out);
            if (!out.isEmpty()) {
                return out;
            }
        }
        Set<LowGloLayout> layouts = new LinkedHashSet<>();
        kernels.forEach(k -> k.lowGlo().ifPresent(layouts::add));
        for (LowGloLayout l : layouts) {
            for (long at : l.addresses()) {
                Optional<String> banner = lowGloBanner(l, at);
                if (banner.isPresent()) {
                    seen.add("lgVersion at " + Unsigned.hex(at + l.versionOffset()) + " points to \"" + banner.get() + "\"");
                    addWithBanner(kernels, banner.get(), "version banner via lowGlo lgVersion", out);
                }
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        SlideDetector detector = new SlideDetector(memory, notes);
        Map<String, Boolean> scanned = new LinkedHashMap<>();
        for (KernelFacts k : kernels) {
            if (k.version().isEmpty() || k.versionAddress().isEmpty()) {
                continue;
            }
            String key = (k.versionAddress().get() & (SlideDetector.PAGE - 1)) + "\0" + k.version().get();
            Boolean found = scanned.get(key);
            if (found == null) {
                found = !detector.bannerHits(k.version().get(), k.versionAddress().get(), 1).isEmpty();
                scanned.put(key, found);
            }
            if (found) {
                out.put(k, "version banner in memory");
            }
        }
        return out;
    }

    private static void addWithBanner(List<KernelFacts> kernels, String banner, String how, Map<KernelFacts, String> out) {
        for (KernelFacts k : kernels) {
            if (k.version().isPresent() && k.version().get().equals(banner)) {
                out.putIfAbsent(k, how);
            }
        }
    }

    /** Returns the string lgVersion points to, if the low globals are at {@code at}. */
    private Optional<String> lowGloBanner(LowGloLayout l, long at) {
        try {
            if (!memory.cstring(at, 8).equals(l.magic())) {
                return Optional.empty();
            }
            long p = memory.u64(at + l.versionOffset());
            return p == 0 ? Optional.empty() : Optional.of(memory.cstring(p, MAX_BANNER));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
