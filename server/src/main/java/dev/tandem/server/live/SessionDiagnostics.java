package dev.tandem.server.live;

import dev.tandem.server.LogText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.diagnostics.DiagnosticsJson;
import dev.tandem.protocol.diagnostics.DiagnosticsReport;
import dev.tandem.protocol.diagnostics.DiagnosticsWarnings;
import dev.tandem.protocol.diagnostics.Warning;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.records.SystemNotices;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Secrets;
import dev.tandem.server.domain.LogFileRecord;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.domain.StoredReport;
import dev.tandem.server.domain.User;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.live.DiagnosticsState.Refusal;
import dev.tandem.server.live.DiagnosticsState.Status;
import dev.tandem.server.records.LogFiles;
import dev.tandem.server.events.Events;
import dev.tandem.server.store.DiagnosticsStore;
import dev.tandem.server.store.LogVault;
import dev.tandem.server.store.PortalStore;
import dev.tandem.server.view.DiagnosticsView;
import dev.tandem.server.view.LogsView;
import dev.tandem.server.view.Views;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote Diagnostics and Send Logfiles for the sessions (docs/protocol.md sections 1.10 and 2c):
 * requests become prompts (the portal decides whether diagnostics are asked; logs are always asked),
 * reports and log files are stored with the session and stay after it ends ({@link LogFiles} reads
 * them). Every request, answer and upload is a system line.
 *
 * <p>Thread-safe: the live part changes on the session's {@link SessionLoop}, as in
 * {@link LiveSessions}.
 */
public final class SessionDiagnostics implements SessionFeature {
    private static final Logger LOG = LoggerFactory.getLogger(SessionDiagnostics.class);
    static final int MAX_FILES_PER_REQUEST = 50;
    static final int MAX_FILES_PER_SESSION = 200;
    private final LiveSessions sessions;
    private final PortalStore portals;
    private final DiagnosticsStore store;
    private final LogFiles files;
    private final LogUploads uploads;
    private final Events consoles;
    private final Clock clock;
    private final AuditLog audit;
    private final DiagnosticsJson reports = DiagnosticsJson.create();
    private final ObjectMapper json = new ObjectMapper();

    public SessionDiagnostics(LiveSessions sessions, PortalStore portals, DiagnosticsStore store, LogVault vault,
                              LogFiles files, Events consoles, Clock clock, AuditLog audit) {
        this.sessions = sessions;
        this.portals = portals;
        this.store = store;
        this.files = files;
        this.uploads = new LogUploads(store, vault, clock);
        this.consoles = consoles;
        this.clock = clock;
        this.audit = audit;
    }

    // ---- the technician ----------------------------------------------------------------------

    /** Asks the phone for its diagnostics (the portal decides whether the customer is asked). */
    public DiagnosticsView requestDiagnostics(User user, String sessionId) {
        LiveSession session = sessions.liveFor(user, sessionId);
        Portal portal = portals.findBySlug(session.portalSlug).orElse(null);
        boolean ask = portal == null || portal.askBeforeDiagnostics();
        session.loop.run(() -> {
            refuseUnlessAvailable(session);
            DiagnosticsState state = session.diagnostics;
            state.diagnostics = Status.PENDING;
            state.diagnosticsError = null;
            prompt(session, "diagnostics", SystemNotices.diagnosticsQuestion(user.displayName()), ask);
            sessions.systemLine(session, SystemNotices.diagnosticsRequested(user.displayName()));
            audit.record(user.username(), AuditAction.DIAGNOSTICS_REQUESTED, session.id,
                    Phrase.of("audit.diagnosticsRequested"));
            audit.record(user.username(), AuditAction.PERMISSION_ASKED, session.id,
                    Phrase.of(ask ? "audit.diagnosticsAsked" : "audit.diagnosticsWithoutAsking"));
            publishDiagnostics(session);
        });
        return diagnostics(user, sessionId);
    }

    /** The latest report of a session (also after it ended), with its warnings. */
    public DiagnosticsView diagnostics(User user, String sessionId) {
        sessions.visible(user, sessionId);
        return diagnosticsView(sessionId, sessions.live(sessionId));
    }

    /** Asks the phone for its log files; the customer is always asked. */
    public LogsView requestLogs(User user, String sessionId) {
        LiveSession session = sessions.liveFor(user, sessionId);
        session.loop.run(() -> {
            refuseUnlessAvailable(session);
            DiagnosticsState state = session.diagnostics;
            state.logs = Status.PENDING;
            state.refused.clear();
            state.allowedLogsPrompt = null;
            prompt(session, "logs", SystemNotices.logsQuestion(user.displayName()), true);
            sessions.systemLine(session, SystemNotices.logsRequested(user.displayName()));
            audit.record(user.username(), AuditAction.LOGS_REQUESTED, session.id, Phrase.of("audit.logsRequested"));
            audit.record(user.username(), AuditAction.PERMISSION_ASKED, session.id, Phrase.of("audit.logsAsked"));
            publishLogs(session);
        });
        return logs(user, sessionId);
    }

    /** The log files stored with a session, and the state of the latest request. */
    public LogsView logs(User user, String sessionId) {
        sessions.visible(user, sessionId);
        return logsView(sessionId, sessions.live(sessionId));
    }

    // ---- the phone (on the session's loop) ---------------------------------------------------

    @Override
    public boolean received(LiveSession session, DeviceLink link, AgentMessage message) {
        if (message instanceof AgentMessage.Diagnostics report) {
            report(session, report);
        } else if (message instanceof AgentMessage.LogFile file) {
            logFile(session, link, file);
        } else if (message instanceof AgentMessage.LogChunk chunk) {
            logChunk(session, link, chunk);
        } else if (message instanceof AgentMessage.LogEnd end) {
            logEnd(session, link, end);
        } else if (message instanceof AgentMessage.LogsDone done) {
            logsDone(session, done);
        } else {
            return false;
        }
        return true;
    }

    /** An answer to a diagnostics or logs prompt. */
    @Override
    public void answered(LiveSession session, ServerMessage.Prompt prompt, boolean granted) {
        DiagnosticsState state = session.diagnostics;
        boolean logs = "logs".equals(prompt.kind);
        audit.record(AuditLog.customer(session.customerName),
                granted ? AuditAction.PERMISSION_GRANTED : AuditAction.PERMISSION_REFUSED, session.id,
                Phrase.of(!granted ? (logs ? "audit.logsRefused" : "audit.diagnosticsRefused")
                        : logs ? "audit.logsGranted"
                        : prompt.ask ? "audit.diagnosticsGranted" : "audit.diagnosticsGrantedWithoutAsking"));
        if ("diagnostics".equals(prompt.kind)) {
            if (!granted) {
                state.diagnostics = Status.DECLINED;
                sessions.systemLine(session, SystemNotices.diagnosticsDeclined(session.customerName));
            } else if (prompt.ask) {
                sessions.systemLine(session, SystemNotices.diagnosticsAllowed(session.customerName));
            }
            publishDiagnostics(session);
        } else {
            if (granted) {
                state.allowedLogsPrompt = prompt.id;
                state.filesThisRequest = 0;
                sessions.systemLine(session, SystemNotices.logsAllowed(session.customerName));
            } else {
                state.logs = Status.DECLINED;
                sessions.systemLine(session, SystemNotices.logsDeclined(session.customerName));
            }
            publishLogs(session);
        }
    }

    /** A report (or why there is none). */
    void report(LiveSession session, AgentMessage.Diagnostics message) {
        DiagnosticsState state = session.diagnostics;
        if (message.report == null) {
            state.diagnostics = Status.FAILED;
            state.diagnosticsError = message.error == null ? "The phone sent no report." : message.error;
        } else {
            String reportJson = reports.write(message.report);
            if (reportJson.length() > 100_000) {
                state.diagnostics = Status.FAILED;
                state.diagnosticsError = "The report is larger than the server keeps.";
            } else {
                store.insertReport(new StoredReport(Secrets.id("d"), session.id, clock.instant(), reportJson));
                state.diagnostics = Status.READY;
                sessions.systemLine(session, SystemNotices.diagnosticsReceived(session.customerName));
            }
        }
        publishDiagnostics(session);
    }

    /**
     * A file the phone starts to upload. Only files of the logs request the customer allowed are
     * taken, at most {@value #MAX_FILES_PER_REQUEST} per request and {@value #MAX_FILES_PER_SESSION}
     * per session; anything else is refused with its reason, which costs that upload only (the
     * connection and the session go on) and, when nobody asked, is not even shown to the technician.
     */
    void logFile(LiveSession session, DeviceLink link, AgentMessage.LogFile file) {
        DiagnosticsState state = session.diagnostics;
        if (state.allowedLogsPrompt == null || !state.allowedLogsPrompt.equals(file.id)) {
            link.send(new ServerMessage.LogRefused(file.upload, "Nobody asked for log files: the technician asks "
                    + "with Send Logfiles, and the files of that request are taken once the customer allowed it."));
            LOG.debug("Session {}: upload {} refused, nobody asked for it", session.id, file.upload);
            return;
        }
        if (state.filesThisRequest >= MAX_FILES_PER_REQUEST || store.logFileCount(session.id) >= MAX_FILES_PER_SESSION) {
            settle(session, link, file.upload, file.name, LogUploads.Outcome.refused("No more files are taken: a "
                    + "request holds at most " + MAX_FILES_PER_REQUEST + " files and a session " + MAX_FILES_PER_SESSION + "."));
            return;
        }
        state.filesThisRequest++;
        settle(session, link, file.upload, file.name, uploads.start(session, link.uploads, file));
    }

    void logChunk(LiveSession session, DeviceLink link, AgentMessage.LogChunk chunk) {
        String name = LogUploads.nameOf(link.uploads, chunk.upload);
        settle(session, link, chunk.upload, name, uploads.chunk(session, link.uploads, chunk));
    }

    void logEnd(LiveSession session, DeviceLink link, AgentMessage.LogEnd end) {
        String name = LogUploads.nameOf(link.uploads, end.upload);
        settle(session, link, end.upload, name, uploads.end(session, link.uploads, end));
    }

    /** Every file of a logs request was sent. */
    void logsDone(LiveSession session, AgentMessage.LogsDone done) {
        DiagnosticsState state = session.diagnostics;
        if (state.allowedLogsPrompt == null || !state.allowedLogsPrompt.equals(done.id)) {
            return; // not the end of anything that was asked
        }
        state.allowedLogsPrompt = null;
        state.logs = Status.READY;
        List<LogFileRecord> files = store.logFiles(session.id);
        sessions.systemLine(session, SystemNotices.logsReceived(session.customerName,
                files.stream().map(LogFileRecord::name).collect(Collectors.toList())));
        if (!state.refused.isEmpty()) {
            sessions.systemLine(session, SystemNotices.logsRefused(
                    state.refused.stream().map(r -> r.name()).collect(Collectors.toList())));
        }
        publishLogs(session);
    }

    /**
     * The phone's connection dropped: unfinished uploads are thrown away and listed as refused, so
     * the technician sees what is missing and can ask again (the phone does not resume an upload).
     */
    @Override
    public void deviceLost(LiveSession session, DeviceLink link) {
        if (link.uploads.isEmpty()) {
            return;
        }
        for (LogUploads.Upload upload : link.uploads.values()) {
            session.diagnostics.refused.add(new Refusal(upload.name,
                    "The phone's connection dropped during the upload; ask for the log files again."));
        }
        uploads.abandonAll(session, link.uploads);
        boolean stillAsking = session.prompts.asking("logs");
        if (!stillAsking && session.diagnostics.logs == Status.PENDING) {
            session.diagnostics.logs = Status.READY;
        }
        publishLogs(session);
    }

    @Override
    public void sessionEnded(LiveSession session, DeviceLink link) {
        session.prompts.forget(this);
        if (link != null) {
            uploads.abandonAll(session, link.uploads);
        }
    }

    // ---- shared ------------------------------------------------------------------------------

    private void settle(LiveSession session, DeviceLink link, String uploadId, String name, LogUploads.Outcome outcome) {
        outcome.stored().ifPresent(record -> {
            link.send(new ServerMessage.LogStored(uploadId));
            publishLogs(session);
        });
        outcome.refused().ifPresent(reason -> {
            link.send(new ServerMessage.LogRefused(uploadId, reason));
            if (session.diagnostics.refused.size() < DiagnosticsState.MAX_REFUSALS) {
                session.diagnostics.refused.add(new Refusal(name == null ? uploadId : name, reason));
            }
            LOG.info("Session {}: upload {} refused: {}", session.id, LogText.escape(uploadId), LogText.escape(reason));
            publishLogs(session);
        });
    }

    private void prompt(LiveSession session, String kind, Phrase question, boolean ask) {
        session.prompts.ask(session, this, kind, question, ask);
    }

    private static void refuseUnlessAvailable(LiveSession session) {
        if (session.ended) {
            throw Rejection.of(TandemStatus.SESSION_ENDED);
        }
        Capability capability = session.capabilities == null ? null : session.capabilities.diagnostics;
        if (capability == null || !capability.available) {
            throw Rejection.of(ErrorCode.DIAGNOSTICS_UNAVAILABLE,
                    capability != null && capability.reason != null ? capability.reason
                            : "This phone cannot share diagnostics or log files.");
        }
    }

    private DiagnosticsView diagnosticsView(String sessionId, LiveSession live) {
        // The live status first: a report is stored before the status says ready, so reading the
        // store afterwards always finds the report the status speaks of.
        Status liveStatus = Status.NONE;
        String error = null;
        long revision;
        if (live != null) {
            LiveState state = live.loop.call(() -> new LiveState(live.diagnostics.diagnostics,
                    live.diagnostics.diagnosticsError, List.of(), ViewRevisions.next()));
            liveStatus = state.status();
            error = state.error();
            revision = state.revision();
        } else {
            revision = ViewRevisions.next();
        }
        Optional<StoredReport> latest = store.latestReport(sessionId);
        Status status = liveStatus != Status.NONE ? liveStatus : latest.isPresent() ? Status.READY : Status.NONE;
        if (latest.isEmpty()) {
            return new DiagnosticsView(DiagnosticsState.wire(status), revision, error, null, null, List.of());
        }
        StoredReport stored = latest.get();
        try {
            DiagnosticsReport report = reports.read(stored.reportJson());
            List<DiagnosticsView.Warning> warnings = new ArrayList<>();
            for (Warning warning : DiagnosticsWarnings.of(report)) {
                warnings.add(new DiagnosticsView.Warning(json.valueToTree(warning.code).asText(), warning.section,
                        warning.message));
            }
            return new DiagnosticsView(DiagnosticsState.wire(status), revision, error,
                    json.readTree(stored.reportJson()), Views.iso(stored.collectedAt()), warnings);
        } catch (ProtocolException | IOException e) {
            return new DiagnosticsView(DiagnosticsState.wire(status), revision,
                    "The stored report cannot be read: " + e.getMessage(), null, null, List.of());
        }
    }

    private LogsView logsView(String sessionId, LiveSession live) {
        // The live status first, then the store (files are stored before the status says ready).
        Status liveStatus = Status.NONE;
        List<LogsView.Refused> refused = new ArrayList<>();
        long revision;
        if (live != null) {
            LiveState state = live.loop.call(() -> new LiveState(live.diagnostics.logs, null,
                    List.copyOf(live.diagnostics.refused), ViewRevisions.next()));
            liveStatus = state.status();
            for (Refusal r : state.refused()) {
                refused.add(new LogsView.Refused(r.name(), r.reason()));
            }
            revision = state.revision();
        } else {
            revision = ViewRevisions.next();
        }
        List<LogFileRecord> stored = files.of(sessionId);
        Status status = liveStatus != Status.NONE ? liveStatus : stored.isEmpty() ? Status.NONE : Status.READY;
        return new LogsView(DiagnosticsState.wire(status), revision, files.views(sessionId, stored), refused);
    }

    /** A live status as read on the session's loop, with the view's revision taken there. */
    private record LiveState(Status status, String error, List<Refusal> refused, long revision) {
    }

    private void publishDiagnostics(LiveSession session) {
        consoles.diagnosticsChanged(session.technicianId, session.id, diagnosticsView(session.id, session));
    }

    private void publishLogs(LiveSession session) {
        consoles.logsChanged(session.technicianId, session.id, logsView(session.id, session));
    }
}
