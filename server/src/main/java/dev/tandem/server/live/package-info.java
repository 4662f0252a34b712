/**
 * Sessions in progress: the agent socket ({@link dev.tandem.server.live.AgentEndpoint}), the
 * console socket ({@link dev.tandem.server.live.ConsoleEndpoint}), the registry of live sessions
 * that orders every transcript entry, and the per-socket outbound queues. Depends on the store and
 * the protocol module; knows nothing of the REST routes.
 */
package dev.tandem.server.live;
