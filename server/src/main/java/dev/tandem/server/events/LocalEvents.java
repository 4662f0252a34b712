package dev.tandem.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.domain.User;
import dev.tandem.server.view.ConsoleUserView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events of this JVM: each event goes to the open consoles its {@link Audience} includes (the
 * owner and every administrator, or every console), encoded once. Thread-safe.
 */
public final class LocalEvents implements Events {
    private final ObjectMapper json;
    private final Set<Console> consoles = ConcurrentHashMap.newKeySet();

    public LocalEvents(ObjectMapper json) {
        this.json = json;
    }

    /** One open console and whose it is. */
    public record Console(User user, Outlet outlet) {
    }

    /** A console opened: it is greeted with who is signed in and gets every event for its user from now on. */
    public Console attach(User user, Outlet outlet) {
        Console console = new Console(user, outlet);
        consoles.add(console);
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("type", "hello");
        hello.put("user", new ConsoleUserView(user.username(), user.displayName(), user.role().wireName()));
        outlet.send(encode(hello));
        return console;
    }

    public void detach(Console console) {
        consoles.remove(console);
    }

    @Override
    public void publish(Event event) {
        deliver(event.audience(), encode(event));
    }

    /** The event as its console frame, encoded once whichever nodes it goes to. */
    public String encode(Event event) {
        return encode(event.frame());
    }

    /** Sends an encoded frame to this JVM's consoles that {@code audience} includes (an event from here or another node). */
    public void deliver(Audience audience, String frame) {
        for (Console console : consoles) {
            if (audience.includes(console.user().id(), console.user().isAdmin())) {
                console.outlet().send(frame);
            }
        }
    }

    @Override
    public void disconnect(long userId, int code, String reason) {
        consoles.stream().filter(c -> c.user().id() == userId).forEach(c -> c.outlet().close(code, reason));
    }

    /** Keeps idle consoles open through proxies. */
    public void ping() {
        String frame = encode(Map.of("type", "ping"));
        consoles.forEach(c -> c.outlet().send(frame));
    }

    public int size() {
        return consoles.size();
    }

    private String encode(Map<String, Object> frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
