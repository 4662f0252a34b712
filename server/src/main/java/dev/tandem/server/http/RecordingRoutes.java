package dev.tandem.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.domain.User;
import dev.tandem.server.history.SessionHistory;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.recordings.Recordings;
import dev.tandem.server.store.RecordingStore;
import dev.tandem.server.view.RecordingView;
import dev.tandem.server.view.Views;
import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * A session's recording (issue 18.6, docs/recording.md): what it holds, the file (the documented
 * format, for playback in the history page and for export), and deleting it (administrators). Who may
 * see the session may see its recording; anyone else gets 404.
 */
final class RecordingRoutes {
    private final Recordings recordings;
    private final SessionHistory history;
    private final Authenticator auth;
    private final AuditLog audit;
    private final ObjectMapper json;

    RecordingRoutes(Recordings recordings, SessionHistory history, Authenticator auth, AuditLog audit, ObjectMapper json) {
        this.recordings = recordings;
        this.history = history;
        this.auth = auth;
        this.audit = audit;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/sessions/{id}/recording", ctx -> {
            User user = auth.require(ctx);
            String id = ctx.pathParam("id");
            history.transcribed(user, id, CallerLanguage.of(ctx));
            ctx.json(view(id, parts(id)));
        });
        routes.get("/api/v1/sessions/{id}/recording/file", ctx -> {
            User user = auth.require(ctx);
            String id = ctx.pathParam("id");
            SessionHistory.Transcribed session = history.transcribed(user, id, CallerLanguage.of(ctx));
            List<RecordingStore.Part> parts = parts(id);
            boolean playback = "playback".equals(ctx.queryParam("purpose"));
            ObjectNode header = json.createObjectNode();
            header.put("format", 1);
            header.set("recording", json.valueToTree(view(id, parts)));
            header.set("session", json.valueToTree(session.session()));
            header.set("transcript", json.valueToTree(session.transcript()));
            long bytes = parts.stream().mapToLong(RecordingStore.Part::bytes).sum();
            audit.record(user.username(), playback ? AuditAction.RECORDING_PLAYED : AuditAction.RECORDING_EXPORTED, id,
                    Phrase.of(playback ? "audit.recordingPlayed" : "audit.recordingExported",
                            "bytes", String.valueOf(bytes)));
            if (!playback) {
                ctx.header("Content-Disposition", "attachment; filename=\"tandem-recording-" + id + ".tandemrec\"");
            }
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.contentType("application/vnd.tandem.recording");
            // Streamed chunk by chunk: a long recording never sits in memory whole. A failure half-way
            // leaves a file that ends inside a record, which every reader reports as cut.
            recordings.export(id, json.writeValueAsString(header), ctx.outputStream());
        });
        routes.delete("/api/v1/sessions/{id}/recording", ctx -> {
            User admin = auth.requireAdmin(ctx);
            String id = ctx.pathParam("id");
            history.transcribed(admin, id, CallerLanguage.of(ctx));
            parts(id);
            int removed = recordings.delete(id);
            audit.record(admin.username(), AuditAction.RECORDING_DELETED, id, Phrase.of("audit.recordingDeleted",
                    "parts", String.valueOf(removed)));
            ctx.status(204);
        });
    }

    private List<RecordingStore.Part> parts(String id) {
        List<RecordingStore.Part> parts = recordings.parts(id);
        if (parts.isEmpty()) {
            throw Rejection.notFound("Session " + id + " has no recording.");
        }
        return parts;
    }

    private static RecordingView view(String id, List<RecordingStore.Part> parts) {
        long bytes = parts.stream().mapToLong(RecordingStore.Part::bytes).sum();
        boolean complete = parts.stream().allMatch(p -> p.incomplete() == null);
        RecordingStore.Part last = parts.get(parts.size() - 1);
        return new RecordingView(id, bytes, Views.iso(parts.get(0).startedAt()),
                last.endedAt() == null ? null : Views.iso(last.endedAt()), complete,
                parts.stream().map(p -> new RecordingView.Part(p.id(), p.node(), Views.iso(p.startedAt()),
                        p.endedAt() == null ? null : Views.iso(p.endedAt()), p.bytes(), p.incomplete())).toList());
    }
}
