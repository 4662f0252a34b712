package dev.tandem.server.cluster;

/**
 * This server as a node of the cluster.
 *
 * @param id        the node id ({@code --node-id}; {@code local} when the server runs alone)
 * @param address   where other nodes and the load balancer reach it, {@code host:port}
 * @param clustered false when the server runs alone: it then owns every session and leads every timer
 */
public record Node(String id, String address, boolean clustered) {
    /** The node id of a server that runs alone. */
    public static final String LOCAL_ID = "local";

    /** The server running alone, as before issue 16. */
    public static Node alone(String address) {
        return new Node(LOCAL_ID, address, false);
    }
}
