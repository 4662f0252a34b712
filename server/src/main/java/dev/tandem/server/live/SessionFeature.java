package dev.tandem.server.live;

import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.ServerMessage;

/**
 * Something a session can do beyond chat (screen sharing, diagnostics and log files): a peer of the
 * others, plugged into {@link LiveSessions} once at start-up. The core hands each feature the
 * phone's frames, the answers to the prompts it asked through {@link Prompts}, and the session's
 * life events. Every method runs on the session's {@link SessionLoop}, so a feature changes its
 * state without locks.
 */
public interface SessionFeature {
    /** A frame of the phone's current connection; false when it is not this feature's. */
    boolean received(LiveSession session, DeviceLink link, AgentMessage message);

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
}
