package dev.tandem.server.edge;

import dev.tandem.server.net.ClientAddress;
import dev.tandem.server.net.ClientAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who is really on the other end when a trusted proxy forwards a request: reads {@code Forwarded}
 * (RFC 7239), else {@code X-Forwarded-For} with {@code X-Forwarded-Proto}, and walks the hops from
 * the right: every hop that is a trusted proxy is skipped, the first that is not is the client (so
 * a client cannot forge its address by sending the header itself: its value sits left of the hop
 * the proxy added). From an untrusted peer the headers are not read at all. Immutable.
 *
 * @param address the client
 * @param secure  whether the client reached the (first trusted) proxy over HTTPS
 */
public record ForwardedClient(InetAddress address, boolean secure) {

    /**
     * The client behind {@code peer}, given the raw header values (each may be null).
     *
     * @param peer           the address the TCP connection (or its PROXY protocol header) came from
     * @param secureToPeer   whether the connection to this server is HTTPS
     */
    public static ForwardedClient resolve(InetAddress peer, boolean secureToPeer, TrustedProxies trusted,
                                          List<String> forwarded, List<String> forwardedFor,
                                          List<String> forwardedProto) {
        if (!trusted.trusts(peer)) {
            return new ForwardedClient(peer, secureToPeer);
        }
        List<Hop> hops = !forwarded.isEmpty() ? fromForwarded(forwarded) : fromXForwarded(forwardedFor, forwardedProto);
        InetAddress client = peer;
        Optional<String> proto = Optional.empty();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Hop hop = hops.get(i);
            if (hop.address.isEmpty()) {
                break; // "unknown" or an obfuscated name: the nearest known hop stands for the client
            }
            client = hop.address.get();
            if (hop.proto.isPresent()) {
                proto = hop.proto;
            }
            if (!trusted.trusts(client)) {
                break;
            }
        }
        boolean secure = proto.map(p -> p.equals("https") || p.equals("wss")).orElse(secureToPeer);
        return new ForwardedClient(client, secure);
    }

    /**
     * This rule as the server's one {@link ClientAddresses.Source}: every door (sign-in, joins, the
     * sockets, chat requests, limits, audit) asks {@link ClientAddresses}, which asks this. An HTTP
     * request reaches it with the client already in place ({@link ForwardedRequests} applied the same
     * rule at the edge), which is then not a trusted proxy and stays; a socket reaches it with the
     * TCP peer and its upgrade request's headers.
     */
    public static ClientAddresses.Source source(TrustedProxies trusted) {
        if (trusted.isEmpty()) {
            return ClientAddresses.PEER;
        }
        return (peer, headers) -> ClientAddress.of(resolve(peer.inetAddress(), false, trusted, headers.apply("Forwarded"),
                headers.apply("X-Forwarded-For"), headers.apply("X-Forwarded-Proto")).address());
    }

    private record Hop(Optional<InetAddress> address, Optional<String> proto) {
    }

    private static List<Hop> fromForwarded(List<String> headers) {
        List<Hop> hops = new ArrayList<>();
        for (String header : headers) {
            for (String element : header.split(",")) {
                Optional<InetAddress> address = Optional.empty();
                Optional<String> proto = Optional.empty();
                for (String pair : element.split(";")) {
                    int equals = pair.indexOf('=');
                    if (equals < 0) {
                        continue;
                    }
                    String name = pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
                    String value = unquote(pair.substring(equals + 1).strip());
                    if (name.equals("for")) {
                        address = literal(stripPort(value));
                    } else if (name.equals("proto")) {
                        proto = Optional.of(value.toLowerCase(Locale.ROOT));
                    }
                }
                hops.add(new Hop(address, proto));
            }
        }
        return hops;
    }

    private static List<Hop> fromXForwarded(List<String> forwardedFor, List<String> forwardedProto) {
        List<String> addresses = split(forwardedFor);
        List<String> protos = split(forwardedProto);
        List<Hop> hops = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            // Proxies append to both lists, so they line up from the right; a single proto is the last proxy's.
            int p = protos.size() - (addresses.size() - i);
            Optional<String> proto = p >= 0 && p < protos.size() ? Optional.of(protos.get(p).toLowerCase(Locale.ROOT))
                    : i == addresses.size() - 1 && protos.size() == 1 ? Optional.of(protos.get(0).toLowerCase(Locale.ROOT))
                    : Optional.empty();
            hops.add(new Hop(literal(stripPort(addresses.get(i))), proto));
        }
        return hops;
    }

    private static List<String> split(List<String> headers) {
        List<String> values = new ArrayList<>();
        for (String header : headers) {
            for (String value : header.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return values;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code [2001:db8::1]:4711} → {@code 2001:db8::1}; {@code 192.0.2.1:80} → {@code 192.0.2.1}. */
    private static String stripPort(String value) {
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(1, end);
        }
        int colon = value.indexOf(':');
        return colon >= 0 && colon == value.lastIndexOf(':') ? value.substring(0, colon) : value;
    }

    /** An IP literal, never a DNS lookup (a forged header must not make the server ask DNS). */
    private static Optional<InetAddress> literal(String text) {
        if (text.isEmpty() || text.length() > 45 || !text.matches("[0-9A-Fa-f:.]+") || !text.matches(".*[.:].*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
