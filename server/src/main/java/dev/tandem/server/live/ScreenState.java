package dev.tandem.server.live;

import dev.tandem.server.recordings.SessionRecording;
import dev.tandem.server.store.SessionStore;
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
    /** What was last stored of this state (see {@link #grant}); written again only when it changes. */
    SessionStore.ScreenGrant stored = SessionStore.ScreenGrant.NONE;
    /** What the phone said about drawings (issue 18.7, {@link ScreenDrawings}); null until it says so. */
    ScreenView.Drawings drawings;
    /** This node's part of the session's recording (issue 18.6), or null; read by the relay. */
    volatile SessionRecording recording;
    /** Why no recording started although the portal records ({@code limit}), or null. */
    String recordingRefused;

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

    /** What the customer allows now, as the session's row keeps it for a node that takes the session over. */
    SessionStore.ScreenGrant grant() {
        return new SessionStore.ScreenGrant(status == Status.SHARING, controlGranted());
    }

    /**
     * The state a node takes a session over with: what the customer allowed, as stored. The phone
     * confirms it after resuming ({@code sharing}), and the server only ever lowers it from there.
     */
    void recall(SessionStore.ScreenGrant grant) {
        status = grant.shared() ? Status.SHARING : Status.OFF;
        control = grant.shared() && grant.control() ? Control.GRANTED : Control.OFF;
        stored = grant;
    }

    long nextStreamId() {
        return nextStream++;
    }

    /** As {@code GET /api/v1/sessions/{id}/screen} shows it. */
    ScreenView view() {
        return new ScreenView(status.name().toLowerCase(Locale.ROOT), controlGranted(),
                control.name().toLowerCase(Locale.ROOT), stoppedByCustomer, viewers.size(), ViewRevisions.next(),
                status == Status.SHARING ? drawings : null, recordingState());
    }

    /** {@code off}, {@code recording}, {@code stopped} (it stopped early) or {@code limit} (the storage limit kept it from starting). */
    private String recordingState() {
        SessionRecording now = recording;
        if (now != null) {
            return now.dropped() == null ? "recording" : "stopped";
        }
        return recordingRefused != null ? "limit" : "off";
    }

    /** The view of a session that is not live (ended): nothing is shared. */
    static ScreenView offView() {
        return new ScreenState().view();
    }
}
