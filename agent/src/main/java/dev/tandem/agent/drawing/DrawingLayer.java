package dev.tandem.agent.drawing;

import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.agent.screen.ScreenSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A phone's screen with the technician's drawings painted on top, for a phone that has no system
 * overlay to draw them in (the virtual phone): what it captures is what the customer sees, so the
 * technician's viewers get the drawings back in the live picture too. Without drawings it passes the
 * screen's own frames through untouched (the same instances). While drawings show, it wakes the
 * viewers every {@link Drawings#nextChangeIn()} so they fade smoothly, and once more when the last
 * one is gone.
 *
 * <p>Thread-safe, as {@link ScreenSource} asks: captures of several viewers may overlap; the last
 * painted frame is cached so that they share it while nothing changed.
 */
public final class DrawingLayer implements ScreenSource {
    private final ScreenSource screen;
    private final Drawings drawings;
    private final Object lock = new Object();
    private final ScheduledExecutorService ticker;
    // Guarded by lock.
    private Runnable watcher;
    private ScheduledFuture<?> ticking;
    private Frame paintedOn;
    private String paintedMarks;
    private Frame painted;

    private DrawingLayer(ScreenSource screen, Drawings drawings) {
        this.screen = Objects.requireNonNull(screen, "screen");
        this.drawings = Objects.requireNonNull(drawings, "drawings");
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tandem-drawings");
            thread.setDaemon(true);
            return thread;
        });
        drawings.listen(new Drawings.Listener() {
            @Override
            public void shown(Mark mark) {
                changed();
            }

            @Override
            public void faded(Mark mark) {
                changed();
            }
        });
    }

    /** {@code screen} with {@code drawings} on top. */
    public static DrawingLayer over(ScreenSource screen, Drawings drawings) {
        return new DrawingLayer(screen, drawings);
    }

    @Override
    public ScreenGeometry geometry() {
        return screen.geometry();
    }

    @Override
    public Frame capture() {
        Frame base = screen.capture();
        long now = drawings.now();
        List<Mark> marks = drawings.visible();
        if (marks.isEmpty()) {
            return base;
        }
        ScreenGeometry geometry = screen.geometry();
        if (geometry.frame().width() != base.width() || geometry.frame().height() != base.height()) {
            return base; // the size is switching right now; the next capture paints
        }
        StringBuilder key = new StringBuilder();
        for (Mark mark : marks) {
            key.append(System.identityHashCode(mark)).append(':').append(Math.round(mark.opacity(now) * 20)).append(';');
        }
        key.append(geometry.scale()).append(geometry.pictureX()).append(',').append(geometry.pictureY());
        synchronized (lock) {
            if (base == paintedOn && key.toString().equals(paintedMarks)) {
                return painted;
            }
        }
        int[] argb = base.copyPixels(base.bounds());
        MarkPainter.paint(argb, geometry, marks, now);
        Frame frame = Frame.wrap(base.width(), base.height(), argb);
        synchronized (lock) {
            paintedOn = base;
            paintedMarks = key.toString();
            painted = frame;
        }
        return frame;
    }

    @Override
    public boolean resize(ScreenSize frame) {
        return screen.resize(frame);
    }

    @Override
    public void resizeToPhone() {
        screen.resizeToPhone();
    }

    @Override
    public void watch(Runnable changed) {
        synchronized (lock) {
            watcher = changed;
        }
        screen.watch(changed);
    }

    /** A drawing appeared or faded: the viewers capture again, and keep doing so while drawings show. */
    private void changed() {
        Runnable wake;
        synchronized (lock) {
            wake = watcher;
            if (ticking == null || ticking.isDone()) {
                ticking = ticker.scheduleWithFixedDelay(this::tick, 40, 40, TimeUnit.MILLISECONDS);
            }
        }
        if (wake != null) {
            wake.run();
        }
    }

    private void tick() {
        boolean showing = drawings.nextChangeIn() >= 0;
        if (showing) {
            drawings.visible(); // lets the faded go (and tells the listeners, which wakes the viewers)
        }
        Runnable wake;
        synchronized (lock) {
            wake = watcher;
            if (!showing && ticking != null) {
                ticking.cancel(false);
                ticking = null;
            }
        }
        if (wake != null) {
            wake.run();
        }
    }
}
