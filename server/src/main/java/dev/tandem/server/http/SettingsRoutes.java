package dev.tandem.server.http;

import dev.tandem.server.i18n.Phrase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.Links;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.ServerConfig;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.domain.Email;
import dev.tandem.server.domain.EmailStatus;
import dev.tandem.server.domain.User;
import dev.tandem.server.mail.Addresses;
import dev.tandem.server.mail.MailOutbox;
import dev.tandem.server.mail.SmtpPorts;
import dev.tandem.server.recordings.Recordings;
import dev.tandem.server.settings.Settings;
import dev.tandem.server.settings.SettingsChange;
import dev.tandem.server.settings.SignInSettings;
import dev.tandem.server.view.SettingsView;
import dev.tandem.server.view.TestEmailView;
import java.util.List;
import io.javalin.config.RoutesConfig;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/** Public URL, SMTP and retention settings, and the test email; administrators only. */
final class SettingsRoutes {
    private final Settings settings;
    private final SignInSettings signIn;
    private final MailOutbox mail;
    private final Links links;
    private final AuditLog audit;
    private final Authenticator auth;
    private final Bodies bodies;
    private final Recordings recordings;

    SettingsRoutes(Settings settings, SignInSettings signIn, MailOutbox mail, Links links, AuditLog audit,
                   Authenticator auth, Bodies bodies, Recordings recordings) {
        this.recordings = recordings;
        this.settings = settings;
        this.signIn = signIn;
        this.mail = mail;
        this.links = links;
        this.audit = audit;
        this.auth = auth;
        this.bodies = bodies;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/settings", ctx -> {
            auth.requireAdmin(ctx);
            ctx.json(view());
        });
        routes.put("/api/v1/settings", ctx -> {
            User admin = auth.requireAdmin(ctx);
            JsonNode body = bodies.object(ctx);
            if (body.has("smtp") || body.has("sso")) {
                auth.requireRecentProof(ctx); // where mail and sign-ins go: prove it is you again
            }
            SettingsChange change = read(body, settings.smtp(), mail.ports());
            List<String> signInChanges = signIn.apply(body);
            if (!change.isEmpty()) {
                settings.apply(change);
                audit.record(admin.username(), AuditAction.SETTINGS_UPDATED, change.description());
            }
            if (!signInChanges.isEmpty()) {
                audit.record(admin.username(), AuditAction.SETTINGS_UPDATED, Phrase.of("audit.settingsChanged",
                        "changes", String.join("; ", signInChanges)));
            }
            ctx.json(view());
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
                throw Rejection.of(ErrorCode.SMTP_FAILED, failed.getMessage());
            }
            boolean sent = email.status() == EmailStatus.SENT;
            String message = sent ? "The test email to " + to.getAddress() + " was accepted by " + settings.smtp()
                    .map(Object::toString).orElse("the SMTP server") + "."
                    : "No SMTP server is set: the test email to " + to.getAddress()
                    + " was written to the outbox folder on the server.";
            audit.record(admin.username(), AuditAction.TEST_EMAIL_SENT,
                    Phrase.of(sent ? "audit.testEmailSent" : "audit.testEmailOutbox", "to", to.getAddress()));
            ctx.json(new TestEmailView(sent ? "sent" : "outbox", message));
        });
    }

    private SettingsView view() {
        return settings.view(links.base(), signIn.view(() -> links.base() + SsoRoutes.CALLBACK), recordings.usedBytes());
    }

    private static SettingsChange read(JsonNode body, Optional<ServerConfig.SmtpSettings> current, SmtpPorts ports) {
        SettingsChange change = new SettingsChange();
        if (body.has("publicUrl")) {
            change.publicUrl(Bodies.text(body, "publicUrl").orElse(null));
        }
        if (body.has("smtp")) {
            JsonNode smtp = body.get("smtp");
            if (smtp.isNull()) {
                change.smtpUrl(null, current, ports).smtpFrom(null);
            } else if (!smtp.isObject()) {
                throw Rejection.badInput("'smtp' must be an object with 'url', 'password' and 'from'.");
            } else {
                if (smtp.has("url")) {
                    change.smtpUrl(Bodies.text(smtp, "url").orElse(null), current, ports);
                }
                if (smtp.has("password")) {
                    change.smtpPassword(Bodies.text(smtp, "password").orElse(null));
                }
                if (smtp.has("from")) {
                    change.smtpFrom(Bodies.text(smtp, "from").orElse(null));
                }
            }
        }
        if (body.has("recordings")) {
            JsonNode recordings = body.get("recordings");
            if (!recordings.isObject()) {
                throw Rejection.badInput("'recordings' must be an object with 'limitMegabytes'.");
            }
            if (recordings.has("limitMegabytes")) {
                change.recordingLimitMegabytes(Bodies.integer(recordings, "limitMegabytes").orElse(null));
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
        if (body.has("files")) {
            JsonNode files = body.get("files");
            if (!files.isObject()) {
                throw Rejection.badInput("'files' must be an object with 'maxFileMegabytes' and 'maxSessionMegabytes'.");
            }
            if (files.has("maxFileMegabytes")) {
                change.fileMegabytes(Bodies.integer(files, "maxFileMegabytes").orElse(null));
            }
            if (files.has("maxSessionMegabytes")) {
                change.sessionFileMegabytes(Bodies.integer(files, "maxSessionMegabytes").orElse(null));
            }
        }
        return change;
    }
}
