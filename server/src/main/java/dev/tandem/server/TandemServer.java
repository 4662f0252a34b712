package dev.tandem.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tandem.protocol.Limits;
import dev.tandem.protocol.message.WireCodec;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.audit.AuditStore;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.PasswordHasher;
import dev.tandem.server.auth.PasswordRules;
import dev.tandem.server.auth.Passkeys;
import dev.tandem.server.auth.SecondFactors;
import dev.tandem.server.auth.SignIns;
import dev.tandem.server.auth.SingleSignOn;
import dev.tandem.server.auth.SsoAccounts;
import dev.tandem.server.settings.SignInSettings;
import dev.tandem.server.recordings.Recordings;
import dev.tandem.server.store.PasskeyStore;
import dev.tandem.server.store.RecordingStore;
import dev.tandem.server.store.SecondFactorStore;
import dev.tandem.server.store.SignInFlowStore;
import java.net.URI;
import dev.tandem.server.cluster.Node;
import dev.tandem.server.cluster.NodeAddress;
import dev.tandem.server.cluster.Nodes;
import dev.tandem.server.cluster.SessionOwners;
import dev.tandem.server.cluster.TimerLeader;
import dev.tandem.server.codes.SessionCodes;
import dev.tandem.server.edge.EdgeListeners;
import dev.tandem.server.edge.ForwardedClient;
import dev.tandem.server.edge.ServerCertificate;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.history.SessionHistory;
import dev.tandem.server.records.SessionNotes;
import dev.tandem.server.replies.CannedReplies;
import dev.tandem.server.store.CannedReplyStore;
import dev.tandem.server.store.SessionNoteStore;
import dev.tandem.server.http.WebApp;
import dev.tandem.server.ws.AgentEndpoint;
import dev.tandem.server.ws.ConsoleEndpoint;
import dev.tandem.server.events.Events;
import dev.tandem.server.events.LocalEvents;
import dev.tandem.server.live.AppInvites;
import dev.tandem.server.live.SessionTeams;
import dev.tandem.server.events.TeamAudiences;
import dev.tandem.server.store.AvailabilityStore;
import dev.tandem.server.teams.Availability;
import dev.tandem.server.teams.Transfers;
import dev.tandem.server.live.FileExchanges;
import dev.tandem.server.files.FileLimits;
import dev.tandem.server.files.FileShelf;
import dev.tandem.server.files.FileStore;
import dev.tandem.server.live.LiveSessions;
import dev.tandem.server.live.ScreenDrawings;
import dev.tandem.server.live.ScreenSharing;
import dev.tandem.server.live.SessionDiagnostics;
import dev.tandem.server.records.LogFiles;
import dev.tandem.server.records.LogMail;
import dev.tandem.server.records.SessionAccess;
import dev.tandem.server.ws.Sockets;
import dev.tandem.server.ws.ViewerEndpoint;
import dev.tandem.server.net.ClientAddresses;
import dev.tandem.server.net.ClientGuards;
import dev.tandem.server.requests.ChatRequests;
import dev.tandem.server.ws.RequestEndpoint;
import dev.tandem.server.secrets.SecretBox;
import dev.tandem.server.store.PrivateFiles;
import dev.tandem.server.settings.RetentionSweep;
import dev.tandem.server.settings.Settings;
import dev.tandem.server.settings.SettingsStore;
import dev.tandem.server.store.HistoryStore;
import dev.tandem.server.store.RetentionStore;
import dev.tandem.server.store.DiagnosticsStore;
import dev.tandem.server.store.LogVault;
import dev.tandem.server.mail.MailOutbox;
import dev.tandem.server.mail.SmtpPorts;
import dev.tandem.protocol.tls.TrustedCertificates;
import dev.tandem.server.store.AttemptCounts;
import dev.tandem.server.store.AppInviteStore;
import dev.tandem.server.store.CodeStore;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.EmailStore;
import dev.tandem.server.store.MessageStore;
import dev.tandem.server.store.PortalStore;
import dev.tandem.server.store.SessionStore;
import dev.tandem.server.store.SurveyStore;
import dev.tandem.server.surveys.Surveys;
import dev.tandem.server.store.TokenStore;
import dev.tandem.server.store.UserStore;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running server: database, services, HTTP and WebSocket routes, and the periodic jobs. */
public final class TandemServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TandemServer.class);
    /** The largest request body the API takes. */
    static final int MAX_REQUEST_BYTES = 1_000_000;
    /** The longest a stopping node waits for other nodes to take its phones' sessions. */
    static final Duration HANDOVER_WAIT = Duration.ofSeconds(15);
    private final Database database;
    private final Javalin app;
    private final LiveSessions sessions;
    private final MailOutbox mail;
    private final ScheduledExecutorService timers;
    private final Links links;
    private final Optional<String> generatedAdminPassword;
    private final EdgeListeners edge;
    private final java.nio.file.Path dataDir;
    private final NodeHeartbeat heartbeat;
    private final TimerLeader leader;
    private final SessionOwners owners;
    private final NodeBus bus;
    private final Recordings recordings;

    private TandemServer(Database database, Javalin app, LiveSessions sessions, MailOutbox mail,
                         ScheduledExecutorService timers, Links links, Optional<String> generatedAdminPassword,
                         EdgeListeners edge, java.nio.file.Path dataDir, NodeHeartbeat heartbeat, SessionOwners owners,
                         TimerLeader leader, NodeBus bus, Recordings recordings) {
        this.recordings = recordings;
        this.bus = bus;
        this.leader = leader;
        this.heartbeat = heartbeat;
        this.owners = owners;
        this.edge = edge;
        this.dataDir = dataDir;
        this.database = database;
        this.app = app;
        this.sessions = sessions;
        this.mail = mail;
        this.timers = timers;
        this.links = links;
        this.generatedAdminPassword = generatedAdminPassword;
    }

    /**
     * Starts the server. Throws {@link StartupException} with a one-line message when the database
     * cannot be reached or the port is taken.
     */
    public static TandemServer start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** Starts the server on {@code clock} (tests move time forward to expire codes). */
    public static TandemServer start(ServerConfig config, Clock clock) {
        config.adminPassword().filter(p -> !p.isBlank()).flatMap(p -> PasswordRules.standard().problem("admin", p))
                .ifPresent(problem -> {
                    throw new StartupException("TANDEM_ADMIN_PASSWORD is too weak: " + problem, null);
                });
        config.cluster().problemWith(config.database()).ifPresent(problem -> {
            throw new StartupException(problem, null);
        });
        Database database;
        SecretBox box;
        try {
            // A bad certificate or key is a bad option: refused before anything is written.
            config.edge().tls().ifPresent(ServerCertificate::read);
            if (config.database().isEmbedded()) {
                PrivateFiles.directory(config.dataDir());
            }
            database = Database.open(config.database());
            try {
                box = SecretBox.load(config.dataDir(), config.edge().secretKey());
                if (Settings.sealClearPassword(new SettingsStore(database), box, clock) && database.isEmbedded()) {
                    database.closeCompacted();
                    database = Database.open(config.database());
                }
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
            PrivateFiles.tighten(config.dataDir());
        } catch (Database.DatabaseUnavailableException | IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new StartupException(e.getMessage() + ": check that the server may write to --data.", e);
        }
        NodeBus bus;
        try {
            bus = NodeBus.connect(config);
        } catch (StartupException e) {
            database.close();
            throw e;
        }
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
            Thread thread = new Thread(r, "tandem-timers");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return assemble(config, database, timers, clock, box, bus);
        } catch (RuntimeException e) {
            timers.shutdownNow();
            bus.close();
            database.close();
            throw e;
        }
    }

    private static TandemServer assemble(ServerConfig config, Database database, ScheduledExecutorService timers,
                                         Clock clock, SecretBox box, NodeBus bus) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);
        PasswordHasher hasher = new PasswordHasher();
        UserStore users = new UserStore(database);
        PortalStore portals = new PortalStore(database);
        CodeStore codeStore = new CodeStore(database);
        SessionStore sessionStore = new SessionStore(database);
        SessionOwners owners = new SessionOwners(database, config.nodeId(), config.cluster().clustered());
        TokenStore tokenStore = new TokenStore(database);
        Accounts accounts = new Accounts(users, tokenStore, hasher, clock);
        Optional<String> generated = accounts.ensureAdministrator(config.adminPassword());
        if (portals.findBySlug("default").isEmpty()) {
            portals.create(new Portal(0, "default", "Default", "auto", false, true, true, 20, 8));
        }
        AuditLog audit = new AuditLog(new AuditStore(database), clock);
        Settings settings = Settings.load(new SettingsStore(database), config, clock, box);
        Links links = new Links(settings::publicUrl);
        LocalEvents localConsoles = new LocalEvents(json);
        // Every publisher gets the events of the cluster when there is one; sockets attach to this node's.
        // Issue 18.2: a session's events reach its helpers too (TeamAudiences reads them from the live sessions).
        TeamAudiences consoles = new TeamAudiences(bus.events(localConsoles, accounts));
        // As a node of several, wrong-code guesses are counted in the database by all nodes together.
        SessionCodes codes = new SessionCodes(codeStore, portals, consoles, links, clock,
                config.cluster().clustered() ? new AttemptCounts(database) : null);
        TrustedCertificates trust = config.edge().caFile().map(f -> TrustedCertificates.fromFile(f.toString()))
                .orElse(TrustedCertificates.system());
        MailOutbox mail = new MailOutbox(new EmailStore(database), settings::smtp, config.dataDir().resolve("outbox"),
                settings::sender, clock, audit, trust, SmtpPorts.of(config.smtp()));
        mail.onChange(email -> email.createdBy().ifPresent(owner -> consoles.outboxChanged(owner,
                new dev.tandem.server.view.MailReceiptView(email.id(), email.status().wireName()))));
        MessageStore messageStore = new MessageStore(database);
        DiagnosticsStore diagnosticsStore = new DiagnosticsStore(database);
        LogVault vault = config.cluster().clustered() ? LogVault.sharedThrough(config.dataDir(), database)
                : new LogVault(config.dataDir());
        LiveSessions sessions = new LiveSessions(sessionStore, messageStore, codeStore, codes, consoles,
                clock, timers, config.reconnectGrace(), config.heartbeat(), audit, owners);
        // The session features, plugged in here and nowhere else; each is a peer of the others.
        SessionAccess access = new SessionAccess(sessionStore);
        LogFiles logFiles = new LogFiles(diagnosticsStore, vault, access);
        Recordings recordings = new Recordings(new RecordingStore(database), settings::recordingLimitMegabytes, audit, clock, config.nodeId());
        ScreenSharing screens = new ScreenSharing(sessions, portals, consoles, audit, sessionStore, recordings);
        SessionDiagnostics diagnostics = new SessionDiagnostics(sessions, portals, diagnosticsStore, vault, logFiles,
                consoles, clock, audit);
        AppInvites appInvites = new AppInvites(sessions, new AppInviteStore(database), links, audit, clock);
        consoles.helpersFrom(sessions::helpersOf);
        SessionTeams sessionTeams = new SessionTeams(sessions, sessionStore, users, consoles, audit, clock);
        FileStore fileStore = new FileStore(database);
        FileShelf fileShelf = new FileShelf(fileStore, new FileLimits(settings, fileStore), access, consoles, audit, clock);
        FileExchanges files = new FileExchanges(sessions, fileShelf, consoles, audit, clock);
        ScreenDrawings drawings = new ScreenDrawings(sessions, consoles, audit, clock);
        sessions.plug(screens, diagnostics, appInvites, files, drawings, sessionTeams);
        SurveyStore surveyStore = new SurveyStore(database);
        Surveys surveys = new Surveys(surveyStore, portals, audit, clock);
        sessions.askAfterwards(surveys);
        LogMail logMail = new LogMail(logFiles, access, mail, sessions::noteIfLive);
        SessionNotes notes = new SessionNotes(new SessionNoteStore(database), access, consoles, audit, clock);
        SessionHistory history = new SessionHistory(sessionStore, sessions, messageStore, diagnosticsStore,
                new HistoryStore(database), audit, notes, surveyStore);
        RetentionSweep retention = new RetentionSweep(settings, new RetentionStore(database), vault, audit, clock);
        ChatRequests requests = new ChatRequests(database, portals, sessions, consoles, audit, clock, json,
                config.requestsPerAddress());
        Availability availability = new Availability(new AvailabilityStore(database), users, consoles, audit, clock);
        requests.offerFirst(availability::mayTake);
        Transfers transfers = new Transfers(sessionTeams, sessions, users, availability, notes, requests);
        requests.takeQueuedWith(sessionTeams::claim);
        sessionTeams.whenEnded(requests::queuedSessionEnded);
        RequestEndpoint requestEndpoint = new RequestEndpoint(requests);
        WireCodec codec = WireCodec.create();
        // The one place a client address is decided: behind --trusted-proxies, ForwardedClient's rule.
        ClientAddresses clients = new ClientAddresses(ForwardedClient.source(config.edge().trustedProxies()));
        AgentEndpoint agents = new AgentEndpoint(sessions, codec, clock, timers, Duration.ofSeconds(Limits.HANDSHAKE_SECONDS),
                clients);
        ConsoleEndpoint consoleEndpoint = new ConsoleEndpoint(accounts, localConsoles, clients);
        ViewerEndpoint viewerEndpoint = new ViewerEndpoint(accounts, screens, clients, bus.ownerElsewhere(owners));
        Sockets sockets = new Sockets(agents, consoleEndpoint, viewerEndpoint, requestEndpoint);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        Gauge.builder("tandem_sessions_active", sessions, LiveSessions::activeCount).register(metrics);
        Gauge.builder("tandem_agent_connections", agents, AgentEndpoint::connections).register(metrics);
        Gauge.builder("tandem_console_connections", localConsoles, LocalEvents::size).register(metrics);
        Gauge.builder("tandem_viewer_connections", viewerEndpoint, ViewerEndpoint::connections).register(metrics);
        boolean secureCookies = config.publicUrl().map(u -> "https".equals(u.getScheme())).orElse(false);
        EdgeListeners edge = EdgeListeners.prepare(config.edge(), config.port(), config.dataDir());
        SignInFlowStore flows = new SignInFlowStore(database);
        SignInSettings signInSettings = new SignInSettings(new SettingsStore(database), box, clock);
        PasskeyStore passkeyStore = new PasskeyStore(database);
        SecondFactors factors = new SecondFactors(new SecondFactorStore(database), passkeyStore, box, clock);
        Passkeys passkeys = new Passkeys(passkeyStore, users, flows, () -> URI.create(links.base()), json, clock);
        SingleSignOn sso = new SingleSignOn(signInSettings, flows, () -> URI.create(links.base() + "/api/v1/auth/sso/callback"),
                json, clock, trust);
        WebApp.Identity identity = new WebApp.Identity(new SignIns(accounts, factors, signInSettings), factors, passkeys,
                sso, new SsoAccounts(users, accounts), signInSettings);
        TimerLeader leader = config.cluster().clustered() ? TimerLeader.onPostgres(config.database()) : TimerLeader.alone();
        PeriodicJobs jobs = new PeriodicJobs(timers, leader);
        NodeHeartbeat heartbeat = new NodeHeartbeat(new Nodes(database), clock, sessions, agents::connections,
                localConsoles::size, viewerEndpoint::connections, leader, Nodes.stale(config.heartbeat()),
                () -> jobs.now(retention::sweep));
        WebApp web = new WebApp(new WebApp.Services(accounts, hasher, users, portals, codes, sessions, mail, consoles,
                links, config.storeUrl(), secureCookies, metrics, audit, settings, history, requests, clients,
                config.edge().metricsToken(), identity, new WebApp.Records(logFiles, logMail, notes, recordings),
                new WebApp.Nodes(heartbeat::views, heartbeat::isStopping),
                new CannedReplies(new CannedReplyStore(database), portals, consoles, audit, clock),
                new WebApp.Surveying(surveys, surveyStore, clock), new WebApp.Teams(transfers, availability)), json);
        bus.plug(requests, web, owners);

        // Nothing one client does may stall the others: bounded threads, connections, requests, time.
        // A trusted proxy carries every client behind it on its own address, so its connections are
        // not counted per address at accept; the real clients are counted per request instead.
        ClientGuards guards = new ClientGuards(config.clientLimits(), clients, MAX_REQUEST_BYTES,
                peer -> config.edge().trustedProxies().trusts(peer.inetAddress()));
        Gauge.builder("tandem_http_requests_in_progress", guards, ClientGuards::requestsInProgress).register(metrics);
        Gauge.builder("tandem_connections_refused_per_address", guards, ClientGuards::refusedConnections).register(metrics);
        Gauge.builder("tandem_connections_open", guards, ClientGuards::openConnections).register(metrics);
        Javalin app = HttpFront.create(guards, json, edge, web, sockets, config.heartbeat());
        // Active sessions are back in memory before the first request: a technician's message right
        // after a restart finds its session live (not a 410) and waits on its loop like any other.
        sessions.restore(clock.instant().minus(Nodes.stale(config.heartbeat())));
        try {
            HttpFront.start(app, edge, config, timers, settings::publicUrl);
        } catch (RuntimeException e) {
            sessions.shutdown();
            throw e;
        }
        links.bound(app.port(), edge.isTls());
        Node node = new Node(config.nodeId(), NodeAddress.of(config.edge().bind(), app.port()), config.cluster().clustered());
        heartbeat.bound(node);
        long slice = sessions.heartbeatSlice().toNanos();
        jobs.onEveryNode(sessions::heartbeat, slice, slice, TimeUnit.NANOSECONDS);
        long nodeBeat = Nodes.every(config.heartbeat()).toMillis();
        jobs.onEveryNode(heartbeat::beat, nodeBeat, nodeBeat, TimeUnit.MILLISECONDS);
        jobs.onLeader(codes::expireDue, 1, 1, TimeUnit.SECONDS);
        long retry = config.mailRetry().toMillis();
        jobs.onLeader(mail::retryQueued, Math.min(5000, retry), retry, TimeUnit.MILLISECONDS);
        jobs.onEveryNode(localConsoles::ping, 20, 20, TimeUnit.SECONDS);
        jobs.onLeader(requests::expireDue, 1, 1, TimeUnit.SECONDS);
        jobs.onEveryNode(requests::pingWatchers, 20, 20, TimeUnit.SECONDS);
        jobs.onEveryNode(screens::pingViewers, 15, 15, TimeUnit.SECONDS);
        jobs.onLeader(retention::sweep, 0, 24, TimeUnit.HOURS);
        jobs.onLeader(() -> {
            flows.deleteExpired(clock.instant());
            tokenStore.deleteExpired(clock.instant());
            codes.forgetOldGuesses();
            // A retried message comes within seconds; a day covers any client's retries.
            messageStore.keys().forgetBefore(clock.instant().minus(Duration.ofDays(1)));
        }, 1, 10, TimeUnit.MINUTES);
        generated.ifPresent(password -> LOG.warn("Created the administrator 'admin' with the password {} "
                + "(shown only this once; set TANDEM_ADMIN_PASSWORD to choose it)", password));
        LOG.info("Mail goes {}", settings.smtp().map(s -> "over SMTP to " + s)
                .orElse("to the outbox " + config.dataDir().resolve("outbox")));
        return new TandemServer(database, app, sessions, mail, timers, links, generated, edge, config.dataDir(), heartbeat,
                owners, leader, bus, recordings);
    }

    public int port() { return app.port(); }

    /** The buffers the main port's connections read into (HTTP and WebSocket), for tests and diagnostics. */
    public org.eclipse.jetty.io.ByteBufferPool connectionBuffers() {
        return app.jettyServer().server().getConnectors()[0].getByteBufferPool();
    }

    /** This server as a node of the cluster (the node {@code local} when it runs alone). */
    public Node node() { return heartbeat.node(); }

    /** Whether this node runs the cluster's timers (always, when it runs alone). */
    public boolean leadsTimers() { return leader.leads(); }

    /** Which node owns each live session. */
    public SessionOwners owners() { return owners; }

    public String baseUrl() { return links.base(); }

    /** The plain-HTTP port that redirects to HTTPS, when {@code --http-port} is in use. */
    public Optional<Integer> redirectPort() { return edge.redirectPort(); }

    /** The administrator password generated on first start, if this start generated one. */
    public Optional<String> generatedAdminPassword() { return generatedAdminPassword; }

    /**
     * Stops the server. As a node of several it first hands its sessions over: its row says it is
     * stopping and {@code /healthz} answers 503 (the load balancer drains it), its phones are told to
     * reconnect (1012) and resume on another node; it waits for that at most {@link #HANDOVER_WAIT}.
     */
    @Override
    public void close() {
        if (heartbeat.node() != null && heartbeat.node().clustered()) {
            try {
                heartbeat.stopping();
            } catch (RuntimeException e) {
                LOG.warn("Could not mark this node as stopping: {}", e.getMessage());
            }
            sessions.handOver(HANDOVER_WAIT);
        }
        sessions.shutdown();
        recordings.close(); // what the recordings queued is stored before the database closes
        timers.shutdownNow();
        leader.close();
        app.stop();
        edge.close();
        // After the routes: a command forwarded here meanwhile still gets its answer.
        bus.close();
        mail.close();
        try {
            heartbeat.stopped();
        } catch (RuntimeException e) {
            LOG.warn("Could not remove this node's row from the nodes table: {}", e.getMessage());
        }
        database.close();
        // H2 may have written its trace file since the start; the 0700 directory kept it private meanwhile.
        PrivateFiles.tighten(dataDir);
    }

    /** The server cannot start; the message is one line for the operator. */
    public static final class StartupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
