package dev.tandem.agent.rfb.encoding;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a vertical scroll between two frames, the usual change on a phone: a list moved up or down by
 * some rows inside a region while the bars above and below stayed. Rows are hashed; rows that changed
 * and whose content appears exactly once in the previous frame vote for a shift; the winning shift is
 * verified row by row and the longest verified band is returned. Thread-safe (stateless).
 */
public final class ScrollDetector {
    /** A band shorter than this is cheaper to send than to reason about. */
    static final int MIN_BAND_ROWS = 16;
    private static final int MIN_VOTES = 3;

    private ScrollDetector() {
    }

    /**
     * The longest band of {@code region} in {@code current} that equals the same columns of
     * {@code previous} shifted vertically, if one of at least {@value #MIN_BAND_ROWS} rows saves work
     * (some of its rows changed in place).
     */
    public static Optional<VerticalScroll> detect(Frame previous, Frame current, Rect region) {
        if (previous.width() != current.width() || previous.height() != current.height()) {
            return Optional.empty();
        }
        current.requireInside(region);
        int[] before = rowHashes(previous, region);
        int[] after = rowHashes(current, region);
        Integer shift = likeliestShift(before, after);
        if (shift == null) {
            return Optional.empty();
        }
        return longestBand(previous, current, region, shift);
    }

    private static Integer likeliestShift(int[] before, int[] after) {
        // Only rows unique in the previous frame are evidence: blank rows match everywhere.
        Map<Integer, Integer> rowOfHash = new HashMap<>();
        for (int y = 0; y < before.length; y++) {
            Integer seen = rowOfHash.putIfAbsent(before[y], y);
            if (seen != null) {
                rowOfHash.put(before[y], -1);
            }
        }
        Map<Integer, Integer> votes = new HashMap<>();
        for (int y = 0; y < after.length; y++) {
            if (after[y] == before[y]) {
                continue;
            }
            Integer source = rowOfHash.get(after[y]);
            if (source != null && source >= 0) {
                votes.merge(source - y, 1, Integer::sum);
            }
        }
        Integer best = null;
        int bestVotes = MIN_VOTES - 1;
        for (Map.Entry<Integer, Integer> e : votes.entrySet()) {
            if (e.getValue() > bestVotes) {
                best = e.getKey();
                bestVotes = e.getValue();
            }
        }
        return best;
    }

    private static Optional<VerticalScroll> longestBand(Frame previous, Frame current, Rect region, int shift) {
        int width = current.width();
        int[] before = previous.argb();
        int[] after = current.argb();
        int top = Math.max(region.y(), region.y() - shift);
        int bottom = Math.min(region.bottom(), region.bottom() - shift);
        int bestStart = -1;
        int bestRows = 0;
        int bestChanged = 0;
        int start = top;
        int changed = 0;
        for (int y = top; y <= bottom; y++) {
            boolean matches = y < bottom && rowsEqual(after, y, before, y + shift, width, region);
            if (matches) {
                if (!rowsEqual(after, y, before, y, width, region)) {
                    changed++;
                }
                continue;
            }
            if (y - start > bestRows && changed > 0) {
                bestStart = start;
                bestRows = y - start;
                bestChanged = changed;
            }
            start = y + 1;
            changed = 0;
        }
        if (bestRows < MIN_BAND_ROWS || bestChanged == 0) {
            return Optional.empty();
        }
        Rect band = Rect.of(region.x(), bestStart, region.width(), bestRows);
        return Optional.of(VerticalScroll.of(band, bestStart + shift));
    }

    private static boolean rowsEqual(int[] a, int rowA, int[] b, int rowB, int width, Rect region) {
        int fromA = rowA * width + region.x();
        int fromB = rowB * width + region.x();
        return Arrays.equals(a, fromA, fromA + region.width(), b, fromB, fromB + region.width());
    }

    /**
     * One hash per row of {@code region}; a collision only costs a vote, {@link #longestBand} compares
     * the rows themselves. Rows across the whole frame (a list scrolling under the bars) are hashed by
     * the frame once and kept: the new frame of this update is the old one of the next.
     */
    private static int[] rowHashes(Frame frame, Rect region) {
        int[] hashes = new int[region.height()];
        if (region.x() == 0 && region.width() == frame.width()) {
            frame.wholeRowHashes(region.y(), region.bottom(), hashes);
            return hashes;
        }
        int[] argb = frame.argb();
        for (int row = 0; row < region.height(); row++) {
            hashes[row] = Frame.rowHash(argb, (region.y() + row) * frame.width() + region.x(), region.width());
        }
        return hashes;
    }
}
