package dev.tandem.agent.drawing;

import dev.tandem.agent.screen.ScreenGeometry;
import java.util.List;

/**
 * Paints marks into a frame's ARGB pixels, the phone's points mapped onto the frame as its
 * {@link ScreenGeometry} says (a viewer may have asked for a smaller frame). The look follows the
 * Android overlay's: a red line 16 phone pixels wide, a red dot of 24 with a white rim for the pointer,
 * blended by the mark's opacity. Stateless.
 */
public final class MarkPainter {
    /** The colour of drawings, opaque (ARGB), as the app's overlay uses it. */
    public static final int RED = 0xFFE53935;
    public static final int WHITE = 0xFFFFFFFF;
    /** Half the pen's width, in the phone's pixels. */
    public static final int PEN_RADIUS = 8;
    /** The pointer's dot radius and its white rim, in the phone's pixels. */
    public static final int POINTER_RADIUS = 24;
    public static final int POINTER_RIM = 5;

    private MarkPainter() {
    }

    /** Paints {@code marks} at time {@code now} into {@code argb}, a frame of {@code geometry.frame()} size. */
    public static void paint(int[] argb, ScreenGeometry geometry, List<Mark> marks, long now) {
        int width = geometry.frame().width();
        int height = geometry.frame().height();
        double scale = geometry.scale();
        for (Mark mark : marks) {
            float opacity = mark.opacity(now);
            if (opacity <= 0f) {
                continue;
            }
            int[][] points = mark.points();
            if (mark.kind() == Mark.Kind.POINTER) {
                double x = geometry.pictureX() + points[0][0] * scale;
                double y = geometry.pictureY() + points[0][1] * scale;
                disc(argb, width, height, x, y, Math.max(4, (POINTER_RADIUS + POINTER_RIM) * scale), WHITE, opacity);
                disc(argb, width, height, x, y, Math.max(3, POINTER_RADIUS * scale), RED, opacity);
                continue;
            }
            double radius = Math.max(1.5, PEN_RADIUS * scale);
            for (int i = 1; i < points.length; i++) {
                double x0 = geometry.pictureX() + points[i - 1][0] * scale;
                double y0 = geometry.pictureY() + points[i - 1][1] * scale;
                double x1 = geometry.pictureX() + points[i][0] * scale;
                double y1 = geometry.pictureY() + points[i][1] * scale;
                segment(argb, width, height, x0, y0, x1, y1, radius, opacity);
            }
        }
    }

    /** A thick segment: every pixel within {@code radius} of it, each blended once. */
    private static void segment(int[] argb, int width, int height, double x0, double y0, double x1, double y1,
                                double radius, float opacity) {
        int left = Math.max(0, (int) Math.floor(Math.min(x0, x1) - radius));
        int right = Math.min(width - 1, (int) Math.ceil(Math.max(x0, x1) + radius));
        int top = Math.max(0, (int) Math.floor(Math.min(y0, y1) - radius));
        int bottom = Math.min(height - 1, (int) Math.ceil(Math.max(y0, y1) + radius));
        double dx = x1 - x0;
        double dy = y1 - y0;
        double length2 = dx * dx + dy * dy;
        double r2 = radius * radius;
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / length2));
                double ex = x - (x0 + t * dx);
                double ey = y - (y0 + t * dy);
                if (ex * ex + ey * ey <= r2) {
                    blend(argb, y * width + x, RED, opacity);
                }
            }
        }
    }

    private static void disc(int[] argb, int width, int height, double cx, double cy, double radius, int color,
                             float opacity) {
        int left = Math.max(0, (int) Math.floor(cx - radius));
        int right = Math.min(width - 1, (int) Math.ceil(cx + radius));
        int top = Math.max(0, (int) Math.floor(cy - radius));
        int bottom = Math.min(height - 1, (int) Math.ceil(cy + radius));
        double r2 = radius * radius;
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r2) {
                    blend(argb, y * width + x, color, opacity);
                }
            }
        }
    }

    private static void blend(int[] argb, int index, int color, float opacity) {
        int under = argb[index];
        int r = mix((under >> 16) & 0xFF, (color >> 16) & 0xFF, opacity);
        int g = mix((under >> 8) & 0xFF, (color >> 8) & 0xFF, opacity);
        int b = mix(under & 0xFF, color & 0xFF, opacity);
        argb[index] = 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    private static int mix(int under, int over, float opacity) {
        return Math.round(under + (over - under) * opacity);
    }
}
