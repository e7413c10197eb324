package dev.hagfish.memory;

import java.util.OptionalLong;

/**
 * A {@code SlideCheck} is what one method says about a slide another method found.
 *
 * @param method the checking method
 * @param outcome whether it agrees
 * @param slide the slide this method finds by itself, when it finds one
 * @param detail one line: the evidence, or why the method could not tell
 */
public record SlideCheck(SlideMethod method, Outcome outcome, OptionalLong slide, String detail) {
    /** How a check came out. */
    public enum Outcome {
        /** The method's evidence fits the slide. */
        AGREES,
        /** The method's evidence contradicts the slide. */
        DISAGREES,
        /** The snapshot lacks what the method needs. */
        UNAVAILABLE
    }
}
