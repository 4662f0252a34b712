package dev.tandem.server.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.Limits;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.protocol.message.WireCodec;
import dev.tandem.server.Links;
import dev.tandem.server.ServerConfig.DatabaseSettings;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.audit.AuditStore;
import dev.tandem.server.auth.Secrets;
import dev.tandem.server.codes.SessionCodes;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.domain.Role;
import dev.tandem.server.domain.User;
import dev.tandem.server.events.LocalEvents;
import dev.tandem.server.net.ClientAddress;
import dev.tandem.server.records.SystemNotices;
import dev.tandem.server.store.CodeStore;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.DiagnosticsStore;
import dev.tandem.server.store.LogVault;
import dev.tandem.server.store.MessageStore;
import dev.tandem.server.store.PortalStore;
import dev.tandem.server.store.SessionStore;
import dev.tandem.server.store.UserStore;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One live session on a real database, with the session core and no sockets: the phone and the
 * technician's console are {@link RecordingOutlet}s. A feature under test is plugged in alone, as
 * the server plugs them in at start-up.
 */
final class OneSession implements AutoCloseable {
    final Database database;
    final User technician;
    final PortalStore portals;
    final DiagnosticsStore diagnosticsStore;
    final LogVault vault;
    final LocalEvents events = new LocalEvents(new ObjectMapper());
    final AuditLog audit;
    final LiveSessions sessions;
    final SessionStore sessionStore;
    final RecordingOutlet console = new RecordingOutlet();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final Clock clock = Clock.systemUTC();
    private final String token = Secrets.token(32);
    String id;
    RecordingOutlet phone;
    DeviceLink link;

    OneSession(Path data) {
        database = Database.open(DatabaseSettings.embedded(data));
        technician = new UserStore(database).create("tess", "Tess", Role.TECHNICIAN, "x");
        portals = new PortalStore(database);
        diagnosticsStore = new DiagnosticsStore(database);
        vault = new LogVault(data);
        audit = new AuditLog(new AuditStore(database), clock);
        CodeStore codeStore = new CodeStore(database);
        sessionStore = new SessionStore(database);
        sessions = new LiveSessions(sessionStore, new MessageStore(database), codeStore,
                new SessionCodes(codeStore, portals, events, new Links(Optional.empty()), clock), events, clock,
                timers, Duration.ofMinutes(5), Duration.ofSeconds(15), audit,
                dev.tandem.server.cluster.SessionOwners.alone(database));
        events.attach(technician, console);
    }

    /** Opens the session on a portal that asks (or not) before screen sharing and diagnostics, and connects the phone. */
    OneSession open(SessionFeature feature, boolean portalAsks) throws ProtocolException {
        sessions.plug(feature);
        Portal portal = portals.create(new Portal(0, "help", "Help", "en", portalAsks, portalAsks, true, 20, 8));
        Capabilities able = new Capabilities(Capability.available(), Capability.available(), Capability.available(),
                Capability.available());
        DeviceInfo device = new DeviceInfo("samsung", "SM-S918B", "14", 34, "samsung");
        id = sessions.openForRequest(technician, portal, "Ana", device, able, Secrets.sha256(token), (h, s) -> true,
                SystemNotices.requestTaken("Tess", "Ana", "The printer")).orElseThrow();
        return reconnect();
    }

    /** The phone (re)connects with a new socket and resumes the session. */
    OneSession reconnect() throws ProtocolException {
        phone = new RecordingOutlet();
        link = new DeviceLink(phone, WireCodec.create(), ClientAddress.of(InetAddress.getLoopbackAddress()),
                clock.instant());
        sessions.hello(link, new AgentMessage.Hello(Limits.PROTOCOL_VERSION, null,
                new AgentMessage.Resume(id, token), null, null, null, 0));
        return this;
    }

    /** The phone's socket dropped. */
    void drop() {
        sessions.closed(link);
    }

    /** A frame from the phone. */
    void phoneSays(AgentMessage message) throws ProtocolException {
        sessions.received(link, message);
    }

    @Override
    public void close() {
        timers.shutdownNow();
        database.close();
    }
}
