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
import dev.tandem.server.view.DiagnosticsView;
import dev.tandem.server.view.MailReceiptView;
import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Remote Diagnostics and Send Logfiles: requests, reports, files, and the log-files email. */
final class DiagnosticsRoutes {
    private final SessionDiagnostics diagnostics;
    private final WebApp.Records records;
    private final Authenticator auth;
    private final Bodies bodies;
    private final AuditLog audit;
    private final MailOutbox mail;

    DiagnosticsRoutes(SessionDiagnostics diagnostics, WebApp.Records records, MailOutbox mail, Authenticator auth, Bodies bodies, AuditLog audit) {
        this.audit = audit;
        this.mail = mail;
        this.diagnostics = diagnostics;
        this.records = records;
        this.auth = auth;
        this.bodies = bodies;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/sessions/{id}/diagnostics", ctx ->
                ctx.status(202).json(diagnostics.requestDiagnostics(auth.require(ctx), ctx.pathParam("id"))));
        routes.get("/api/v1/sessions/{id}/diagnostics", ctx -> {
            User user = auth.require(ctx);
            DiagnosticsView view = diagnostics.diagnostics(user, ctx.pathParam("id"));
            if (view.report() != null) {
                audit.record(user.username(), AuditAction.DIAGNOSTICS_VIEWED, ctx.pathParam("id"),
                        Phrase.of("audit.diagnosticsRead", "collectedAt", view.collectedAt()));
            }
            ctx.json(view);
        });
        routes.post("/api/v1/sessions/{id}/logs", ctx ->
                ctx.status(202).json(diagnostics.requestLogs(auth.require(ctx), ctx.pathParam("id"))));
        routes.get("/api/v1/sessions/{id}/logs", ctx ->
                ctx.json(diagnostics.logs(auth.require(ctx), ctx.pathParam("id"))));
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
        routes.post("/api/v1/sessions/{id}/logs/email", ctx -> {
            User user = auth.require(ctx);
            JsonNode body = bodies.object(ctx);
            var to = Addresses.parse(Bodies.text(body, "to").orElse(null));
            Email email = records.logMail().send(user, ctx.pathParam("id"), to, Bodies.text(body, "subject"),
                    Bodies.text(body, "message"), fileIds(body), CallerLanguage.of(ctx));
            ctx.status(202).json(new MailReceiptView(email.id(), mail.expectedStatus(email).wireName()));
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
