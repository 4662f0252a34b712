/**
 * The server as one node among several on one PostgreSQL (issue 16): which node this is
 * ({@link dev.tandem.server.cluster.Node}), which node owns a live session and with which fencing
 * epoch ({@link dev.tandem.server.cluster.SessionOwners}). PostgreSQL is the only source of truth;
 * a server that runs alone is the node {@code local} and owns everything, as before.
 *
 * <p>Layer 2 (beside {@code store}): the packages above ask it who owns a session; it knows nothing
 * of sockets or HTTP.
 */
package dev.tandem.server.cluster;
