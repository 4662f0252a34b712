package dev.tandem.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 client that connects from a chosen loopback address (127.0.0.2, 127.0.0.3, …), so a
 * test can be several customers on one machine. One request per connection.
 */
public final class LocalClient {
    private final InetAddress from;

    private LocalClient(InetAddress from) {
        this.from = from;
    }

    public static LocalClient from(String loopbackAddress) {
        try {
            return new LocalClient(InetAddress.getByName(loopbackAddress));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code GET path} with {@code extraHeaders} (each "Name: value") to 127.0.0.1:port; status, body, head. */
    public String[] get(int port, String path, String... extraHeaders) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\n");
            for (String header : extraHeaders) {
                request.append(header).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String status = response.substring(9, 12);
            int body = response.indexOf("\r\n\r\n");
            return new String[] {status, body < 0 ? "" : response.substring(body + 4),
                body < 0 ? response : response.substring(0, body)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
