package dev.tandem.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.Links;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.PasswordHasher;
import dev.tandem.server.codes.SessionCodes;
import dev.tandem.server.history.SessionHistory;
import dev.tandem.server.live.ConsoleHub;
import dev.tandem.server.requests.ChatRequests;
import dev.tandem.server.requests.RequestRoutes;
import dev.tandem.server.live.LiveSessions;
import dev.tandem.server.mail.MailOutbox;
import dev.tandem.server.net.ClientAddresses;
import dev.tandem.server.settings.Settings;
import dev.tandem.server.store.PortalStore;
import dev.tandem.server.store.UserStore;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Registers every HTTP route of the server in one place. */
public final class WebApp {
    private final AuthRoutes auth;
    private final CodeRoutes codes;
    private final SessionRoutes sessions;
    private final RequestRoutes requests;
    private final DiagnosticsRoutes diagnostics;
    private final AdminRoutes admin;
    private final OutboxRoutes outbox;
    private final AuditRoutes auditLog;
    private final SettingsRoutes settings;
    private final HistoryRoutes history;
    private final JoinPage join;
    private final AndroidAppRoutes androidApp;
    private final PrometheusMeterRegistry metrics;
    private final byte[] openApi;

    /** The services the routes call. */
    public record Services(Accounts accounts, PasswordHasher hasher, UserStore users, PortalStore portals,
                           SessionCodes codes, LiveSessions sessions, MailOutbox mail, ConsoleHub consoles,
                           Links links, String storeUrl, boolean secureCookies, PrometheusMeterRegistry metrics,
                           AuditLog audit, Settings settings, SessionHistory history, ChatRequests requests,
                           ClientAddresses clients) {
    }

    public WebApp(Services s, ObjectMapper json) {
        Authenticator authenticator = new Authenticator(s.accounts());
        Bodies bodies = new Bodies(json);
        this.auth = new AuthRoutes(s.accounts(), authenticator, bodies, s.consoles(), s.secureCookies(), s.audit(), s.clients());
        this.codes = new CodeRoutes(s.codes(), s.mail(), authenticator, bodies, s.links(), s.storeUrl(), s.audit(), s.clients());
        this.sessions = new SessionRoutes(s.sessions(), authenticator, bodies);
        this.requests = new RequestRoutes(s.requests(), authenticator, bodies, s.clients());
        this.diagnostics = new DiagnosticsRoutes(s.sessions().diagnostics(), authenticator, bodies, s.audit());
        this.admin = new AdminRoutes(s.portals(), s.users(), s.accounts(), s.hasher(), s.consoles(), authenticator, bodies,
                s.audit());
        this.outbox = new OutboxRoutes(s.mail(), authenticator);
        this.auditLog = new AuditRoutes(s.audit(), authenticator);
        this.settings = new SettingsRoutes(s.settings(), s.mail(), s.links(), s.audit(), authenticator, bodies);
        this.history = new HistoryRoutes(s.history(), authenticator);
        this.androidApp = AndroidAppRoutes.fromEnvironment();
        this.join = new JoinPage(s.codes(), androidApp.downloadLink(s.storeUrl()), s.clients());
        this.metrics = s.metrics();
        this.openApi = resource("/tandem/openapi.json");
    }

    public void register(RoutesConfig routes) {
        ErrorResponses.register(routes);
        ErrorResponses.registerSockets(routes);
        routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
        routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        auth.register(routes);
        codes.register(routes);
        sessions.register(routes);
        requests.register(routes);
        diagnostics.register(routes);
        admin.register(routes);
        outbox.register(routes);
        auditLog.register(routes);
        settings.register(routes);
        history.register(routes);
        join.register(routes);
        androidApp.register(routes);
    }

    private static byte[] resource(String path) {
        try (InputStream in = WebApp.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
