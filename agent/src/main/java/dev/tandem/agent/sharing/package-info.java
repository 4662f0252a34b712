/**
 * Sharing the phone's screen over the session's connection: one RFB server
 * ({@link dev.tandem.agent.rfb.session.ScreenStream}) per viewer the server attaches, its bytes
 * carried in binary frames ({@link dev.tandem.protocol.stream.StreamFrame}). The phone provides a
 * {@link dev.tandem.agent.sharing.ScreenAccess}; a phone without one is chat-only. Java 11.
 */
package dev.tandem.agent.sharing;
