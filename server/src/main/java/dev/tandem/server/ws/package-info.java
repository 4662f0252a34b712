/**
 * The server's WebSockets, its edge towards sockets: {@code /ws/agent} (phones,
 * {@link dev.tandem.server.ws.AgentEndpoint}), {@code /ws/console} (technicians' live events),
 * {@code /ws/screen/{session}} (viewers' RFB) and {@code /ws/request/{id}} (a waiting customer),
 * all registered by {@link dev.tandem.server.ws.Sockets}; who opened a technician's socket
 * ({@link dev.tandem.server.ws.SocketAuth}); and {@link dev.tandem.server.ws.SocketSender}, the
 * bounded outbound queue that is the core's {@link dev.tandem.server.events.Outlet}. Endpoints
 * decode and authenticate, then hand over to {@code live}, {@code requests} and {@code events};
 * nothing below this package knows Jetty's WebSocket API.
 */
package dev.tandem.server.ws;
