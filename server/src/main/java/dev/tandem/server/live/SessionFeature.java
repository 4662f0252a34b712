package dev.tandem.server.live;

import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.protocol.stream.StreamFrame;

/**
 * Something a session can do beyond chat (screen sharing, diagnostics and log files): a peer of the
 * others, plugged into {@link LiveSessions} once at start-up. The core hands each feature the
 * phone's frames, the answers to the prompts it asked through {@link Prompts}, and the session's
 * life events. Every method but {@link #streamBytes} runs on the session's {@link SessionLoop}, so
 * a feature changes its state without locks.
 */
public interface SessionFeature {
    /** A frame of the phone's current connection; false when it is not this feature's. */
    boolean received(LiveSession session, DeviceLink link, AgentMessage message);

    /**
     * Bytes of one of the phone's streams (a binary frame of its current connection). Called on the
     * socket's thread, not the loop: the screen relay must not wait behind the session's other work,
     * so a feature reads only its concurrent state here. The frame's buffer is lent: true means this
     * feature took it and runs {@code done} exactly once when it no longer needs the bytes (so the
     * relay can pass the phone's buffer on without a copy); false leaves the frame to the others.
     */
    default boolean streamBytes(LiveSession session, StreamFrame frame, Runnable done) {
        return false;
    }

    /** The customer answered one of this feature's prompts. */
    void answered(LiveSession session, ServerMessage.Prompt prompt, boolean granted);

    /** The phone's connection is (again) the session's; open prompts were sent already. */
    default void deviceAttached(LiveSession session) {
    }

    /** The phone's connection {@code link} dropped; the session waits for it to resume. */
    default void deviceLost(LiveSession session, DeviceLink link) {
    }

    /** The session ended; {@code link} is the connection it had, or null. */
    default void sessionEnded(LiveSession session, DeviceLink link) {
    }

    /**
     * Another node took the session (issue 16); this node forgets it. {@code link}: the connection it
     * had here, or null. By default as if it ended here, without writing anything.
     */
    default void sessionMoved(LiveSession session, DeviceLink link) {
        sessionEnded(session, link);
    }
}
