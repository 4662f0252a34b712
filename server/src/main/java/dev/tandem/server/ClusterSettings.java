package dev.tandem.server;

import dev.tandem.server.ServerConfig.DatabaseSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether the server runs alone or as one node of a cluster on a shared PostgreSQL (issue 16), and
 * if so under which node id and with which NATS bus.
 *
 * <p>Alone (no {@code --node-id}, no {@code --nats-url}) the server behaves exactly as it always did:
 * it owns every session and runs every timer. As a node ({@code clustered}) it owns only the
 * sessions it took, fences its transcript writes with the session's epoch, and runs the timers only
 * while it leads. {@code --node-id} without {@code --nats-url} runs the PostgreSQL half alone (several
 * nodes on one database, no bus between them), which is what the unit tests of ownership use.
 *
 * @param nodeId    this node's id: a short token stored in {@code support_sessions.owner_node}
 * @param natsUrl   the NATS server of the cluster's bus
 * @param clustered true when either option was given
 */
public record ClusterSettings(String nodeId, Optional<URI> natsUrl, boolean clustered) {
    /** Before {@link #ALONE}, which the constructor checks with it. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    /** The node id of a server that runs alone. */
    public static final String LOCAL_NODE_ID = dev.tandem.server.cluster.Node.LOCAL_ID;
    public static final ClusterSettings ALONE = new ClusterSettings(LOCAL_NODE_ID, Optional.empty(), false);

    public ClusterSettings {
        if (!TOKEN.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("--node-id must be 1 to 40 letters, digits, '.', '_' or '-' (starting "
                    + "with a letter or digit), e.g. node-a, not " + printable(nodeId));
        }
    }

    /**
     * From the command line. Without {@code --node-id}, a node on a bus is named after this machine and
     * its port ({@code host-8080}; with {@code --port 0}, the process id instead of the port).
     */
    public static ClusterSettings of(Optional<String> nodeId, Optional<String> natsUrl, int port) {
        if (nodeId.isEmpty() && natsUrl.isEmpty()) {
            return ALONE;
        }
        Optional<URI> nats = natsUrl.map(ClusterSettings::parseNats);
        String id = nodeId.map(String::strip).orElseGet(() -> defaultNodeId(port));
        return new ClusterSettings(id, nats, true);
    }

    /** Why these settings cannot run on {@code database}, if they cannot. */
    public Optional<String> problemWith(DatabaseSettings database) {
        if (clustered && !database.jdbcUrl().startsWith("jdbc:postgresql:")) {
            return Optional.of("--node-id and --nats-url need the shared PostgreSQL database of the cluster "
                    + "(--db-url jdbc:postgresql://host:5432/tandem): the embedded database belongs to one server");
        }
        return Optional.empty();
    }

    static URI parseNats(String text) {
        URI uri;
        try {
            uri = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--nats-url is not a URL: use nats://host:4222");
        }
        if (!"nats".equals(uri.getScheme()) && !"tls".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--nats-url must start with nats:// (or tls://), e.g. nats://127.0.0.1:4222");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--nats-url has no host: use nats://host:4222");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("--nats-url has nothing after host:port: use nats://host:4222");
        }
        return uri;
    }

    private static String defaultNodeId(int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        host = host.toLowerCase(Locale.ROOT).split("\\.", 2)[0].replaceAll("[^a-z0-9-]", "-");
        if (host.isEmpty() || !Character.isLetterOrDigit(host.charAt(0))) {
            host = "node" + host;
        }
        host = host.substring(0, Math.min(host.length(), 28));
        return host + "-" + (port > 0 ? String.valueOf(port) : String.valueOf(ProcessHandle.current().pid()));
    }

    private static String printable(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
