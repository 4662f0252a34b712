/**
 * The language the customer agent and the server speak: session-code format, protocol version,
 * the one status table that maps every refusal to HTTP, WebSocket close and CLI exit codes, and the
 * JSON codec. Java 11 and Jackson only: this module is shared with the Android app and must not
 * depend on the server, on AWT or on {@code java.net.http}.
 */
package dev.tandem.protocol;
