package dev.tandem.server.events;

import dev.tandem.server.view.SessionView;
import java.util.List;
import java.util.function.Function;

/**
 * Issue 18.2: a session's events reach the technicians helping on it too. Wraps the server's
 * {@link Events}: an event for a session's owner ({@link Audience.Owner} with a {@code session}
 * field) goes to {@link Audience.Team} when the session has helpers on this node, so no publisher
 * has to know about helpers. Helpers are read from the node holding the live session, which is the
 * node that publishes its events. Thread-safe.
 */
public final class TeamAudiences implements Events {
    private final Events delegate;
    private volatile Function<String, List<Long>> helpersOf = id -> List.of();

    public TeamAudiences(Events delegate) {
        this.delegate = delegate;
    }

    /** Where the helpers of a session are read (once, at start-up, when the sessions exist). */
    public void helpersFrom(Function<String, List<Long>> lookup) {
        this.helpersOf = lookup;
    }

    @Override
    public void publish(Event event) {
        if (event.audience() instanceof Audience.Owner owner) {
            String session = sessionOf(event);
            List<Long> helpers = session == null ? List.of() : helpersOf.apply(session);
            if (!helpers.isEmpty()) {
                delegate.publish(new Event(event.type(), new Audience.Team(owner.technicianId(), helpers),
                        event.fields()));
                return;
            }
        }
        delegate.publish(event);
    }

    @Override
    public void disconnect(long userId, int code, String reason) {
        delegate.disconnect(userId, code, reason);
    }

    private static String sessionOf(Event event) {
        Object session = event.fields().get("session");
        if (session instanceof String id) {
            return id;
        }
        return session instanceof SessionView view ? view.id() : null;
    }
}
