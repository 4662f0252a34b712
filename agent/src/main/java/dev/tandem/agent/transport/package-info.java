/**
 * How the agent reaches the server: a {@link dev.tandem.agent.transport.Transport} opens one
 * {@link dev.tandem.agent.transport.Connection} (a WebSocket carrying text and binary frames) and reports what
 * happens to it through a {@link dev.tandem.agent.transport.ConnectionListener}.
 * {@link dev.tandem.agent.transport.WebSocketTransport} does it with Java-WebSocket, which runs on
 * Android and on the JVM.
 *
 * <p>Knows nothing about sessions, chat or the protocol's messages: it moves text and binary frames. Must not depend
 * on {@code dev.tandem.agent} or {@code dev.tandem.protocol}, nor on AWT or {@code java.net.http}
 * (Java 11, shared with the Android app).
 */
package dev.tandem.agent.transport;
