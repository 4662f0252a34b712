/**
 * How a Tandem client trusts a server over TLS: the system's certificate authorities plus, with
 * {@code --ca-file}, a private CA's. Shared by every client ({@code ./tandem device}, {@code vnc},
 * {@code bench}, the Android app) and by the server's own outgoing connections (SMTP). Java 11,
 * no {@code java.nio.file}, so it runs on Android unchanged; depends on nothing else.
 */
package dev.tandem.protocol.tls;
