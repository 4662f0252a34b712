package dev.tandem.agent;

import dev.tandem.agent.transport.Connection;
import dev.tandem.agent.transport.ConnectionListener;
import dev.tandem.agent.transport.Transport;
import java.nio.ByteBuffer;

/**
 * One connection to the server, from connecting to closed. It moves the transport's events onto the
 * session loop, and the session ignores events from an attempt that is no longer its current one,
 * so a late close from a connection it already gave up can never disturb the next.
 *
 * <p>Threading: the {@link ConnectionListener} methods run on the transport's threads and only post
 * to the loop; everything else is confined to the session loop, except {@link #sendBinary}.
 */
final class ConnectionAttempt implements ConnectionListener {

    /** The session's side, called on the session loop. */
    interface Events {
        void opened(ConnectionAttempt attempt);

        void received(ConnectionAttempt attempt, String frame);

        void received(ConnectionAttempt attempt, ByteBuffer frame);

        void closed(ConnectionAttempt attempt, int code, String reason, boolean remote);
    }

    private final ServerAddress server;
    private final SessionLoop loop;
    private final Events events;
    private volatile Connection connection;
    private Exception error;

    private ConnectionAttempt(ServerAddress server, SessionLoop loop, Events events) {
        this.server = server;
        this.loop = loop;
        this.events = events;
    }

    /** Starts connecting; call on the session loop. A transport that throws counts as a failed connect. */
    static ConnectionAttempt start(Transport transport, ServerAddress server, SessionLoop loop, Events events) {
        ConnectionAttempt attempt = new ConnectionAttempt(server, loop, events);
        try {
            attempt.connection = transport.connect(server.agentSocket(), attempt);
        } catch (RuntimeException e) {
            attempt.error = e;
            loop.post(() -> events.closed(attempt, NEVER_CONNECTED, "", false));
        }
        return attempt;
    }

    void send(String frame) {
        if (connection != null) {
            connection.send(frame);
        }
    }

    /** Sends a binary frame; unlike the rest, safe from any thread (the screen streams write from theirs). */
    void sendBinary(ByteBuffer frame) {
        Connection open = connection;
        if (open != null) {
            open.send(frame);
        }
    }

    void close(int code, String reason) {
        if (connection != null) {
            connection.close(code, reason);
        }
    }

    /** A sentence for the customer when this attempt ended in a failure outside the protocol. */
    String describeFailure(int code, String reason) {
        if (code == NEVER_CONNECTED && isTls(error)) {
            return "Cannot reach the Tandem server at " + server + " securely: its TLS certificate is not trusted or"
                    + " not made out to this name. For a server whose certificate a private CA signed, give that CA"
                    + " with --ca-file.";
        }
        if (code == NEVER_CONNECTED) {
            String cause = error != null && error.getMessage() != null ? error.getMessage() : reason;
            return "Cannot reach the Tandem server at " + server
                    + (cause == null || cause.isEmpty() ? "" : " (" + cause + ")")
                    + ". Check the server address and the network.";
        }
        return "The connection to the Tandem server at " + server + " failed (close code " + code
                + (reason == null || reason.isEmpty() ? "" : ": " + reason) + ").";
    }

    private static boolean isTls(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onOpen() {
        loop.post(() -> events.opened(this));
    }

    @Override
    public void onText(String text) {
        loop.post(() -> events.received(this, text));
    }

    @Override
    public void onBinary(ByteBuffer frame) {
        loop.post(() -> events.received(this, frame));
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        loop.post(() -> events.closed(this, code, reason, remote));
    }

    @Override
    public void onError(Exception failure) {
        // Posted before the close that follows it, so describeFailure sees it.
        loop.post(() -> {
            if (error == null) {
                error = failure;
            }
        });
    }
}
