package dev.tandem.agent.transport;

import java.net.URI;
import javax.net.ssl.SSLSocketFactory;

/** Opens WebSocket connections. Implementations are thread-safe. */
public interface Transport {

    /**
     * Starts connecting to {@code url} ({@code ws://} or {@code wss://}) and returns at once. The
     * listener then hears {@link ConnectionListener#onOpen()} or, when the connection cannot be made,
     * {@link ConnectionListener#onClose} with a code of its own (no exception is thrown for network
     * trouble).
     */
    Connection connect(URI url, ConnectionListener listener);

    /**
     * The TLS sockets of this transport's trust, for the session's few plain HTTPS requests (the
     * satisfaction survey's answer), so they trust exactly what the socket does.
     */
    default SSLSocketFactory tls() {
        return (SSLSocketFactory) SSLSocketFactory.getDefault();
    }
}
