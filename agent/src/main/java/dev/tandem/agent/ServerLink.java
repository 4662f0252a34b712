package dev.tandem.agent;

import dev.tandem.agent.transport.Transport;
import dev.tandem.protocol.Limits;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.protocol.message.WireCodec;
import dev.tandem.protocol.stream.StreamFrame;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a session connected to the server: one {@link ConnectionAttempt} at a time, a hello on each
 * new connection, messages in and out as protocol objects, the heartbeat watchdog and the reconnect
 * back-off. What a close means for the session is the session's decision. Confined to the session
 * loop.
 */
final class ServerLink {
    private static final Logger log = LoggerFactory.getLogger(ServerLink.class);

    /** The session's side, called on the session loop. */
    interface Events {
        /** What to introduce the device with on a connection that just opened. */
        AgentMessage.Hello hello();

        void received(ServerMessage message);

        /** A binary frame: bytes of one screen stream. */
        void received(StreamFrame frame);

        /**
         * The connection is gone: closed by either side, never made, or found dead by the watchdog
         * (then {@code code} is 4408). {@code failure} describes it in a sentence for the customer.
         */
        void closed(int code, String reason, String failure);
    }

    private final ServerAddress server;
    private final Transport transport;
    private final SessionLoop loop;
    private final Events events;
    private final WireCodec codec = WireCodec.create();
    private final Heartbeat heartbeat = new Heartbeat(Limits.HEARTBEAT_SECONDS);
    private final ReconnectSchedule reconnects = new ReconnectSchedule(new Random());
    private final ConnectionAttempt.Events attemptEvents = new ConnectionAttempt.Events() {
        @Override
        public void opened(ConnectionAttempt attempt) {
            if (attempt == current) {
                heartbeat.heard(System.nanoTime());
                send(events.hello());
            }
        }

        @Override
        public void received(ConnectionAttempt attempt, String frame) {
            if (attempt == current) {
                heartbeat.heard(System.nanoTime());
                decode(frame);
            }
        }

        @Override
        public void received(ConnectionAttempt attempt, ByteBuffer frame) {
            if (attempt == current) {
                heartbeat.heard(System.nanoTime());
                try {
                    events.received(StreamFrame.decode(frame));
                } catch (ProtocolException e) {
                    log.warn("Ignoring a binary frame this agent does not understand: {}", e.getMessage());
                }
            }
        }

        @Override
        public void closed(ConnectionAttempt attempt, int code, String reason, boolean remote) {
            if (attempt == current) {
                log.debug("Connection closed: {} '{}' (by the server: {})", code, reason, remote);
                lose(attempt, code, reason);
            }
        }
    };

    private ConnectionAttempt current;
    private int attempts;
    private boolean stopped;
    private ScheduledFuture<?> watchdog;
    private ScheduledFuture<?> retry;

    ServerLink(ServerAddress server, Transport transport, SessionLoop loop, Events events) {
        this.server = server;
        this.transport = transport;
        this.loop = loop;
        this.events = events;
    }

    /** Opens a new connection now. */
    void connect() {
        if (stopped) {
            return;
        }
        heartbeat.heard(System.nanoTime());
        current = ConnectionAttempt.start(transport, server, loop, attemptEvents);
        armWatchdog();
    }

    /** Sends on the current connection; dropped when there is none (the caller re-sends after a resume). */
    void send(AgentMessage message) {
        if (current != null) {
            current.send(codec.encode(message));
        }
    }

    /**
     * Where a screen stream writes its binary frames: the connection that is current now. The sink
     * is safe from any thread and keeps writing to that connection only; after a reconnect the
     * stream is gone anyway (streams end with their connection). Like {@link
     * dev.tandem.agent.transport.Connection#send(ByteBuffer)}, the sink is done with a frame's
     * buffer when it returns.
     */
    Consumer<ByteBuffer> binarySink() {
        ConnectionAttempt attempt = current;
        return attempt == null ? frame -> { } : attempt::sendBinary;
    }

    /** The server let the device in: adopt its heartbeat and start the back-off afresh. */
    void welcomed(int heartbeatSeconds) {
        attempts = 0;
        if (heartbeat.adopt(heartbeatSeconds)) {
            armWatchdog();
        }
    }

    /** Schedules the next connection attempt after the back-off, and returns that delay. */
    Duration reconnectLater() {
        attempts++;
        Duration delay = reconnects.delayBefore(attempts);
        retry = loop.schedule(this::connect, delay);
        return delay;
    }

    /** The number of the attempt {@link #reconnectLater()} last scheduled (1, 2, ...). */
    int attempts() {
        return attempts;
    }

    /** Stops for good: timers cancelled, the connection closed with {@code code} and {@code reason}. */
    void stop(int code, String reason) {
        stopped = true;
        SessionLoop.cancel(watchdog);
        SessionLoop.cancel(retry);
        ConnectionAttempt attempt = current;
        current = null;
        if (attempt != null) {
            attempt.close(code, reason);
        }
    }

    private void decode(String frame) {
        try {
            events.received(codec.decodeServer(frame));
        } catch (ProtocolException e) {
            log.warn("Ignoring a frame this agent does not understand: {}", e.getMessage());
        }
    }

    private void lose(ConnectionAttempt attempt, int code, String reason) {
        current = null;
        SessionLoop.cancel(watchdog);
        events.closed(code, reason, attempt.describeFailure(code, reason));
    }

    private void armWatchdog() {
        SessionLoop.cancel(watchdog);
        watchdog = loop.every(this::checkSilence, heartbeat.checkInterval());
    }

    private void checkSilence() {
        ConnectionAttempt attempt = current;
        if (attempt == null) {
            return;
        }
        switch (heartbeat.check(System.nanoTime())) {
            case DEAD:
                String reason = heartbeat.deadReason();
                log.info("{} Reconnecting.", reason);
                int code = TandemStatus.HEARTBEAT_TIMEOUT.closeCode();
                attempt.close(code, reason);
                lose(attempt, code, reason);
                break;
            case PING:
                send(new AgentMessage.Ping());
                break;
            default:
                break;
        }
    }
}
