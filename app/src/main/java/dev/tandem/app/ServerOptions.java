package dev.tandem.app;

import dev.tandem.server.edge.EdgeSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Reads the {@code ./tandem server} options that are more than a number or a path. */
final class ServerOptions {
    private ServerOptions() {
    }

    /** {@code --bind}: an address literal or a name of this machine, checked before anything listens. */
    static String bindAddress(String text) {
        String address = text.strip();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        try {
            InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + text + " is not an address: use e.g. 127.0.0.1, ::1 or 0.0.0.0");
        }
        return address;
    }

    /** {@code --access-log output|file|off}. */
    static EdgeSettings.AccessLogTarget accessLog(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "output":
                return EdgeSettings.AccessLogTarget.OUTPUT;
            case "file":
                return EdgeSettings.AccessLogTarget.FILE;
            case "off":
                return EdgeSettings.AccessLogTarget.OFF;
            default:
                throw new IllegalArgumentException("--access-log must be output, file or off, not " + text);
        }
    }
}
