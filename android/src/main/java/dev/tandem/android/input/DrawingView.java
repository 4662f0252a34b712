package dev.tandem.android.input;

import android.content.Context;
import android.graphics.Canvas;
import android.graphics.Paint;
import android.graphics.Path;
import android.view.View;
import dev.tandem.agent.drawing.Drawings;
import dev.tandem.agent.drawing.Mark;
import dev.tandem.agent.drawing.MarkPainter;
import java.util.Collections;
import java.util.List;

/**
 * The technician's pointer and strokes, drawn over the whole screen in {@link DrawingOverlay}'s
 * window (issue 18.7). Each frame shows what {@link Drawings#visible()} holds now, faded by its
 * opacity, the same red and widths as the virtual phone paints; while anything shows it draws again
 * every {@link Drawings#nextChangeIn()} ms, so the marks fade smoothly. Points are the phone's own
 * screen pixels, and the window covers the whole screen from its top-left corner, so they are used as
 * they are. Main thread only.
 */
final class DrawingView extends View {
    private final Drawings drawings;
    private final Paint pen = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint dot = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint rim = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Path path = new Path();
    private List<Mark> drawn = Collections.emptyList();

    DrawingView(Context context, Drawings drawings) {
        super(context);
        this.drawings = drawings;
        pen.setStyle(Paint.Style.STROKE);
        pen.setStrokeWidth(MarkPainter.PEN_RADIUS * 2f);
        pen.setStrokeCap(Paint.Cap.ROUND);
        pen.setStrokeJoin(Paint.Join.ROUND);
        pen.setColor(MarkPainter.RED);
        dot.setColor(MarkPainter.RED);
        rim.setColor(MarkPainter.WHITE);
        setWillNotDraw(false);
        setImportantForAccessibility(IMPORTANT_FOR_ACCESSIBILITY_NO);
    }

    /** What the last frame showed (for tests and the overlay's decision to leave). */
    List<Mark> drawn() {
        return drawn;
    }

    @Override
    protected void onDraw(Canvas canvas) {
        long now = drawings.now();
        drawn = drawings.visible();
        for (Mark mark : drawn) {
            int alpha = Math.round(255 * mark.opacity(now));
            int[][] points = mark.points();
            if (mark.kind() == Mark.Kind.POINTER) {
                rim.setAlpha(alpha);
                dot.setAlpha(alpha);
                canvas.drawCircle(points[0][0], points[0][1], MarkPainter.POINTER_RADIUS + MarkPainter.POINTER_RIM, rim);
                canvas.drawCircle(points[0][0], points[0][1], MarkPainter.POINTER_RADIUS, dot);
            } else {
                path.rewind();
                path.moveTo(points[0][0], points[0][1]);
                for (int i = 1; i < points.length; i++) {
                    path.lineTo(points[i][0], points[i][1]);
                }
                pen.setAlpha(alpha);
                canvas.drawPath(path, pen);
            }
        }
        long next = drawings.nextChangeIn();
        if (next >= 0) {
            postInvalidateDelayed(next);
        }
    }
}
