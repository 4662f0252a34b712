package dev.tandem.server.events;

import dev.tandem.server.view.CodeView;
import dev.tandem.server.view.MessageView;
import dev.tandem.server.view.SessionView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live events of the server, at the bottom of it: codes, requests, sessions and mail publish
 * here; the consoles' sockets subscribe to an implementation. Today's is {@link LocalEvents} (this
 * JVM's consoles); one across nodes delivers the same {@link Event} values elsewhere too. The
 * helpers below name every event the consoles know, so a publisher never builds a frame by hand.
 * Thread-safe; publishing only queues frames, so it may be called from a session's loop.
 */
public interface Events {
    void publish(Event event);

    /** Closes every console of {@code userId} (signed out, disabled, second factor reset). */
    void disconnect(long userId, int code, String reason);

    default void sessionChanged(long ownerId, SessionView sessionView) {
        publish(new Event("session", new Audience.Owner(ownerId), Map.of("session", sessionView)));
    }

    default void messageAdded(long ownerId, String sessionId, MessageView messageView) {
        sessionEvent(ownerId, "message", sessionId, messageView);
    }

    default void screenChanged(long ownerId, String sessionId, Map<String, Object> screenView) {
        sessionEvent(ownerId, "screen", sessionId, screenView);
    }

    /** A per-session event such as {@code diagnostics} or {@code logs}: {@code {"type","session",type: view}}. */
    default void sessionEvent(long ownerId, String type, String sessionId, Object view) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(type, view);
        fields.put("session", sessionId);
        publish(new Event(type, new Audience.Owner(ownerId), fields));
    }

    /** A mail of {@code ownerId} changed status; the console's Outbox reloads. */
    default void outboxChanged(long ownerId, Map<String, Object> mail) {
        publish(new Event("outbox", new Audience.Owner(ownerId), Map.of("mail", mail)));
    }

    default void codeChanged(long ownerId, CodeView codeView) {
        publish(new Event("code", new Audience.Owner(ownerId), Map.of("code", codeView)));
    }

    /**
     * A chat-only request was created, changed or left the line: {@code {"type":"request","action",
     * "request"}} to every signed-in console, since every enabled technician may take a request.
     */
    default void requestChanged(String action, Map<String, Object> requestView) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", action);
        fields.put("request", requestView);
        publish(new Event("request", new Audience.EveryConsole(), fields));
    }
}
