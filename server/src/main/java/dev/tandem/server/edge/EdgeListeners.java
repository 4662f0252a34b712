package dev.tandem.server.edge;

import io.javalin.config.JettyConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ProxyConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server's listeners as {@link EdgeSettings} describe them: the main port (HTTP, or HTTPS with
 * the certificate reloaded on renewal; PROXY protocol first when asked), bound to {@code --bind};
 * the request customizers that resolve the real client and add the security headers; the access
 * log; and the plain-HTTP redirect port. Not thread-safe: configure once, then start and stop.
 */
public final class EdgeListeners implements AutoCloseable {
    /** How often the certificate files are looked at; a renewal is served within two of these. */
    static final long RELOAD_CHECK_SECONDS = 5;
    private final EdgeSettings settings;
    private final int port;
    private final Optional<ServerCertificate> certificate;
    private final Optional<AccessLog> accessLog;
    private SslContextFactory.Server ssl;
    private ServerConnector main;
    private Server redirect;
    private ServerConnector redirectConnector;

    private EdgeListeners(EdgeSettings settings, int port, Optional<ServerCertificate> certificate,
                          Optional<AccessLog> accessLog) {
        this.settings = settings;
        this.port = port;
        this.certificate = certificate;
        this.accessLog = accessLog;
    }

    /**
     * Reads the certificate (a bad pair fails here, before anything listens) and opens the access log.
     *
     * @throws IllegalArgumentException with a sentence for the operator
     */
    public static EdgeListeners prepare(EdgeSettings settings, int port, Path dataDir) {
        Optional<ServerCertificate> certificate = settings.tls().map(ServerCertificate::read);
        return new EdgeListeners(settings, port, certificate, AccessLog.open(settings.accessLog(), dataDir));
    }

    public boolean isTls() {
        return certificate.isPresent();
    }

    /**
     * Adds the main connector, the customizers and the access log to Javalin's Jetty. The connector's
     * {@code buffers} are the ones its HTTP exchanges and the WebSocket connections it upgrades read into.
     */
    public void configure(JettyConfig jetty, ByteBufferPool buffers) {
        jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            // Requests and WebSocket frames are read into heap buffers. Jetty unmasks every frame a phone
            // sends (RFC 6455 requires clients to mask) where it was read, four bytes at a time; on heap
            // buffers the relay of a shared screen cost the server about a tenth less CPU per GB and went
            // from 0.43-0.49x to 0.53-0.55x of a direct TCP copy (bench relay, four pairs).
            http.setUseInputDirectByteBuffers(false);
            if (certificate.isPresent()) {
                SecureRequestCustomizer secure = new SecureRequestCustomizer();
                // Clients reaching the server by IP send no SNI; names are checked by the certificate itself.
                secure.setSniHostCheck(false);
                http.addCustomizer(secure);
            }
            http.addCustomizer(new ForwardedRequests(settings.trustedProxies()));
            http.addCustomizer(new SecurityHeaders());
        });
        jetty.addConnector((server, http) -> {
            List<ConnectionFactory> factories = new ArrayList<>();
            HttpConnectionFactory plain = new HttpConnectionFactory(http);
            String next = plain.getProtocol();
            if (certificate.isPresent()) {
                ssl = new SslContextFactory.Server();
                ssl.setKeyStore(certificate.get().keyStore());
                ssl.setKeyStorePassword(ServerCertificate.STORE_PASSWORD);
                ssl.setKeyManagerPassword(ServerCertificate.STORE_PASSWORD);
                ssl.setCertAlias(ServerCertificate.ALIAS);
                SslConnectionFactory tls = new SslConnectionFactory(ssl, plain.getProtocol());
                next = tls.getProtocol();
                factories.add(tls);
            }
            if (settings.proxyProtocol()) {
                factories.add(0, new ProxyConnectionFactory(next));
            }
            factories.add(plain);
            main = new ServerConnector(server, null, null, buffers, -1, -1, factories.toArray(new ConnectionFactory[0]));
            settings.bind().ifPresent(main::setHost);
            main.setPort(port);
            return main;
        });
        accessLog.ifPresent(log -> jetty.modifyServer(server -> server.setRequestLog(log)));
    }

    /**
     * After the main port is listening: starts the redirect port (with TLS and {@code --http-port})
     * and the certificate's reload check on {@code timers}.
     *
     * @throws Exception when the redirect port cannot be opened (a {@link java.net.BindException} when taken)
     */
    public void started(ScheduledExecutorService timers, Supplier<Optional<URI>> publicUrl) throws Exception {
        if (certificate.isPresent() && settings.tls().isPresent()) {
            CertificateReload reload = new CertificateReload(settings.tls().get(), ssl);
            timers.scheduleWithFixedDelay(reload::check, RELOAD_CHECK_SECONDS, RELOAD_CHECK_SECONDS, TimeUnit.SECONDS);
        }
        if (certificate.isPresent() && settings.httpPort().isPresent()) {
            QueuedThreadPool threads = new QueuedThreadPool(8, 1);
            threads.setName("tandem-redirect");
            threads.setDaemon(true);
            redirect = new Server(threads);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.addCustomizer(new ForwardedRequests(settings.trustedProxies()));
            HttpConnectionFactory plain = new HttpConnectionFactory(http);
            redirectConnector = settings.proxyProtocol()
                    ? new ServerConnector(redirect, 1, 1, new ProxyConnectionFactory(plain.getProtocol()), plain)
                    : new ServerConnector(redirect, 1, 1, plain);
            settings.bind().ifPresent(redirectConnector::setHost);
            redirectConnector.setPort(settings.httpPort().getAsInt());
            redirect.addConnector(redirectConnector);
            redirect.setHandler(new HttpsRedirect(publicUrl, () -> main.getLocalPort()));
            accessLog.ifPresent(redirect::setRequestLog);
            try {
                redirect.start();
            } catch (Exception e) {
                redirect.stop();
                redirect = null;
                throw e;
            }
        }
    }

    /** The plain-HTTP redirect port, once started. */
    public Optional<Integer> redirectPort() {
        return redirectConnector == null || redirect == null ? Optional.empty() : Optional.of(redirectConnector.getLocalPort());
    }

    @Override
    public void close() {
        if (redirect != null) {
            try {
                redirect.stop();
            } catch (Exception e) {
                // stopping anyway
            }
            redirect = null;
        }
        accessLog.ifPresent(AccessLog::close);
    }
}
