package dev.tandem.agent.drawing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * What the technician's drawings show on the phone right now: the laser pointer (gone
 * {@link #POINTER_MILLIS} after its last move) and the pen strokes (each gone {@link #STROKE_MILLIS}
 * after it arrived), fading over their last {@link #FADE_MILLIS}. The customer may hide them: then
 * nothing shows and what arrives is dropped. Whoever draws reads {@link #visible()} (which also lets
 * the faded go and tells the {@link Listener}s), and asks again after {@link #nextChangeIn()}.
 *
 * <p>Thread-safe: drawings arrive on the session's thread, the screen reads them on its own; the
 * listeners are called without the lock held.
 */
public final class Drawings {
    public static final long POINTER_MILLIS = 1500;
    public static final long STROKE_MILLIS = 3000;
    public static final long FADE_MILLIS = 500;
    /** Strokes on screen at once; an older one goes early rather than letting a flood pile up. */
    public static final int MAX_STROKES = 32;

    /** Hears what appears and what faded (for the virtual phone's JSON events, a log, a test). */
    public interface Listener {
        default void shown(Mark mark) {
        }

        default void faded(Mark mark) {
        }

        default void hiddenChanged(boolean hidden) {
        }
    }

    private final LongSupplier clock;
    /** Whether this phone can put drawings on its screen now (the app: its accessibility service is on). */
    private volatile BooleanSupplier showable = () -> true;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    // Guarded by lock.
    private Mark pointer;
    private final List<Mark> strokes = new ArrayList<>();
    private boolean hidden;

    /** {@code clock}: milliseconds, only ever compared with each other (System::currentTimeMillis, SystemClock::uptimeMillis). */
    public Drawings(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Drawings show only while {@code canShow} says so (the app draws them in its accessibility
     * overlay, so only with that service on); the phone tells the server nothing it cannot keep.
     */
    public void showOnlyWhen(BooleanSupplier canShow) {
        this.showable = Objects.requireNonNull(canShow, "canShow");
    }

    /** Whether drawings can appear on this phone's screen now. */
    public boolean canShow() {
        return showable.getAsBoolean();
    }

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /**
     * A drawing from the technician ({@code pointer} with one point, {@code stroke} with two or
     * more). False when it is not shown: hidden by the customer, or not a drawing this phone knows.
     */
    public boolean show(String kind, int[][] points) {
        if (points == null || points.length == 0) {
            return false;
        }
        for (int[] point : points) {
            if (point == null || point.length != 2) {
                return false;
            }
        }
        long now = clock.getAsLong();
        List<Mark> appeared = new ArrayList<>(1);
        List<Mark> gone = new ArrayList<>(1);
        synchronized (lock) {
            if (hidden) {
                return false;
            }
            if ("pointer".equals(kind)) {
                boolean fresh = pointer == null || pointer.until() <= now;
                pointer = new Mark(Mark.Kind.POINTER, new int[][] {points[0].clone()}, now + POINTER_MILLIS);
                if (fresh) {
                    appeared.add(pointer);
                }
            } else if ("stroke".equals(kind) && points.length >= 2) {
                int[][] copy = new int[points.length][];
                for (int i = 0; i < points.length; i++) {
                    copy[i] = points[i].clone();
                }
                Mark stroke = new Mark(Mark.Kind.STROKE, copy, now + STROKE_MILLIS);
                strokes.add(stroke);
                appeared.add(stroke);
                while (strokes.size() > MAX_STROKES) {
                    gone.add(strokes.remove(0));
                }
            } else {
                return false;
            }
        }
        tell(appeared, gone);
        return true;
    }

    /** What shows now, oldest first (the pointer last, on top); lets go of what faded. */
    public List<Mark> visible() {
        long now = clock.getAsLong();
        List<Mark> shown = new ArrayList<>();
        List<Mark> gone = new ArrayList<>();
        synchronized (lock) {
            strokes.removeIf(stroke -> {
                boolean over = stroke.until() <= now;
                if (over) {
                    gone.add(stroke);
                }
                return over;
            });
            shown.addAll(strokes);
            if (pointer != null && pointer.until() <= now) {
                gone.add(pointer);
                pointer = null;
            }
            if (pointer != null) {
                shown.add(pointer);
            }
        }
        tell(Collections.emptyList(), gone);
        return shown;
    }

    /** Milliseconds until what shows changes by itself (a fade step), or -1 when nothing shows. */
    public long nextChangeIn() {
        synchronized (lock) {
            if (pointer == null && strokes.isEmpty()) {
                return -1;
            }
        }
        return Math.min(40, FADE_MILLIS / 10);
    }

    /** The customer hides the drawings ({@code true}: what shows goes at once) or shows them again. */
    public void hide(boolean hide) {
        synchronized (lock) {
            if (hidden == hide) {
                return;
            }
            hidden = hide;
        }
        if (hide) {
            clear();
        }
        listeners.forEach(l -> l.hiddenChanged(hide));
    }

    public boolean hidden() {
        synchronized (lock) {
            return hidden;
        }
    }

    /** Everything goes at once (the customer stopped sharing, hid the drawings, or the session ended). */
    public void clear() {
        List<Mark> gone = new ArrayList<>();
        synchronized (lock) {
            gone.addAll(strokes);
            strokes.clear();
            if (pointer != null) {
                gone.add(pointer);
                pointer = null;
            }
        }
        tell(Collections.emptyList(), gone);
    }

    public long now() {
        return clock.getAsLong();
    }

    private void tell(List<Mark> appeared, List<Mark> gone) {
        for (Listener listener : listeners) {
            gone.forEach(listener::faded);
            appeared.forEach(listener::shown);
        }
    }
}
