/**
 * {@code tandem vnc}: a local RFB (RFC 6143) endpoint for any standard VNC viewer, tunnelled to a
 * session's viewer socket ({@code /ws/screen/{session}}, docs/protocol.md section 2b).
 * {@link dev.tandem.vnc.VncCommand} checks the session over the REST API ({@link dev.tandem.vnc.SessionApi})
 * and starts a {@link dev.tandem.vnc.VncBridge}, which gives every accepted viewer its own
 * {@link dev.tandem.vnc.ViewerTunnel}. The bridge copies bytes and never decodes pixels: the server
 * and the phone enforce what the customer allows.
 *
 * <p>Depends on the protocol module (for {@code TandemStatus} and Jackson), Java-WebSocket, picocli
 * and SLF4J; never on the server, the agent or the virtual phone. Only the {@code app} module mounts it.
 */
package dev.tandem.vnc;
