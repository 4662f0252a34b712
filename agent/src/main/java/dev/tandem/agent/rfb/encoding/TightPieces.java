package dev.tandem.agent.rfb.encoding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a rectangle into the pieces Tight sends: large single-colour areas as pieces of their own, so
 * each costs a 16-byte fill instead of a stream of zlib'd indices, and the rest as few pieces as
 * possible within Tight's limits. Phone screens are mostly flat cards and backgrounds around text,
 * so this is where most of Tight's bytes go away. Works on a grid of {@value #CELL}-pixel cells so
 * that one pass over the pixels suffices. Stateless; thread-safe.
 */
final class TightPieces {
    static final int CELL = 16;
    /**
     * A smaller fill costs more than it saves: it cuts its neighbours into more pieces, each with its
     * own header, palette and zlib flush, and a piece with more colours may lose its palette. 6 cells
     * gave 10% more bytes than 24 on the benchmark screenshots; 48 lost the cards' fills.
     */
    private static final int MIN_FILL_CELLS = 24;

    /** Narrower photo-like pieces stay whole: {@link #halvePhotos}. */
    static final int MIN_HALVED_WIDTH = 16 * CELL;

    private TightPieces() {
    }

    /**
     * Pieces that cover {@code r} exactly once: single-colour ones at most {@code maxWidth} wide, the
     * others also at most {@code maxArea} pixels. Each single-colour piece goes into {@code fills} with
     * its RGB colour, so that the encoder need not look at its pixels again.
     */
    static List<Rect> split(Frame frame, Rect r, int maxWidth, int maxArea, Map<Rect, Integer> fills) {
        List<Rect> pieces = new ArrayList<>();
        if (r.isEmpty()) {
            return pieces;
        }
        int cols = (r.width() + CELL - 1) / CELL;
        int rows = (r.height() + CELL - 1) / CELL;
        int[] colour = new int[cols * rows];
        boolean[] solid = new boolean[cols * rows];
        findSolidCells(frame, r, cols, rows, colour, solid);
        boolean[] taken = new boolean[cols * rows];
        int maxCols = Math.max(1, maxWidth / CELL);
        for (int cy = 0; cy < rows; cy++) {
            for (int cx = 0; cx < cols; cx++) {
                int at = cy * cols + cx;
                if (solid[at] && !taken[at]) {
                    addFill(r, cx, cy, cols, rows, maxCols, colour, solid, taken, pieces, fills);
                }
            }
        }
        addRest(r, cols, rows, maxCols, maxArea, taken, pieces);
        return pieces;
    }

    /**
     * {@code pieces} with each run of photo-like pieces ({@code photo[i]}: more colours than a palette
     * holds, see {@link #findPhotos}) that lie one under the other in the same columns joined into one,
     * up to {@code maxArea} pixels: with JPEG on they go as one JPEG instead of many, each with its own
     * headers and tables. Maps and photos are cut by {@link #split} into bands of a few cell rows, so
     * this is where JPEG's bytes for headers go away. Each photo-like piece it returns also goes into
     * {@code photos}: the encoder need not count their colours again.
     */
    static List<Rect> joinPhotos(List<Rect> pieces, boolean[] photo, long maxArea, Set<Rect> photos) {
        List<Rect> joined = new ArrayList<>(pieces.size());
        // The joined photo piece that ends at a given bottom edge, by its left edge and width.
        Map<Long, Integer> openByEdge = new HashMap<>();
        List<Integer> photoAt = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Rect piece = pieces.get(i);
            if (!photo[i]) {
                joined.add(piece);
                continue;
            }
            Integer above = openByEdge.remove(edge(piece.x(), piece.width(), piece.y()));
            if (above != null && joined.get(above).area() + piece.area() <= maxArea) {
                Rect top = joined.get(above);
                joined.set(above, Rect.of(top.x(), top.y(), top.width(), top.height() + piece.height()));
                openByEdge.put(edge(piece.x(), piece.width(), piece.bottom()), above);
            } else {
                openByEdge.put(edge(piece.x(), piece.width(), piece.bottom()), joined.size());
                photoAt.add(joined.size());
                joined.add(piece);
            }
        }
        for (int at : photoAt) {
            photos.add(joined.get(at));
        }
        return joined;
    }

    /**
     * {@code pieces} with each photo-like piece ({@code photo[i]}, see {@link #findPhotos}) at least
     * {@value #MIN_HALVED_WIDTH} wide cut into a left and a right half: a screen's row often holds a
     * photo beside text or a map beside its labels, and each half then gets its own palette or filter
     * (on the benchmark 2% fewer bytes in all, for a 12-byte header per extra piece).
     */
    static List<Rect> halvePhotos(List<Rect> pieces, boolean[] photo) {
        List<Rect> halved = new ArrayList<>(pieces.size() + 16);
        for (int i = 0; i < pieces.size(); i++) {
            Rect piece = pieces.get(i);
            if (piece.width() < MIN_HALVED_WIDTH || !photo[i]) {
                halved.add(piece);
                continue;
            }
            int left = (piece.width() / 2 + CELL - 1) / CELL * CELL;
            halved.add(Rect.of(piece.x(), piece.y(), left, piece.height()));
            halved.add(Rect.of(piece.x() + left, piece.y(), piece.width() - left, piece.height()));
        }
        return halved;
    }

    /**
     * Sets {@code photo[i]} for each index {@code i} in {@code which}: whether that piece has more
     * colours than {@code palette} holds (it is photo-like).
     */
    static void findPhotos(Frame frame, List<Rect> pieces, List<Integer> which, ColourPalette palette,
            boolean[] photo) {
        for (int i : which) {
            photo[i] = manyColours(frame, pieces.get(i), palette);
        }
    }

    private static long edge(int x, int width, int y) {
        return ((long) x << 40) | ((long) width << 20) | y;
    }

    private static boolean manyColours(Frame frame, Rect r, ColourPalette palette) {
        palette.reset();
        int[] argb = frame.argb();
        int previous = ~argb[r.y() * frame.width() + r.x()] & 0xFFFFFF;
        for (int y = r.y(); y < r.bottom(); y++) {
            int row = y * frame.width();
            for (int x = r.x(); x < r.right(); x++) {
                int p = argb[row + x] & 0xFFFFFF;
                if (p != previous && !palette.add(p)) {
                    return true;
                }
                previous = p;
            }
        }
        return false;
    }

    /** Whether every pixel of {@code r} has the same colour (alpha ignored). */
    static boolean isSolid(Frame frame, Rect r) {
        int[] argb = frame.argb();
        int first = argb[r.y() * frame.width() + r.x()] & 0xFFFFFF;
        for (int y = r.y(); y < r.bottom(); y++) {
            int row = y * frame.width();
            for (int x = r.x(); x < r.right(); x++) {
                if ((argb[row + x] & 0xFFFFFF) != first) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void findSolidCells(Frame frame, Rect r, int cols, int rows, int[] colour, boolean[] solid) {
        int[] argb = frame.argb();
        int stride = frame.width();
        for (int cy = 0; cy < rows; cy++) {
            int y0 = r.y() + cy * CELL;
            int y1 = Math.min(y0 + CELL, r.bottom());
            for (int cx = 0; cx < cols; cx++) {
                int x0 = r.x() + cx * CELL;
                int x1 = Math.min(x0 + CELL, r.right());
                int first = argb[y0 * stride + x0] & 0xFFFFFF;
                boolean same = true;
                for (int y = y0; y < y1 && same; y++) {
                    int row = y * stride;
                    for (int x = x0; x < x1; x++) {
                        if ((argb[row + x] & 0xFFFFFF) != first) {
                            same = false;
                            break;
                        }
                    }
                }
                colour[cy * cols + cx] = first;
                solid[cy * cols + cx] = same;
            }
        }
    }

    /** Grows a fill from a solid cell to the right, then down, and keeps it if it is big enough. */
    private static void addFill(Rect r, int cx, int cy, int cols, int rows, int maxCols, int[] colour,
            boolean[] solid, boolean[] taken, List<Rect> pieces, Map<Rect, Integer> fills) {
        int c = colour[cy * cols + cx];
        int right = cx + 1;
        while (right < cols && right - cx < maxCols && sameFree(cy * cols + right, c, colour, solid, taken)) {
            right++;
        }
        int bottom = cy + 1;
        while (bottom < rows && rowIsSameFree(bottom * cols, cx, right, c, colour, solid, taken)) {
            bottom++;
        }
        if ((right - cx) * (bottom - cy) < MIN_FILL_CELLS) {
            return;
        }
        for (int y = cy; y < bottom; y++) {
            for (int x = cx; x < right; x++) {
                taken[y * cols + x] = true;
            }
        }
        Rect fill = cellRect(r, cx, cy, right, bottom);
        pieces.add(fill);
        fills.put(fill, c);
    }

    private static boolean rowIsSameFree(int rowAt, int from, int to, int c, int[] colour, boolean[] solid,
            boolean[] taken) {
        for (int x = from; x < to; x++) {
            if (!sameFree(rowAt + x, c, colour, solid, taken)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameFree(int at, int c, int[] colour, boolean[] solid, boolean[] taken) {
        return solid[at] && !taken[at] && colour[at] == c;
    }

    /**
     * The cells no fill took, as runs along each row of cells; a run continues the piece above it
     * when both span the same columns, so that a band of text is one piece, not one per cell row.
     */
    private static void addRest(Rect r, int cols, int rows, int maxCols, int maxArea, boolean[] taken,
            List<Rect> pieces) {
        // For each column where a piece of the row above starts: its index in pieces, or -1.
        int[] openAt = new int[cols];
        int[] openEnd = new int[cols];
        int[] nextAt = new int[cols];
        int[] nextEnd = new int[cols];
        java.util.Arrays.fill(openAt, -1);
        for (int cy = 0; cy < rows; cy++) {
            java.util.Arrays.fill(nextAt, -1);
            int cx = 0;
            while (cx < cols) {
                if (taken[cy * cols + cx]) {
                    cx++;
                    continue;
                }
                int end = cx + 1;
                while (end < cols && end - cx < maxCols && !taken[cy * cols + end]) {
                    end++;
                }
                Rect run = cellRect(r, cx, cy, end, cy + 1);
                int open = openAt[cx];
                if (open >= 0 && openEnd[cx] == end) {
                    Rect above = pieces.get(open);
                    if ((long) above.width() * (above.height() + run.height()) <= maxArea) {
                        pieces.set(open, Rect.of(above.x(), above.y(), above.width(), above.height() + run.height()));
                        nextAt[cx] = open;
                        nextEnd[cx] = end;
                        cx = end;
                        continue;
                    }
                }
                if (run.area() > maxArea) {
                    // Only when a single cell row is wider than maxArea allows: thinner bands.
                    int bandRows = Math.max(1, maxArea / run.width());
                    for (int y = run.y(); y < run.bottom(); y += bandRows) {
                        pieces.add(Rect.of(run.x(), y, run.width(), Math.min(bandRows, run.bottom() - y)));
                    }
                } else {
                    nextAt[cx] = pieces.size();
                    nextEnd[cx] = end;
                    pieces.add(run);
                }
                cx = end;
            }
            int[] swap = openAt;
            openAt = nextAt;
            nextAt = swap;
            swap = openEnd;
            openEnd = nextEnd;
            nextEnd = swap;
        }
    }

    private static Rect cellRect(Rect r, int cx0, int cy0, int cx1, int cy1) {
        int x = r.x() + cx0 * CELL;
        int y = r.y() + cy0 * CELL;
        return Rect.of(x, y, Math.min(r.x() + cx1 * CELL, r.right()) - x, Math.min(r.y() + cy1 * CELL, r.bottom()) - y);
    }
}
