package dev.tandem.server.edge;

import dev.tandem.server.LogText;
import dev.tandem.server.store.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request in the NCSA combined format, plus the time taken in milliseconds:
 * {@code 203.0.113.9 - - [05/Dec/2026:22:05:01 +0000] "GET /api/v1/sessions HTTP/1.1" 200 512 "-" "curl/8.5" 3}.
 * The client is the real one (after the PROXY protocol and {@link ForwardedRequests}); the path is
 * logged without its query string (a viewer's token travels there) and with session codes masked;
 * the referrer is never logged and the user agent is escaped, so no line can be forged. Lines go to
 * the {@code tandem.access} logger (the server's output) or to {@code <data>/access.log}.
 * Thread-safe.
 */
public final class AccessLog implements RequestLog, AutoCloseable {
    private static final Logger OUTPUT = LoggerFactory.getLogger("tandem.access");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern CODE = Pattern.compile("(?<=/)\\d{9}(?=/|$)");
    /** Shared by every request thread; a race only formats the same second twice. */
    private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "");
    private final OutputStream file;

    private AccessLog(OutputStream file) {
        this.file = file;
    }

    /** The access log {@code target} asks for; empty for {@link EdgeSettings.AccessLogTarget#OFF}. */
    static java.util.Optional<AccessLog> open(EdgeSettings.AccessLogTarget target, Path dataDir) {
        switch (target) {
            case OFF:
                return java.util.Optional.empty();
            case FILE:
                Path path = PrivateFiles.directory(dataDir).resolve("access.log");
                try {
                    if (!Files.exists(path)) {
                        PrivateFiles.write(path, new byte[0]);
                    }
                    return java.util.Optional.of(new AccessLog(Files.newOutputStream(path, StandardOpenOption.APPEND)));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot open the access log " + path, e);
                }
            default:
                return java.util.Optional.of(new AccessLog(null));
        }
    }

    @Override
    public void log(Request request, Response response) {
        String line = line(request, response);
        if (file == null) {
            OUTPUT.info(line);
            return;
        }
        synchronized (this) {
            try {
                file.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                file.flush();
            } catch (IOException e) {
                OUTPUT.warn("Cannot write the access log: {}", e.getMessage());
            }
        }
    }

    static String line(Request request, Response response) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        String client = remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : "-";
        String path = masked(request.getHttpURI().getPath() == null ? "/" : request.getHttpURI().getPath());
        long millis = TimeUnit.NANOSECONDS.toMillis(NanoTime.since(request.getBeginNanoTime()));
        return client + " - - [" + time(Request.getTimeStamp(request)) + "] \""
                + LogText.escape(request.getMethod()) + " " + LogText.escape(path) + " "
                + LogText.escape(request.getConnectionMetaData().getProtocol()) + "\" " + response.getStatus() + " "
                + Response.getContentBytesWritten(response) + " \"-\" \""
                + LogText.escape(request.getHeaders().get("User-Agent")) + "\" " + millis;
    }

    /**
     * The path with session codes masked. Every request passes here: the regular expression runs
     * only for a path that has nine digits in a row, which few have.
     */
    static String masked(String path) {
        int run = 0;
        for (int i = 0; i < path.length(); i++) {
            run = Character.isDigit(path.charAt(i)) ? run + 1 : 0;
            if (run == 9) {
                return CODE.matcher(path).replaceAll("*********");
            }
        }
        return path;
    }

    /** The request's second, formatted once per second rather than once per request. */
    private static String time(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        Second last = lastSecond;
        if (last.second() != second) {
            last = new Second(second, TIME.format(Instant.ofEpochSecond(second)));
            lastSecond = last;
        }
        return last.text();
    }

    private record Second(long second, String text) {
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
