package dev.tandem.server.events;

import dev.tandem.server.view.ChatRequestView;
import dev.tandem.server.view.CodeView;
import dev.tandem.server.view.DiagnosticsView;
import dev.tandem.server.view.LogsView;
import dev.tandem.server.view.MailReceiptView;
import dev.tandem.server.view.MessageView;
import dev.tandem.server.view.ScreenView;
import dev.tandem.server.view.SessionFilesView;
import dev.tandem.server.view.SessionNoteView;
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

    default void screenChanged(long ownerId, String sessionId, ScreenView screenView) {
        sessionEvent(ownerId, "screen", sessionId, screenView);
    }

    default void diagnosticsChanged(long ownerId, String sessionId, DiagnosticsView diagnosticsView) {
        sessionEvent(ownerId, "diagnostics", sessionId, diagnosticsView);
    }

    default void logsChanged(long ownerId, String sessionId, LogsView logsView) {
        sessionEvent(ownerId, "logs", sessionId, logsView);
    }

    /**
     * A private note was written on a session: to the technicians who can see it (its technician and
     * administrators) and never to anything of the customer's.
     */
    default void noteAdded(long ownerId, String sessionId, SessionNoteView noteView) {
        sessionEvent(ownerId, "note", sessionId, noteView);
    }

    /**
     * Canned replies changed: {@code {"type":"replies","scope","portal"}}. A portal's shared replies
     * concern every console; a technician's personal ones only theirs (administrators' consoles get the
     * bare signal too, which carries no text). Consoles read their list again, so the text never rides here.
     */
    default void repliesChanged(String portal, long ownerId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("scope", portal == null ? "personal" : "portal");
        if (portal != null) {
            fields.put("portal", portal);
        }
        publish(new Event("replies", portal == null ? new Audience.Owner(ownerId) : new Audience.EveryConsole(), fields));
    }

    /** Files both ways: a file of the session was added or moved on ({@code {"type":"files","session","files"}}). */
    default void filesChanged(long ownerId, String sessionId, SessionFilesView filesView) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("files", filesView.files());
        fields.put("session", sessionId);
        publish(new Event("files", new Audience.Owner(ownerId), fields));
    }

    /** A per-session event: {@code {"type","session",type: view}}, the view a {@code view} record. */
    private void sessionEvent(long ownerId, String type, String sessionId, Record view) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(type, view);
        fields.put("session", sessionId);
        publish(new Event(type, new Audience.Owner(ownerId), fields));
    }

    /** A mail of {@code ownerId} changed status; the console's Outbox reloads. */
    default void outboxChanged(long ownerId, MailReceiptView mail) {
        publish(new Event("outbox", new Audience.Owner(ownerId), Map.of("mail", mail)));
    }

    default void codeChanged(long ownerId, CodeView codeView) {
        publish(new Event("code", new Audience.Owner(ownerId), Map.of("code", codeView)));
    }

    /**
     * A chat-only request was created, changed or left the line: {@code {"type":"request","action",
     * "request"}} to every signed-in console, since every enabled technician may take a request.
     */
    default void requestChanged(String action, ChatRequestView requestView) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", action);
        fields.put("request", requestView);
        publish(new Event("request", new Audience.EveryConsole(), fields));
    }
}
