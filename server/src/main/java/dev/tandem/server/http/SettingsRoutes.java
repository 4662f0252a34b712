package dev.tandem.server.http;

import dev.tandem.server.i18n.Phrase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.Links;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.domain.Email;
import dev.tandem.server.domain.EmailStatus;
import dev.tandem.server.domain.User;
import dev.tandem.server.mail.Addresses;
import dev.tandem.server.mail.MailOutbox;
import dev.tandem.server.settings.Settings;
import dev.tandem.server.settings.SettingsChange;
import io.javalin.config.RoutesConfig;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Public URL, SMTP and retention settings, and the test email; administrators only. */
final class SettingsRoutes {
    private final Settings settings;
    private final MailOutbox mail;
    private final Links links;
    private final AuditLog audit;
    private final Authenticator auth;
    private final Bodies bodies;

    SettingsRoutes(Settings settings, MailOutbox mail, Links links, AuditLog audit, Authenticator auth, Bodies bodies) {
        this.settings = settings;
        this.mail = mail;
        this.links = links;
        this.audit = audit;
        this.auth = auth;
        this.bodies = bodies;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/settings", ctx -> {
            auth.requireAdmin(ctx);
            ctx.json(settings.view(links.base()));
        });
        routes.put("/api/v1/settings", ctx -> {
            User admin = auth.requireAdmin(ctx);
            SettingsChange change = read(bodies.object(ctx));
            if (!change.isEmpty()) {
                settings.apply(change);
                audit.record(admin.username(), AuditAction.SETTINGS_UPDATED, change.description());
            }
            ctx.json(settings.view(links.base()));
        });
        routes.post("/api/v1/settings/test-email", ctx -> {
            User admin = auth.requireAdmin(ctx);
            InternetAddress to = Addresses.parse(Bodies.text(bodies.object(ctx), "to").orElse(null));
            String body = "This is a test email from Tandem, sent by " + admin.displayName() + ".\n\n"
                    + "Join links in emails point to " + links.base() + ".\n"
                    + "If you can read this, Tandem can send invitations and log files.\n";
            Email email;
            try {
                email = mail.sendTest(to, "Tandem test email", body, Optional.of(admin.id()));
            } catch (MailOutbox.DeliveryFailed failed) {
                audit.record(admin.username(), AuditAction.TEST_EMAIL_SENT, Phrase.of("audit.testEmailFailed",
                        "to", to.getAddress(), "error", failed.getMessage()));
                throw Rejection.of(Rejection.Kind.BAD_GATEWAY, "smtp_failed", failed.getMessage());
            }
            boolean sent = email.status() == EmailStatus.SENT;
            String message = sent ? "The test email to " + to.getAddress() + " was accepted by " + settings.smtp()
                    .map(Object::toString).orElse("the SMTP server") + "."
                    : "No SMTP server is set: the test email to " + to.getAddress()
                    + " was written to the outbox folder on the server.";
            audit.record(admin.username(), AuditAction.TEST_EMAIL_SENT,
                    Phrase.of(sent ? "audit.testEmailSent" : "audit.testEmailOutbox", "to", to.getAddress()));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("status", sent ? "sent" : "outbox");
            view.put("message", message);
            ctx.json(view);
        });
    }

    private static SettingsChange read(JsonNode body) {
        SettingsChange change = new SettingsChange();
        if (body.has("publicUrl")) {
            change.publicUrl(Bodies.text(body, "publicUrl").orElse(null));
        }
        if (body.has("smtp")) {
            JsonNode smtp = body.get("smtp");
            if (smtp.isNull()) {
                change.smtpUrl(null).smtpFrom(null);
            } else if (!smtp.isObject()) {
                throw Rejection.badInput("'smtp' must be an object with 'url', 'password' and 'from'.");
            } else {
                if (smtp.has("url")) {
                    change.smtpUrl(Bodies.text(smtp, "url").orElse(null));
                }
                if (smtp.has("password")) {
                    change.smtpPassword(Bodies.text(smtp, "password").orElse(null));
                }
                if (smtp.has("from")) {
                    change.smtpFrom(Bodies.text(smtp, "from").orElse(null));
                }
            }
        }
        if (body.has("retention")) {
            JsonNode retention = body.get("retention");
            if (!retention.isObject()) {
                throw Rejection.badInput("'retention' must be an object with 'transcriptDays' and 'logFileDays'.");
            }
            if (retention.has("transcriptDays")) {
                change.transcriptDays(Bodies.integer(retention, "transcriptDays").orElse(null));
            }
            if (retention.has("logFileDays")) {
                change.logFileDays(Bodies.integer(retention, "logFileDays").orElse(null));
            }
        }
        return change;
    }
}
