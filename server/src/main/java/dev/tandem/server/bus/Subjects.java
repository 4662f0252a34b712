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
    /** What a node id may be ({@code --node-id}); '.' is turned into '~' so an id stays one subject token. */
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    private Subjects() {
    }

    /** Technician commands for the sessions {@code nodeId} owns (request/reply). */
    public static String commands(String nodeId) {
        return "tandem.nodes." + token(nodeId) + ".commands";
    }

    /**
     * A node id as one subject token: '.' separates tokens in NATS, so it becomes '~' (which no node
     * id contains, so two ids never share a subject); ids with wildcards or spaces are refused.
     */
    static String token(String nodeId) {
        if (nodeId == null || !NODE_ID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("A node id is 1 to 40 letters, digits, '.', '_' or '-'.");
        }
        return nodeId.replace('.', '~');
    }
}
