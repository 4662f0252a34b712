package dev.tandem.server.view;

/**
 * One node of the server as {@code GET /api/v1/nodes} shows it (administrators): its id, where it
 * listens, when it started and last wrote its heartbeat, what is connected to it, and whether it is
 * stopping (handing its sessions over). A server that runs alone is the one node {@code local}.
 */
public record NodeView(String id, String address, String startedAt, String lastHeartbeat, boolean stopping,
                       int phones, int consoles, int viewers) {
}
