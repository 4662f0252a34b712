package dev.tandem.agent.transport;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;
import dev.tandem.protocol.tls.TrustedCertificates;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} built on Java-WebSocket: TCP_NODELAY on (chat lines and, later, input events
 * must not wait for Nagle), a connect timeout, daemon threads, and Java-WebSocket's own ping timer
 * off because the Tandem protocol has its own heartbeat, and frames masked by {@link BulkMaskingDraft}
 * (the screen streams send megabytes per update). {@code wss://} verifies the server's certificate
 * and host name against the system's authorities and, with {@code --ca-file}, a private CA
 * ({@link TrustedCertificates}). Thread-safe.
 */
public final class WebSocketTransport implements Transport {
    /** How long a TCP connect may take before it counts as failed. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(WebSocketTransport.class);

    private final int connectTimeoutMillis;
    private final TrustedCertificates trust;
    private volatile SSLSocketFactory tls;

    private WebSocketTransport(Duration connectTimeout, TrustedCertificates trust) {
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.trust = trust;
    }

    public static WebSocketTransport create() {
        return create(DEFAULT_CONNECT_TIMEOUT);
    }

    public static WebSocketTransport create(Duration connectTimeout) {
        return create(connectTimeout, TrustedCertificates.system());
    }

    /** A transport whose {@code wss://} connections trust {@code trust}'s authorities. */
    public static WebSocketTransport create(TrustedCertificates trust) {
        return create(DEFAULT_CONNECT_TIMEOUT, trust);
    }

    public static WebSocketTransport create(Duration connectTimeout, TrustedCertificates trust) {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("The connect timeout must be positive");
        }
        return new WebSocketTransport(connectTimeout, trust);
    }

    @Override
    public Connection connect(URI url, ConnectionListener listener) {
        Client client = new Client(url, connectTimeoutMillis, listener);
        if ("wss".equalsIgnoreCase(url.getScheme())) {
            // Java-WebSocket opens the TLS socket from this factory and sets HTTPS host-name checking on it.
            client.setSocketFactory(tlsSockets());
        }
        client.connect();
        return client.connection;
    }

    @Override
    public SSLSocketFactory tls() {
        return tlsSockets();
    }

    private SSLSocketFactory tlsSockets() {
        SSLSocketFactory factory = tls;
        if (factory == null) {
            factory = trust.sslContext().getSocketFactory();
            tls = factory;
        }
        return factory;
    }

    /** One Java-WebSocket client; kept private so callers only see {@link Connection}. */
    private static final class Client extends WebSocketClient {
        private final ConnectionListener listener;
        private final Connection connection = new Connection() {
            @Override
            public void send(String text) {
                sendText(text);
            }

            @Override
            public void send(ByteBuffer binary) {
                sendBinary(binary);
            }

            @Override
            public void close(int code, String reason) {
                requestClose(code, reason);
            }
        };
        private volatile boolean closeRequested;
        private volatile int closeCode;
        private volatile String closeReason = "";

        Client(URI url, int connectTimeoutMillis, ConnectionListener listener) {
            super(url, new BulkMaskingDraft(), null, connectTimeoutMillis);
            this.listener = listener;
            setTcpNoDelay(true);
            setConnectionLostTimeout(0);
            setDaemon(true);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            if (closeRequested) {
                shut(closeCode, closeReason);
                return;
            }
            listener.onOpen();
        }

        @Override
        public void onMessage(String text) {
            listener.onText(text);
        }

        @Override
        public void onMessage(ByteBuffer binary) {
            listener.onBinary(binary);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            listener.onClose(code, reason == null ? "" : reason, remote);
        }

        @Override
        public void onError(Exception error) {
            listener.onError(error);
        }

        private void sendText(String text) {
            try {
                send(text);
            } catch (WebsocketNotConnectedException e) {
                log.debug("Dropped a frame for a connection that is not open");
            }
        }

        private void sendBinary(ByteBuffer binary) {
            try {
                send(binary);
            } catch (WebsocketNotConnectedException e) {
                log.debug("Dropped a binary frame for a connection that is not open");
            }
        }

        private void requestClose(int code, String reason) {
            closeCode = code;
            closeReason = reason == null ? "" : reason;
            closeRequested = true;
            if (isOpen()) {
                shut(code, closeReason);
                return;
            }
            // Still connecting: closing the socket makes the connect fail at once instead of after
            // the timeout; if the handshake wins the race, onOpen sees closeRequested.
            Socket socket = getSocket();
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    log.debug("Closing a connecting socket failed", e);
                }
            }
        }

        private void shut(int code, String reason) {
            // close() queues the close frame; closeConnection() then releases the socket once the
            // writer has flushed it, without waiting for the peer's echo.
            close(code, reason);
            closeConnection(code, reason);
        }
    }
}
