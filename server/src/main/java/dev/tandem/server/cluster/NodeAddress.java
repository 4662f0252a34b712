package dev.tandem.server.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** Where this node can be reached: {@code host:port}, written to {@code nodes.address}. */
public final class NodeAddress {
    private NodeAddress() {
    }

    /**
     * The listener's address when {@code --bind} names one (other than every interface), else this
     * machine's name; with the port the server listens on.
     */
    public static String of(Optional<String> bind, int port) {
        String host = bind.filter(b -> !b.equals("0.0.0.0") && !b.equals("::") && !b.equals("0:0:0:0:0:0:0:0"))
                .orElseGet(NodeAddress::hostName);
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
