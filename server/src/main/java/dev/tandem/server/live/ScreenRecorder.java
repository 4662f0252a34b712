package dev.tandem.server.live;

import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.recordings.RecordingNotices;
import dev.tandem.server.recordings.Recordings;
import dev.tandem.server.recordings.SessionRecording;
import java.nio.ByteBuffer;

/**
 * Where {@link ScreenSharing} meets the recordings (issue 18.6): starts this node's part of a
 * session's recording when its portal records, and hands it what the relay passes. The relay's own
 * work stays as it was: a frame is lent to the recording as it is to the viewer, never copied here.
 * {@link #begin} and {@link #end} run on the session's loop; the rest on any thread.
 */
final class ScreenRecorder {
    private final Recordings recordings;
    private final LiveSessions sessions;

    /** {@code recordings} null: this server never records (tests of the relay alone). */
    ScreenRecorder(Recordings recordings, LiveSessions sessions) {
        this.recordings = recordings;
        this.sessions = sessions;
    }

    /**
     * The screen is asked for, or a viewer attaches on this node: starts recording when the portal
     * records and this node has no part yet. True while the session is recorded here.
     */
    boolean begin(LiveSession session, Portal portal, String by) {
        ScreenState screen = session.screen;
        if (recordings == null || portal == null || !portal.recordSessions() || session.ended) {
            return false;
        }
        if (screen.recording != null) {
            return screen.recording.dropped() == null;
        }
        Recordings.Start start = recordings.begin(session.id, by);
        screen.recordingRefused = start.refused();
        if (start.recording() == null) {
            return false;
        }
        screen.recording = start.recording();
        sessions.systemLine(session, RecordingNotices.started());
        return true;
    }

    /** Frames the relay passes to a viewer; returns the {@code done} to give the viewer's socket. */
    static Runnable screen(LiveSession session, long stream, ByteBuffer payload, Runnable done) {
        SessionRecording recording = session.screen.recording;
        return recording == null ? done : recording.screen(stream, payload, done);
    }

    static void input(LiveSession session, long stream, byte[] bytes) {
        SessionRecording recording = session.screen.recording;
        if (recording != null) {
            recording.input(stream, bytes);
        }
    }

    static void opened(LiveSession session, long stream) {
        SessionRecording recording = session.screen.recording;
        if (recording != null) {
            recording.opened(stream);
        }
    }

    static void closed(LiveSession session, long stream) {
        SessionRecording recording = session.screen.recording;
        if (recording != null) {
            recording.closed(stream);
        }
    }

    /** The session ended or left this node: this node's part is written to its end. */
    void end(LiveSession session) {
        SessionRecording recording = session.screen.recording;
        if (recording != null && recordings != null) {
            session.screen.recording = null;
            recordings.end(recording, session.id, AuditLog.SYSTEM);
        }
    }
}
