package dev.hagfish.memory;

import java.util.List;
import java.util.Optional;

/**
 * A {@code SlideReport} is the slide of a kernel in a snapshot, the method that found it, and
 * what every other method said about it.
 *
 * @param slide the slide: slid address minus unslid address
 * @param method the method that found it (the first that could, or {@code --slide})
 * @param detail the evidence, one line
 * @param checks the other methods' verdicts, in the order they are tried
 * @param memoryUuid the LC_UUID of the Mach-O header at the slid text base, when the snapshot maps it
 */
public record SlideReport(long slide, SlideMethod method, String detail, List<SlideCheck> checks,
        Optional<String> memoryUuid) {
    /** Creates the record; the list is copied. */
    public SlideReport {
        checks = List.copyOf(checks);
    }

    /** Returns the checks that contradict the slide. */
    public List<SlideCheck> disagreements() {
        return checks.stream().filter(c -> c.outcome() == SlideCheck.Outcome.DISAGREES).toList();
    }
}
