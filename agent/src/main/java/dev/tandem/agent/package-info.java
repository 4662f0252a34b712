/**
 * The customer agent: {@link dev.tandem.agent.AgentSession} joins a support session with a session
 * code, chats, answers consent prompts and survives dropped connections by resuming, exactly as
 * {@code docs/protocol.md} section 1 describes. The virtual device and the Android app both build on it.
 *
 * <p>Depends on {@code dev.tandem.protocol} (the wire messages), on the transport and consent
 * packages below it and on {@code slf4j-api}. It must not depend on the server, on the device, on
 * Android, on AWT or on {@code java.net.http}: it is compiled for Java 11 and shared with the Android
 * app. Subpackages never depend on this one.
 */
package dev.tandem.agent;
