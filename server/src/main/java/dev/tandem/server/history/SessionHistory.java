package dev.tandem.server.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditEntry;
import dev.tandem.server.audit.AuditFilter;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.domain.SessionNote;
import dev.tandem.server.domain.StoredReport;
import dev.tandem.server.domain.SupportSession;
import dev.tandem.server.domain.SurveyAnswer;
import dev.tandem.server.domain.User;
import dev.tandem.server.live.LiveSessions;
import dev.tandem.server.records.SessionNotes;
import dev.tandem.server.store.DiagnosticsStore;
import dev.tandem.server.store.HistoryStore;
import dev.tandem.server.store.MessageStore;
import dev.tandem.server.store.SessionQuery;
import dev.tandem.server.store.SessionStore;
import dev.tandem.server.store.SurveyStore;
import dev.tandem.server.i18n.Language;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.view.MessageView;
import dev.tandem.server.view.LogFileView;
import dev.tandem.server.view.SessionHistoryView;
import dev.tandem.server.view.SessionView;
import dev.tandem.server.view.Views;
import java.util.ArrayList;
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
            "started", "ended", "duration_s", "status", "ended_by", "messages", "notes", "survey_rating", "survey_comment");
    private final SessionStore sessions;
    private final LiveSessions live;
    private final MessageStore messages;
    private final DiagnosticsStore diagnostics;
    private final HistoryStore history;
    private final AuditLog audit;
    private final SessionNotes notes;
    private final SurveyStore surveys;
    private final ObjectMapper json = new ObjectMapper();

    public SessionHistory(SessionStore sessions, LiveSessions live, MessageStore messages, DiagnosticsStore diagnostics,
                          HistoryStore history, AuditLog audit, SessionNotes notes, SurveyStore surveys) {
        this.sessions = sessions;
        this.live = live;
        this.messages = messages;
        this.diagnostics = diagnostics;
        this.history = history;
        this.audit = audit;
        this.notes = notes;
        this.surveys = surveys;
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

    /**
     * The list as CSV with a header row. Columns only ever come at the end (issue 18: the columns
     * before them never move): the private notes, one line per note ({@code time author: text}), then
     * the survey's rating and comment.
     */
    public String csv(User user, SessionQuery query) {
        List<SupportSession> found = list(user, query);
        List<String> ids = found.stream().map(SupportSession::id).toList();
        Map<String, Long> counts = history.messageCounts(ids);
        Map<String, List<SessionNote>> written = notes.ofSessions(ids);
        Map<String, SurveyAnswer> answers = surveys.answersOf(ids);
        StringBuilder out = new StringBuilder(CsvCells.row(CSV_HEADER));
        for (SupportSession s : found) {
            String device = String.join(" ", nonNull(s.device().manufacturer), nonNull(s.device().model)).strip()
                    + (s.device().androidVersion == null ? "" : " (Android " + s.device().androidVersion + ")");
            out.append(CsvCells.row(List.of(s.id(), s.code().orElse(""), s.portal().slug(), s.technicianUsername(),
                    s.customerName(), device, Views.iso(s.startedAt()), s.endedAt().map(Views::iso).orElse(""),
                    s.endedAt().map(e -> String.valueOf(java.time.Duration.between(s.startedAt(), e).toSeconds()))
                            .orElse(""),
                    s.status().wireName(), s.endedBy().orElse(""), counts.getOrDefault(s.id(), 0L),
                    noteLines(written.getOrDefault(s.id(), List.of())),
                    Optional.ofNullable(answers.get(s.id())).map(a -> (Object) a.rating()).orElse(""),
                    Optional.ofNullable(answers.get(s.id())).map(SurveyAnswer::comment).orElse(""))));
        }
        return out.toString();
    }

    /** A session and its transcript, as a recording's export carries them (issue 18.6). */
    public record Transcribed(SessionView session, List<MessageView> transcript) {
    }

    /** The session and its transcript in {@code language}; 404 when {@code user} may not see it. Not audited. */
    public Transcribed transcribed(User user, String sessionId, Language language) {
        SupportSession session = live.visible(user, sessionId);
        return new Transcribed(live.view(session), messages.listAfter(sessionId, 0).stream()
                .map(entry -> MessageView.of(entry, language)).toList());
    }

    /** One session's whole record; 404 when {@code user} may not see it. */
    public SessionHistoryView session(User user, String sessionId, Language language) {
        SupportSession session = live.visible(user, sessionId);
        List<MessageView> transcript = messages.listAfter(sessionId, 0).stream()
                .map(entry -> MessageView.of(entry, language)).toList();
        List<StoredReport> reports = diagnostics.reports(sessionId);
        List<SessionHistoryView.Report> reportViews = new ArrayList<>();
        for (StoredReport report : reports) {
            JsonNode stored;
            try {
                stored = json.readTree(report.reportJson());
            } catch (JsonProcessingException e) {
                stored = null;
            }
            reportViews.add(new SessionHistoryView.Report(report.id(), Views.iso(report.collectedAt()), stored));
        }
        List<LogFileView> logFiles = diagnostics.logFiles(sessionId).stream()
                .map(f -> LogFileView.of(sessionId, f)).toList();
        HistoryStore.Removed removed = history.removed(sessionId);
        SessionHistoryView view = new SessionHistoryView(live.view(session), transcript, permissions(sessionId),
                reportViews, logFiles, new SessionHistoryView.Retention(removed.transcript(), removed.logFiles()),
                notes.of(user, sessionId), surveys.answerOf(sessionId).map(a -> new SessionHistoryView.Survey(
                        a.rating(), a.comment(), Views.iso(a.answeredAt()))).orElse(null));
        if (!reports.isEmpty()) {
            audit.record(user.username(), AuditAction.DIAGNOSTICS_VIEWED, sessionId, Phrase.of("audit.historyRead",
                    "count", String.valueOf(reports.size())));
        }
        return view;
    }

    private List<SessionHistoryView.PermissionEvent> permissions(String sessionId) {
        List<SessionHistoryView.PermissionEvent> events = new ArrayList<>();
        for (AuditEntry entry : audit.store().find(AuditFilter.ofSession(sessionId))) {
            Optional<String> event = event(entry.action());
            int colon = entry.detail().indexOf(':');
            if (event.isEmpty() || colon <= 0) {
                continue;
            }
            events.add(new SessionHistoryView.PermissionEvent(Views.iso(entry.at()), entry.detail().substring(0, colon),
                    event.get(), entry.actor()));
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

    private static String noteLines(List<SessionNote> sessionNotes) {
        StringBuilder lines = new StringBuilder();
        for (SessionNote note : sessionNotes) {
            lines.append(lines.isEmpty() ? "" : "\n").append(Views.iso(note.at())).append(' ').append(note.author())
                    .append(": ").append(note.text());
        }
        return lines.toString();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
