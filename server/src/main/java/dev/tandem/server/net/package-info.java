/**
 * Who is on the other end: {@link dev.tandem.server.net.ClientAddress} (one canonical form per
 * address, IPv6 counted per /64) and {@link dev.tandem.server.net.ClientAddresses}, the one place a
 * request's or socket's client is decided (where trusted proxies plug in).
 */
package dev.tandem.server.net;
