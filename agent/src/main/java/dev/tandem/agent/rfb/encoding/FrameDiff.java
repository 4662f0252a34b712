package dev.tandem.agent.rfb.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What changed between two frames, as rectangles on a grid of 64x64 tiles: dirty tiles next to each
 * other on a tile row become one run, and a run exactly below an equal run extends it downwards.
 * Each row is compared with {@link Arrays#mismatch}, which the JIT vectorises, and a tile already
 * known dirty is not compared again, so a 1080x2400 frame costs about one memory compare.
 * Thread-safe (stateless).
 */
public final class FrameDiff {
    /** Side of the tiles that changes are rounded up to. */
    public static final int TILE = 64;

    private FrameDiff() {
    }

    /**
     * The rectangles covering every changed pixel; each is a union of whole tiles (clipped at the
     * frame's edges). A frame of another size counts as changed everywhere.
     */
    public static List<Rect> changes(Frame previous, Frame current) {
        if (previous.width() != current.width() || previous.height() != current.height()) {
            return List.of(current.bounds());
        }
        int width = current.width();
        int height = current.height();
        int tilesX = (width + TILE - 1) / TILE;
        int[] before = previous.argb();
        int[] after = current.argb();
        List<Rect> done = new ArrayList<>();
        // Runs of the tile row above, still open to grow downwards: start tile, end tile, rectangle.
        List<int[]> open = new ArrayList<>();
        List<Rect> openRects = new ArrayList<>();
        boolean[] dirty = new boolean[tilesX];
        for (int bandY = 0; bandY < height; bandY += TILE) {
            int bandHeight = Math.min(TILE, height - bandY);
            Arrays.fill(dirty, false);
            markDirtyTiles(before, after, width, bandY, bandHeight, dirty);
            List<int[]> nextOpen = new ArrayList<>();
            List<Rect> nextRects = new ArrayList<>();
            int tx = 0;
            while (tx < tilesX) {
                if (!dirty[tx]) {
                    tx++;
                    continue;
                }
                int end = tx;
                while (end < tilesX && dirty[end]) {
                    end++;
                }
                int x = tx * TILE;
                int w = Math.min(end * TILE, width) - x;
                Rect run = Rect.of(x, bandY, w, bandHeight);
                int above = indexOfRun(open, tx, end);
                if (above >= 0) {
                    Rect grown = openRects.get(above);
                    run = Rect.of(x, grown.y(), w, grown.height() + bandHeight);
                    open.remove(above);
                    openRects.remove(above);
                }
                nextOpen.add(new int[] {tx, end});
                nextRects.add(run);
                tx = end;
            }
            done.addAll(openRects);
            open = nextOpen;
            openRects = nextRects;
        }
        done.addAll(openRects);
        return done;
    }

    /**
     * The smallest rectangle inside {@code area} that holds every pixel differing between the two
     * frames (of one size), or an empty rectangle at {@code area}'s corner when none differs. Narrows a
     * tile-rounded change of {@link #changes} to what really changed: a flipped switch is 132x76
     * pixels, not the 192x128 of the tiles it touches.
     */
    public static Rect trim(Frame previous, Frame current, Rect area) {
        current.requireInside(area);
        if (previous.width() != current.width() || previous.height() != current.height()) {
            return area;
        }
        int width = current.width();
        int[] before = previous.argb();
        int[] after = current.argb();
        int top = area.y();
        while (top < area.bottom() && rowEqual(before, after, top * width + area.x(), area.width())) {
            top++;
        }
        if (top == area.bottom()) {
            return Rect.of(area.x(), area.y(), 0, 0);
        }
        int bottom = area.bottom();
        while (rowEqual(before, after, (bottom - 1) * width + area.x(), area.width())) {
            bottom--;
        }
        int left = area.right();
        int right = area.x();
        for (int y = top; y < bottom; y++) {
            int row = y * width;
            int at = Arrays.mismatch(before, row + area.x(), row + left, after, row + area.x(), row + left);
            if (at >= 0) {
                left = area.x() + at;
            }
            for (int x = area.right() - 1; x >= right; x--) {
                if (before[row + x] != after[row + x]) {
                    right = x + 1;
                    break;
                }
            }
        }
        return Rect.of(left, top, right - left, bottom - top);
    }

    private static boolean rowEqual(int[] before, int[] after, int from, int length) {
        return Arrays.mismatch(before, from, from + length, after, from, from + length) < 0;
    }

    private static void markDirtyTiles(int[] before, int[] after, int width, int bandY, int bandHeight,
            boolean[] dirty) {
        int tilesX = dirty.length;
        int dirtyCount = 0;
        for (int y = bandY; y < bandY + bandHeight && dirtyCount < tilesX; y++) {
            int rowStart = y * width;
            int tx = 0;
            while (tx < tilesX) {
                if (dirty[tx]) {
                    tx++;
                    continue;
                }
                int end = tx;
                while (end < tilesX && !dirty[end]) {
                    end++;
                }
                int from = rowStart + tx * TILE;
                int to = rowStart + Math.min(end * TILE, width);
                int at = Arrays.mismatch(before, from, to, after, from, to);
                if (at < 0) {
                    tx = end;
                } else {
                    int hit = tx + at / TILE;
                    dirty[hit] = true;
                    dirtyCount++;
                    tx = hit + 1;
                }
            }
        }
    }

    private static int indexOfRun(List<int[]> runs, int start, int end) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i)[0] == start && runs.get(i)[1] == end) {
                return i;
            }
        }
        return -1;
    }
}
