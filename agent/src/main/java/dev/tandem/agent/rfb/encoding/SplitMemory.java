package dev.tandem.agent.rfb.encoding;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the last split of a frame into Tight pieces found: the fills with their RGB colour, and the
 * pieces with more colours than a palette holds. The writers then need not look at those pixels
 * again. Written by the encoder's thread before its writers run; not thread-safe otherwise.
 */
final class SplitMemory {
    private final Map<Rect, Integer> fills = new HashMap<>();
    private final Set<Rect> photos = new HashSet<>();
    private Frame frame;

    /** Forgets the last split; what the split of {@code next} finds goes into {@link #fills} and {@link #photos}. */
    void startSplitting(Frame next) {
        frame = next;
        fills.clear();
        photos.clear();
    }

    /** Whether this remembers the split of {@code candidate} (the same instance: frames are immutable). */
    boolean knows(Frame candidate) {
        return candidate == frame;
    }

    /**
     * How many of {@code piece}'s pixels a writer reads: none for a fill this remembers from the split of
     * {@code candidate}, all of them otherwise. What two threads share is weighed by this.
     */
    long pixelsToLookAt(Frame candidate, Rect piece) {
        return knows(candidate) && fills.containsKey(piece) ? 0 : piece.area();
    }

    /** The RGB colour of a fill piece, or null. */
    Integer fill(Rect piece) {
        return fills.get(piece);
    }

    boolean isPhoto(Rect piece) {
        return photos.contains(piece);
    }

    Map<Rect, Integer> fills() {
        return fills;
    }

    Set<Rect> photos() {
        return photos;
    }
}
