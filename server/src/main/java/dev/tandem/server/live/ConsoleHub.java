package dev.tandem.server.live;

import dev.tandem.server.view.CodeView;
import dev.tandem.server.view.MessageView;
import dev.tandem.server.view.SessionView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.domain.User;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes live events to the technicians' consoles: each event goes to the technician who owns the
 * session or code and to every administrator. Thread-safe.
 */
public final class ConsoleHub {
    private final ObjectMapper json;
    private final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();

    public ConsoleHub(ObjectMapper json) {
        this.json = json;
    }

    /** One open console socket and whose it is. */
    public record Viewer(User user, SocketSender sender) {
    }

    public Viewer attach(User user, SocketSender sender) {
        Viewer viewer = new Viewer(user, sender);
        viewers.add(viewer);
        send(viewer, event("hello", "user", Map.of("username", user.username(), "displayName", user.displayName(),
                "role", user.role().wireName())));
        return viewer;
    }

    public void detach(Viewer viewer) {
        viewers.remove(viewer);
    }

    public void sessionChanged(long ownerId, SessionView sessionView) {
        publish(ownerId, event("session", "session", sessionView));
    }

    public void messageAdded(long ownerId, String sessionId, MessageView messageView) {
        Map<String, Object> event = event("message", "message", messageView);
        event.put("session", sessionId);
        publish(ownerId, event);
    }

    public void screenChanged(long ownerId, String sessionId, Map<String, Object> screenView) {
        Map<String, Object> event = event("screen", "screen", screenView);
        event.put("session", sessionId);
        publish(ownerId, event);
    }

    /** A per-session event such as {@code diagnostics} or {@code logs}: {@code {"type","session",type: view}}. */
    public void sessionEvent(long ownerId, String type, String sessionId, Map<String, Object> view) {
        Map<String, Object> event = event(type, type, view);
        event.put("session", sessionId);
        publish(ownerId, event);
    }

    /** A mail of {@code ownerId} changed status; the console's Outbox reloads. */
    public void outboxChanged(long ownerId, Map<String, Object> mail) {
        publish(ownerId, event("outbox", "mail", mail));
    }

    public void codeChanged(long ownerId, CodeView codeView) {
        publish(ownerId, event("code", "code", codeView));
    }

    /**
     * A chat-only request was created, changed or left the line: {@code {"type":"request","action",
     * "request"}} to every signed-in console, since every enabled technician may take a request.
     */
    public void requestChanged(String action, Map<String, Object> requestView) {
        Map<String, Object> event = event("request", "action", action);
        event.put("request", requestView);
        String frame = encode(event);
        viewers.forEach(v -> v.sender().send(frame));
    }

    public void ping() {
        String frame = encode(Map.of("type", "ping"));
        viewers.forEach(v -> v.sender().send(frame));
    }

    /** Closes every console socket of a user (signed out or disabled). */
    public void disconnect(long userId, int code, String reason) {
        viewers.stream().filter(v -> v.user().id() == userId).forEach(v -> v.sender().close(code, reason));
    }

    public int size() {
        return viewers.size();
    }

    private void publish(long ownerId, Map<String, Object> event) {
        String frame = encode(event);
        for (Viewer viewer : viewers) {
            if (viewer.user().id() == ownerId || viewer.user().isAdmin()) {
                viewer.sender().send(frame);
            }
        }
    }

    private void send(Viewer viewer, Map<String, Object> event) {
        viewer.sender().send(encode(event));
    }

    private static Map<String, Object> event(String type, String key, Object value) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put(key, value);
        return event;
    }

    private String encode(Map<String, Object> event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
