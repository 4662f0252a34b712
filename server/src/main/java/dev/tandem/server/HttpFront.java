package dev.tandem.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.Limits;
import dev.tandem.server.TandemServer.StartupException;
import dev.tandem.server.edge.EdgeListeners;
import dev.tandem.server.http.WebApp;
import dev.tandem.server.net.ClientGuards;
import dev.tandem.server.ws.AgentEndpoint;
import dev.tandem.server.ws.Sockets;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * The server's HTTP front: the Javalin application over Jetty with the client guards, the console's
 * files, the listener of {@code edge}, every REST route and socket; and its start, where a port in
 * use or an address that is not this machine's becomes one line for the operator.
 */
final class HttpFront {
    private HttpFront() {
    }

    static Javalin create(ClientGuards guards, ObjectMapper json, EdgeListeners edge, WebApp web, Sockets sockets,
                          Duration heartbeat) {
        return Javalin.create(c -> {
            c.jetty.threadPool = guards.threadPool();
            c.jetty.modifyServer(guards::install);
            c.jetty.modifyHttpConfiguration(guards::configure);
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.concurrency.useVirtualThreads = false;
            c.jsonMapper(new JavalinJackson(json, false));
            c.http.maxRequestSize = TandemServer.MAX_REQUEST_BYTES;
            // Javalin copies every response body to Jetty through a new array this large (by default
            // Jetty's 32 KiB output buffer): most answers are a few hundred bytes of JSON, and Jetty
            // still gathers what is written into its own buffer.
            c.http.responseBufferSize = 8 * 1024;
            c.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/tandem/console";
                files.location = Location.CLASSPATH;
                // join.js and join.css keep their names across releases: always revalidate.
                files.headers = java.util.Map.of("Cache-Control", "no-cache");
            });
            // Jetty's default pool keeps buffers up to 64 KiB only, and a WebSocket connection reads into
            // a buffer of its connector's pool: the phone's 256 KiB read buffer (AgentEndpoint) was
            // allocated afresh, direct and zeroed, for every message of every sharing phone (before
            // AgentEndpoint read 4 KiB at a time until a phone shares, for every message of every
            // phone). One pool whose largest bucket holds it serves the connector and the WebSocket
            // components.
            ArrayByteBufferPool buffers = new ArrayByteBufferPool(0, -1, AgentEndpoint.READ_BUFFER_BYTES);
            edge.configure(c.jetty, buffers);
            c.jetty.modifyServletContextHandler(context -> context.setAttribute(
                    WebSocketServerComponents.WEBSOCKET_BUFFER_POOL_ATTRIBUTE, buffers));
            c.jetty.modifyWebSocketServletFactory(factory -> {
                factory.setMaxTextMessageSize(Limits.MAX_FRAME_BYTES);
                factory.setMaxBinaryMessageSize(Limits.MAX_FRAME_BYTES);
                // Jetty reads 4 KiB at a time by default: a phone's 64 KiB screen frame took 16 reads.
                // The buffer is pooled and returned whenever a connection has nothing left to parse.
                factory.setInputBufferSize(Limits.MAX_FRAME_BYTES);
                factory.setIdleTimeout(heartbeat.multipliedBy(4));
            });
            web.register(c.routes);
            sockets.register(c.routes);
        });
    }

    /** Starts listening; on failure the application and listener are stopped and the cause told in one line. */
    static void start(Javalin app, EdgeListeners edge, ServerConfig config, ScheduledExecutorService timers,
                      Supplier<Optional<URI>> publicUrl) {
        try {
            app.start();
            edge.started(timers, publicUrl);
        } catch (Exception e) {
            app.stop();
            edge.close();
            if (causedBy(e, BindException.class)) {
                boolean redirectPort = edge.isTls() && config.edge().httpPort().isPresent() && app.port() > 0;
                throw new StartupException(redirectPort
                        ? "Port " + config.edge().httpPort().getAsInt() + " (--http-port) is already in use: stop the "
                        + "other program or pick another with --http-port."
                        : "Port " + config.port() + " is already in use: stop the other program or pick another with --port.", e);
            }
            if (causedBy(e, java.net.SocketException.class) || causedBy(e, java.nio.channels.UnresolvedAddressException.class)) {
                throw new StartupException("Cannot listen on " + config.edge().bind().orElse("every interface") + " port "
                        + config.port() + ": check --bind (an address of this machine).", e);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
