/**
 * The JSON messages of the agent protocol (docs/protocol.md), as small immutable classes:
 * {@link dev.tandem.protocol.message.AgentMessage} for what a device sends and
 * {@link dev.tandem.protocol.message.ServerMessage} for what the server sends, and
 * {@link dev.tandem.protocol.message.WireCodec} to turn them into text frames and back.
 */
package dev.tandem.protocol.message;
