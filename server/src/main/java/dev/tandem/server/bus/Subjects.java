package dev.tandem.server.bus;

import java.util.regex.Pattern;

/**
 * Every NATS subject Tandem uses, named here and nowhere else, so that what one node publishes and
 * what another listens to cannot drift apart. All start with {@code tandem.}, so a NATS shared with
 * other software can grant Tandem's account just {@code tandem.>}.
 */
public final class Subjects {
    /** Console events for the consoles every other node holds (headers: the audience; body: the frame). */
    public static final String EVENTS = "tandem.events";
    /** A user's consoles must close: signed out, disabled, second factor reset. */
    public static final String DISCONNECT = "tandem.users.disconnect";
    /** A chat request changed: its waiting customer's page may be watched from any node. */
    public static final String REQUEST_UPDATES = "tandem.requests.updates";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Subjects() {
    }

    /** Technician commands for the sessions {@code nodeId} owns (request/reply). */
    public static String commands(String nodeId) {
        return "tandem.nodes." + token(nodeId) + ".commands";
    }

    /** A node id becomes one subject token: no dots, wildcards or spaces may slip into a subject. */
    static String token(String nodeId) {
        if (nodeId == null || !TOKEN.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("A node id is 1 to 64 letters, digits, '-' or '_'.");
        }
        return nodeId;
    }
}
