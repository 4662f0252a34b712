package dev.tandem.server.live;

import dev.tandem.server.view.ScreenView;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where one session's screen sharing stands: the screen and control decisions and
 * the viewers attached (the open prompts are the session's {@link Prompts}). Confined to the
 * session's loop, except {@link #viewers} (read by the relay on every frame) and
 * {@link #controlGranted()}.
 */
final class ScreenState {
    enum Status { OFF, PENDING, DECLINED, SHARING }

    enum Control { OFF, PENDING, DECLINED, GRANTED }

    Status status = Status.OFF;
    private volatile Control control = Control.OFF;
    boolean stoppedByCustomer;
    final Map<Long, ViewerLink> viewers = new ConcurrentHashMap<>();
    private long nextStream = 1;

    Control control() {
        return control;
    }

    void control(Control value) {
        control = value;
    }

    /** Read by the relay without the session's lock. */
    boolean controlGranted() {
        return control == Control.GRANTED;
    }

    boolean viewable() {
        return status == Status.PENDING || status == Status.SHARING;
    }

    long nextStreamId() {
        return nextStream++;
    }

    /** As {@code GET /api/v1/sessions/{id}/screen} shows it. */
    ScreenView view() {
        return new ScreenView(status.name().toLowerCase(Locale.ROOT), controlGranted(),
                control.name().toLowerCase(Locale.ROOT), stoppedByCustomer, viewers.size(), ViewRevisions.next());
    }

    /** The view of a session that is not live (ended): nothing is shared. */
    static ScreenView offView() {
        return new ScreenState().view();
    }
}
