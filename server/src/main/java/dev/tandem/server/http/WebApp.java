package dev.tandem.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.Links;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.PasswordHasher;
import dev.tandem.server.auth.Passkeys;
import dev.tandem.server.auth.SecondFactors;
import dev.tandem.server.auth.SignIns;
import dev.tandem.server.auth.SingleSignOn;
import dev.tandem.server.auth.SsoAccounts;
import dev.tandem.server.settings.SignInSettings;
import dev.tandem.server.codes.SessionCodes;
import dev.tandem.server.history.SessionHistory;
import dev.tandem.server.events.Events;
import dev.tandem.server.requests.ChatRequests;

import dev.tandem.server.live.LiveSessions;
import dev.tandem.server.live.FileExchanges;
import dev.tandem.server.live.SessionDiagnostics;
import dev.tandem.server.recordings.Recordings;
import dev.tandem.server.records.LogFiles;
import dev.tandem.server.records.LogMail;
import dev.tandem.server.records.SessionNotes;
import dev.tandem.server.replies.CannedReplies;
import dev.tandem.server.mail.MailOutbox;
import dev.tandem.server.net.ClientAddresses;
import dev.tandem.server.settings.Settings;
import dev.tandem.server.store.PortalStore;
import dev.tandem.server.store.SurveyStore;
import dev.tandem.server.store.UserStore;
import dev.tandem.server.surveys.Surveys;
import dev.tandem.server.teams.Availability;
import dev.tandem.server.teams.Transfers;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import dev.tandem.server.view.NodeView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import dev.tandem.server.bus.Bus;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Registers every HTTP route of the server in one place. */
public final class WebApp {
    private final AuthRoutes auth;
    private final TokenRoutes tokens;
    private final SecondFactorRoutes secondFactors;
    private final PasskeyRoutes passkeys;
    private final SsoRoutes sso;
    private final CodeRoutes codes;
    private final SessionRoutes sessions;
    private final RequestRoutes requests;
    private final DiagnosticsRoutes diagnostics;
    private final AdminRoutes admin;
    private final OutboxRoutes outbox;
    private final AuditRoutes auditLog;
    private final SettingsRoutes settings;
    private final HistoryRoutes history;
    private final CannedReplyRoutes replies;
    private final NoteRoutes notes;
    private final SurveyRoutes surveys;
    private final TeamRoutes teams;
    private final FileRoutes files;
    private final RecordingRoutes recordings;
    private final JoinPage join;
    private final AndroidAppRoutes androidApp;
    private final PrometheusMeterRegistry metrics;
    private final MetricsAccess metricsAccess;
    private final byte[] openApi;
    private final SessionCommands commands;
    private final UserStore users;
    private final ObjectMapper json;
    private final Nodes nodes;
    private final Authenticator authenticator;

    /** The services the routes call. */
    public record Services(Accounts accounts, PasswordHasher hasher, UserStore users, PortalStore portals,
                           SessionCodes codes, LiveSessions sessions, MailOutbox mail, Events consoles,
                           Links links, String storeUrl, boolean secureCookies, PrometheusMeterRegistry metrics,
                           AuditLog audit, Settings settings, SessionHistory history, ChatRequests requests,
                           ClientAddresses clients, Optional<String> metricsToken, Identity identity,
                           Records records, Nodes nodes, CannedReplies replies, Surveying surveying,
                           Teams teams) {
    }

    /** Issue 18.2: transfer and collaborate, and the technicians' availability. */
    public record Teams(Transfers transfers, Availability availability) {
    }

    /** The satisfaction survey after a session: asking and answering, and the answers as stored. */
    public record Surveying(Surveys surveys, SurveyStore store, Clock clock) {
    }

    /**
     * This server as one node of several (issue 16): every node's status for administrators, and
     * whether this one is stopping (then {@code /healthz} answers 503, so the load balancer drains it).
     */
    public record Nodes(Supplier<List<NodeView>> list, BooleanSupplier stopping) {
    }

    /** What stays of the sessions: their stored log files, the email that sends them, private notes. */
    public record Records(LogFiles logFiles, LogMail logMail, SessionNotes notes, Recordings recordings) {
    }

    /** The sign-in services of issue 14: second factors, passkeys, single sign-on and their settings. */
    public record Identity(SignIns signIns, SecondFactors factors, Passkeys passkeys, SingleSignOn sso,
                           SsoAccounts ssoAccounts, SignInSettings settings) {
    }

    public WebApp(Services s, ObjectMapper json) {
        Authenticator authenticator = new Authenticator(s.accounts());
        this.authenticator = authenticator;
        this.nodes = s.nodes();
        Bodies bodies = new Bodies(json);
        Identity id = s.identity();
        this.auth = new AuthRoutes(s.accounts(), id.signIns(), id.factors(), authenticator, bodies, s.secureCookies(),
                s.audit(), s.clients());
        this.tokens = new TokenRoutes(s.accounts(), authenticator, bodies, s.consoles(), s.audit(), s.clients());
        this.secondFactors = new SecondFactorRoutes(id.factors(), id.signIns(), id.passkeys(), s.accounts(), s.users(),
                s.consoles(), authenticator, bodies, s.audit(), s.clients());
        this.passkeys = new PasskeyRoutes(id.passkeys(), id.factors(), id.signIns(), s.accounts(), auth, authenticator,
                bodies, s.audit(), s.clients());
        this.sso = new SsoRoutes(id.sso(), id.ssoAccounts(), s.accounts(), auth, s.audit(), s.secureCookies(),
                s.clients());
        this.codes = new CodeRoutes(s.codes(), s.mail(), authenticator, bodies, s.links(), s.storeUrl(), s.audit(),
                s.clients());
        this.commands = new SessionCommands(authenticator, bodies);
        this.users = s.users();
        this.json = json;
        this.sessions = new SessionRoutes(s.sessions(), authenticator, commands);
        this.requests = new RequestRoutes(s.requests(), authenticator, bodies, s.clients());
        this.diagnostics = new DiagnosticsRoutes(s.sessions().feature(SessionDiagnostics.class), s.records(), s.mail(),
                authenticator, s.audit(), commands);
        this.admin = new AdminRoutes(s.portals(), s.users(), s.accounts(), id.factors(), s.consoles(), authenticator, bodies,
                s.audit());
        this.outbox = new OutboxRoutes(s.mail(), authenticator);
        this.auditLog = new AuditRoutes(s.audit(), authenticator);
        this.settings = new SettingsRoutes(s.settings(), id.settings(), s.mail(), s.links(), s.audit(), authenticator,
                bodies, s.records().recordings());
        this.history = new HistoryRoutes(s.history(), authenticator);
        this.recordings = new RecordingRoutes(s.records().recordings(), s.history(), authenticator, s.audit(), json);
        this.replies = new CannedReplyRoutes(s.replies(), authenticator, bodies);
        this.notes = new NoteRoutes(s.records().notes(), authenticator, bodies);
        this.surveys = new SurveyRoutes(s.surveying().surveys(), s.surveying().store(), authenticator, bodies,
                s.surveying().clock());
        this.teams = new TeamRoutes(s.teams().transfers(), s.teams().availability(), authenticator, bodies, commands);
        this.files = new FileRoutes(s.sessions().feature(FileExchanges.class), authenticator, bodies, commands);
        this.androidApp = AndroidAppRoutes.fromEnvironment();
        this.join = new JoinPage(s.codes(), androidApp.downloadLink(s.storeUrl()), s.clients(), s.links());
        this.metrics = s.metrics();
        this.metricsAccess = new MetricsAccess(s.metricsToken(), authenticator);
        this.openApi = resource("/tandem/openapi.json");
    }

    /**
     * In a cluster: the calls that act on a live session go to the node that owns it
     * ({@code ownerOf}: the owner node's id, from the database), and this node answers the calls
     * the other nodes forward here. Before {@link #register}.
     */
    public void forwardToOwners(Bus bus, Function<String, Optional<String>> ownerOf) {
        new OwnerForwarding(bus, ownerOf, users, json, commands);
    }

    public void register(RoutesConfig routes) {
        ErrorResponses.register(routes);
        ErrorResponses.registerSockets(routes);
        routes.get("/healthz", ctx -> {
            if (nodes.stopping().getAsBoolean()) {
                // The load balancer stops sending new connections here; what is open is handed over.
                ctx.status(503).json(Map.of("status", "stopping"));
            } else {
                ctx.json(Map.of("status", "ok"));
            }
        });
        routes.get("/api/v1/nodes", ctx -> {
            authenticator.requireAdmin(ctx);
            ctx.json(nodes.list().get());
        });
        routes.get("/metrics", ctx -> {
            metricsAccess.require(ctx);
            ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape());
        });
        routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        auth.register(routes);
        tokens.register(routes);
        secondFactors.register(routes);
        passkeys.register(routes);
        sso.register(routes);
        codes.register(routes);
        sessions.register(routes);
        commands.register(routes);
        requests.register(routes);
        diagnostics.register(routes);
        admin.register(routes);
        outbox.register(routes);
        auditLog.register(routes);
        settings.register(routes);
        history.register(routes);
        replies.register(routes);
        notes.register(routes);
        surveys.register(routes);
        teams.register(routes);
        files.register(routes);
        recordings.register(routes);
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
