/**
 * The binary frames of the agent socket: screen streams multiplexed by channel and stream id
 * ({@link dev.tandem.protocol.stream.StreamFrame}). Java 11, no dependencies.
 */
package dev.tandem.protocol.stream;
