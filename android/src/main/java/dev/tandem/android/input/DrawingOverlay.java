package dev.tandem.android.input;

import android.content.Context;
import android.graphics.PixelFormat;
import android.os.Handler;
import android.os.Looper;
import android.view.WindowManager;
import dev.tandem.agent.drawing.Drawings;
import dev.tandem.agent.drawing.Mark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the technician's drawings on top of everything on the phone (issue 18.7): a full-screen,
 * untouchable window of type TYPE_ACCESSIBILITY_OVERLAY added by Tandem's accessibility service (no
 * "draw over other apps" permission is needed for it, and screen capture sees it, so the technician's
 * Viewer shows the drawings too). The window is added when a drawing arrives and removed once the
 * last one faded, so it never sits on the screen doing nothing. Without the service switched on,
 * drawings are not shown (logged once). Thread-safe: drawings arrive on the session's thread; the
 * window is handled on the main thread.
 */
public final class DrawingOverlay {
    private static final Logger log = LoggerFactory.getLogger(DrawingOverlay.class);
    private static final long TICK_MILLIS = 100;
    private final Drawings drawings;
    private final Handler main = new Handler(Looper.getMainLooper());
    // Main thread only.
    private DrawingView view;
    private WindowManager windows;
    private boolean toldUnavailable;
    /** Looks again while the window is up: what faded goes, and the window with the last of it. */
    private final Runnable tick = this::leaveIfEmpty;

    private DrawingOverlay(Drawings drawings) {
        this.drawings = drawings;
    }

    /** Shows {@code drawings} in the accessibility service's overlay from now on. */
    public static DrawingOverlay follow(Drawings drawings) {
        DrawingOverlay overlay = new DrawingOverlay(drawings);
        drawings.listen(new Drawings.Listener() {
            @Override
            public void shown(Mark mark) {
                overlay.main.post(overlay::show);
            }

            @Override
            public void faded(Mark mark) {
                overlay.main.post(overlay::leaveIfEmpty);
            }
        });
        return overlay;
    }

    /** The overlay's view while it is on the screen, else null. Main thread. */
    DrawingView view() {
        return view;
    }

    private void show() {
        if (view != null) {
            view.invalidate();
            return;
        }
        main.removeCallbacks(tick);
        TandemAccessibilityService service = TandemAccessibilityService.connected();
        if (service == null) {
            if (!toldUnavailable) {
                toldUnavailable = true;
                log.info("A drawing arrived but the accessibility service is off: it is not shown");
            }
            return;
        }
        windows = (WindowManager) service.getSystemService(Context.WINDOW_SERVICE);
        WindowManager.LayoutParams params = new WindowManager.LayoutParams(
                WindowManager.LayoutParams.MATCH_PARENT, WindowManager.LayoutParams.MATCH_PARENT,
                WindowManager.LayoutParams.TYPE_ACCESSIBILITY_OVERLAY,
                WindowManager.LayoutParams.FLAG_NOT_TOUCHABLE | WindowManager.LayoutParams.FLAG_NOT_FOCUSABLE
                        | WindowManager.LayoutParams.FLAG_LAYOUT_IN_SCREEN | WindowManager.LayoutParams.FLAG_LAYOUT_NO_LIMITS,
                PixelFormat.TRANSLUCENT);
        params.setTitle("Tandem drawings");
        view = new DrawingView(service, drawings);
        try {
            windows.addView(view, params);
            main.postDelayed(tick, TICK_MILLIS);
        } catch (RuntimeException e) {
            log.warn("Could not show the technician's drawing: {}", e.toString());
            view = null;
        }
    }

    private void leaveIfEmpty() {
        if (view == null) {
            return;
        }
        if (!drawings.visible().isEmpty()) {
            view.invalidate();
            main.removeCallbacks(tick);
            main.postDelayed(tick, TICK_MILLIS);
            return;
        }
        main.removeCallbacks(tick);
        try {
            windows.removeView(view);
        } catch (RuntimeException e) {
            log.debug("The drawing overlay was gone already: {}", e.toString());
        }
        view = null;
    }
}
