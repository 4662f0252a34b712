package dev.tandem.server.http;

import dev.tandem.server.i18n.Phrase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.domain.Email;
import dev.tandem.server.domain.User;
import dev.tandem.server.live.SessionDiagnostics;
import dev.tandem.server.records.StoredFile;
import dev.tandem.server.mail.Addresses;
import dev.tandem.server.mail.MailOutbox;
import dev.tandem.server.http.SessionCommands.Answer;
import dev.tandem.server.http.SessionCommands.Input;
import dev.tandem.server.view.DiagnosticsView;
import dev.tandem.server.view.MailReceiptView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Remote Diagnostics and Send Logfiles: requests, reports, files, and the log-files email. */
final class DiagnosticsRoutes {
    private final SessionDiagnostics diagnostics;
    private final WebApp.Records records;
    private final Authenticator auth;
    private final AuditLog audit;
    private final MailOutbox mail;

    DiagnosticsRoutes(SessionDiagnostics diagnostics, WebApp.Records records, MailOutbox mail, Authenticator auth,
                      AuditLog audit, SessionCommands commands) {
        this.audit = audit;
        this.mail = mail;
        this.diagnostics = diagnostics;
        this.records = records;
        this.auth = auth;
        commands.add("diagnostics.request", HandlerType.POST, "/api/v1/sessions/{id}/diagnostics", Input.NOTHING, call ->
                new Answer(202, diagnostics.requestDiagnostics(call.user(), call.sessionId())));
        commands.add("diagnostics.read", HandlerType.GET, "/api/v1/sessions/{id}/diagnostics", Input.NOTHING, call -> {
            DiagnosticsView view = diagnostics.diagnostics(call.user(), call.sessionId());
            if (view.report() != null) {
                audit.record(call.user().username(), AuditAction.DIAGNOSTICS_VIEWED, call.sessionId(),
                        Phrase.of("audit.diagnosticsRead", "collectedAt", view.collectedAt()));
            }
            return new Answer(200, view);
        });
        commands.add("logs.request", HandlerType.POST, "/api/v1/sessions/{id}/logs", Input.NOTHING, call ->
                new Answer(202, diagnostics.requestLogs(call.user(), call.sessionId())));
        commands.add("logs.read", HandlerType.GET, "/api/v1/sessions/{id}/logs", Input.NOTHING, call ->
                new Answer(200, diagnostics.logs(call.user(), call.sessionId())));
        // On the owner, so that a live session's transcript notes the mail.
        commands.add("logs.email", HandlerType.POST, "/api/v1/sessions/{id}/logs/email", Input.BODY, call -> {
            var to = Addresses.parse(Bodies.text(call.body(), "to").orElse(null));
            Email email = records.logMail().send(call.user(), call.sessionId(), to, Bodies.text(call.body(), "subject"),
                    Bodies.text(call.body(), "message"), fileIds(call.body()), call.language());
            return new Answer(202, new MailReceiptView(email.id(), mail.expectedStatus(email).wireName()));
        });
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/sessions/{id}/logs/{file}", ctx -> {
            User user = auth.require(ctx);
            StoredFile file = records.logFiles().file(user, ctx.pathParam("id"), ctx.pathParam("file"));
            audit.record(user.username(), AuditAction.LOGS_VIEWED, ctx.pathParam("id"), Phrase.of("audit.logFileDownloaded",
                    "name", file.record().name(), "size", String.valueOf(file.record().size())));
            ctx.header("Content-Disposition", "attachment; filename=\"" + file.record().name().replace("\"", "")
                    + "\"");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.contentType("application/octet-stream").result(file.content());
        });
    }

    private static Optional<List<String>> fileIds(JsonNode body) {
        JsonNode files = body.get("files");
        if (files == null || files.isNull()) {
            return Optional.empty();
        }
        if (!files.isArray()) {
            throw Rejection.badInput("'files' must be a list of log file ids.");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : files) {
            if (!id.isTextual()) {
                throw Rejection.badInput("'files' must be a list of log file ids.");
            }
            ids.add(id.asText());
        }
        return Optional.of(ids);
    }
}
