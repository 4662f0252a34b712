package dev.tandem.server.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditEntry;
import dev.tandem.server.audit.AuditFilter;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.domain.StoredReport;
import dev.tandem.server.domain.SupportSession;
import dev.tandem.server.domain.User;
import dev.tandem.server.live.LiveSessions;
import dev.tandem.server.store.DiagnosticsStore;
import dev.tandem.server.store.HistoryStore;
import dev.tandem.server.store.MessageStore;
import dev.tandem.server.store.SessionQuery;
import dev.tandem.server.store.SessionStore;
import dev.tandem.server.i18n.Language;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.view.MessageView;
import dev.tandem.server.view.SessionView;
import dev.tandem.server.view.LogFileView;
import dev.tandem.server.view.Views;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session history: a technician sees their own sessions, an administrator everyone's. A
 * session's permission events are read from the audit log (each permission entry's detail starts
 * with its kind), so the history shows exactly what was recorded when it happened. Thread-safe.
 */
public final class SessionHistory {
    private static final List<String> CSV_HEADER = List.of("id", "code", "portal", "technician", "customer", "device",
            "started", "ended", "duration_s", "status", "ended_by", "messages");
    private final SessionStore sessions;
    private final LiveSessions live;
    private final MessageStore messages;
    private final DiagnosticsStore diagnostics;
    private final HistoryStore history;
    private final AuditLog audit;
    private final ObjectMapper json = new ObjectMapper();

    public SessionHistory(SessionStore sessions, LiveSessions live, MessageStore messages, DiagnosticsStore diagnostics,
                          HistoryStore history, AuditLog audit) {
        this.sessions = sessions;
        this.live = live;
        this.messages = messages;
        this.diagnostics = diagnostics;
        this.history = history;
        this.audit = audit;
    }

    /** The sessions {@code user} may see that match {@code query} (its owner is set here), newest first. */
    public List<SupportSession> list(User user, SessionQuery query) {
        SessionQuery visible = new SessionQuery(user.isAdmin() ? Optional.empty() : Optional.of(user.id()),
                query.technician(), query.portal(), query.status(), query.from(), query.to(), query.limit());
        return sessions.list(visible);
    }

    /** The list as {@code GET /api/v1/sessions} shows it. */
    public List<SessionView> views(User user, SessionQuery query) {
        return list(user, query).stream().map(live::view).toList();
    }

    /** The list as CSV with a header row. */
    public String csv(User user, SessionQuery query) {
        List<SupportSession> found = list(user, query);
        Map<String, Long> counts = history.messageCounts(found.stream().map(SupportSession::id).toList());
        StringBuilder out = new StringBuilder(CsvCells.row(CSV_HEADER));
        for (SupportSession s : found) {
            String device = String.join(" ", nonNull(s.device().manufacturer), nonNull(s.device().model)).strip()
                    + (s.device().androidVersion == null ? "" : " (Android " + s.device().androidVersion + ")");
            out.append(CsvCells.row(List.of(s.id(), s.code().orElse(""), s.portal().slug(), s.technicianUsername(),
                    s.customerName(), device, Views.iso(s.startedAt()), s.endedAt().map(Views::iso).orElse(""),
                    s.endedAt().map(e -> String.valueOf(java.time.Duration.between(s.startedAt(), e).toSeconds()))
                            .orElse(""),
                    s.status().wireName(), s.endedBy().orElse(""), counts.getOrDefault(s.id(), 0L))));
        }
        return out.toString();
    }

    /** One session's whole record; 404 when {@code user} may not see it. */
    public Map<String, Object> session(User user, String sessionId, Language language) {
        SupportSession session = live.visible(user, sessionId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("session", live.view(session));
        view.put("transcript", messages.listAfter(sessionId, 0).stream()
                .map(entry -> MessageView.of(entry, language)).toList());
        view.put("permissions", permissions(sessionId));
        List<StoredReport> reports = diagnostics.reports(sessionId);
        List<Map<String, Object>> reportViews = new ArrayList<>();
        for (StoredReport report : reports) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", report.id());
            r.put("collectedAt", Views.iso(report.collectedAt()));
            try {
                r.put("report", json.readTree(report.reportJson()));
            } catch (JsonProcessingException e) {
                r.put("report", null);
            }
            reportViews.add(r);
        }
        view.put("diagnostics", reportViews);
        view.put("logFiles", diagnostics.logFiles(sessionId).stream().map(f -> LogFileView.of(sessionId, f)).toList());
        HistoryStore.Removed removed = history.removed(sessionId);
        Map<String, Object> retention = new LinkedHashMap<>();
        retention.put("transcriptRemoved", removed.transcript());
        retention.put("logFilesRemoved", removed.logFiles());
        view.put("retention", retention);
        if (!reports.isEmpty()) {
            audit.record(user.username(), AuditAction.DIAGNOSTICS_VIEWED, sessionId, Phrase.of("audit.historyRead",
                    "count", String.valueOf(reports.size())));
        }
        return view;
    }

    private List<Map<String, Object>> permissions(String sessionId) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (AuditEntry entry : audit.store().find(AuditFilter.ofSession(sessionId))) {
            Optional<String> event = event(entry.action());
            int colon = entry.detail().indexOf(':');
            if (event.isEmpty() || colon <= 0) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("at", Views.iso(entry.at()));
            e.put("kind", entry.detail().substring(0, colon));
            e.put("event", event.get());
            e.put("actor", entry.actor());
            events.add(e);
        }
        return events;
    }

    private static Optional<String> event(String action) {
        if (action.equals(AuditAction.CONTROL_STARTED.wireName())) {
            return Optional.of("granted");
        }
        if (action.equals(AuditAction.CONTROL_RELEASED.wireName())) {
            return Optional.of("released");
        }
        if (action.startsWith("permission.")) {
            return Optional.of(action.substring("permission.".length()));
        }
        return Optional.empty();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
