package dev.tandem.server.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A client's IP address in one canonical form, so that every door counts the same client the same
 * way: {@code [::1]}, {@code ::1} and {@code 0:0:0:0:0:0:0:1} are one address, an IPv4-mapped IPv6
 * address ({@code ::ffff:192.0.2.7}) is its IPv4 address, and a zone ({@code %eth0}) is dropped.
 *
 * <p>{@link #text()} is the address as people read it (RFC 5952 for IPv6). {@link #limitKey()} is
 * what limits count: the address itself for IPv4, the /64 network for IPv6, because one IPv6
 * subscriber usually holds a whole /64 and could otherwise take a new address for every attempt.
 *
 * <p>Immutable; equal when the canonical texts are equal.
 */
public final class ClientAddress {
    private final byte[] bytes;
    private final String text;
    private final String limitKey;

    private ClientAddress(byte[] bytes) {
        this.bytes = bytes;
        if (bytes.length == 4) {
            this.text = ipv4(bytes);
            this.limitKey = text;
        } else {
            this.text = ipv6(bytes);
            byte[] network = Arrays.copyOf(bytes, 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            this.limitKey = ipv6(network) + "/64";
        }
    }

    /** The canonical form of {@code address}. */
    public static ClientAddress of(InetAddress address) {
        byte[] raw = address.getAddress();
        if (address instanceof Inet6Address && isIpv4Mapped(raw)) {
            raw = Arrays.copyOfRange(raw, 12, 16);
        }
        return new ClientAddress(raw);
    }

    /**
     * The address of a connection's peer; empty when it is not an IP socket address (or the name was
     * never resolved, which Jetty's sockets never do).
     */
    public static Optional<ClientAddress> of(SocketAddress peer) {
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return Optional.of(of(inet.getAddress()));
        }
        return Optional.empty();
    }

    /**
     * Parses an IP literal: dotted IPv4 ({@code 192.0.2.7}), or IPv6 with or without brackets, in any
     * of its spellings, with an optional zone. Never looks a name up: anything else is empty. This is
     * what a header such as {@code X-Forwarded-For} must be read with.
     */
    public static Optional<ClientAddress> parse(String literal) {
        if (literal == null) {
            return Optional.empty();
        }
        String s = literal.strip();
        if (s.length() > 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']') {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > 100) {
            return Optional.empty();
        }
        if (s.indexOf(':') < 0) {
            return parseIpv4(s).map(ClientAddress::new);
        }
        int zone = s.indexOf('%');
        String body = zone < 0 ? s : s.substring(0, zone);
        if (zone >= 0 && !s.substring(zone + 1).matches("[A-Za-z0-9._-]{1,32}")) {
            return Optional.empty();
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return Optional.empty();
            }
        }
        try {
            // With brackets and only hex digits, colons and dots, this parses a literal and never asks DNS.
            return Optional.of(of(InetAddress.getByName("[" + body + "]")));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The address as people read it: dotted IPv4, or IPv6 as RFC 5952 writes it. */
    public String text() {
        return text;
    }

    /** What per-address limits count: the IPv4 address, or the IPv6 /64 network ({@code 2001:db8:1:2::/64}). */
    public String limitKey() {
        return limitKey;
    }

    public boolean isIpv6() {
        return bytes.length == 16;
    }

    /** The address as a Java {@link InetAddress} (for comparisons with configured networks). */
    public InetAddress inetAddress() {
        try {
            return InetAddress.getByAddress(bytes.clone());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientAddress that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean isIpv4Mapped(byte[] raw) {
        if (raw.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return raw[10] == (byte) 0xff && raw[11] == (byte) 0xff;
    }

    private static Optional<byte[]> parseIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] raw = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3) {
                return Optional.empty();
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                char c = part.charAt(j);
                if (c < '0' || c > '9') {
                    return Optional.empty();
                }
                value = value * 10 + (c - '0');
            }
            if (value > 255) {
                return Optional.empty();
            }
            raw[i] = (byte) value;
        }
        return Optional.of(raw);
    }

    private static String ipv4(byte[] raw) {
        return (raw[0] & 0xff) + "." + (raw[1] & 0xff) + "." + (raw[2] & 0xff) + "." + (raw[3] & 0xff);
    }

    /** RFC 5952: lower-case hex, no leading zeros, the longest run of two or more zero groups as "::". */
    private static String ipv6(byte[] raw) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((raw[2 * i] & 0xff) << 8) | (raw[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
