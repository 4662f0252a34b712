package dev.tandem.server.http;

import dev.tandem.server.Rejection;
import dev.tandem.server.domain.Email;
import dev.tandem.server.domain.User;
import dev.tandem.server.mail.MailOutbox;
import dev.tandem.server.view.MailView;
import io.javalin.config.RoutesConfig;
import java.util.Optional;

/** The mail the caller had the server send (all mail, for an administrator), and its raw .eml. */
final class OutboxRoutes {
    private final MailOutbox mail;
    private final Authenticator auth;

    OutboxRoutes(MailOutbox mail, Authenticator auth) {
        this.mail = mail;
        this.auth = auth;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/outbox", ctx -> {
            User user = auth.require(ctx);
            ctx.json(mail.list(user.isAdmin() ? Optional.empty() : Optional.of(user.id())).stream()
                    .map(OutboxRoutes::view).toList());
        });
        routes.get("/api/v1/outbox/{id}/eml", ctx -> {
            User user = auth.require(ctx);
            Email email = mail.find(ctx.pathParam("id"))
                    .filter(e -> user.isAdmin() || e.createdBy().filter(id -> id == user.id()).isPresent())
                    .orElseThrow(() -> Rejection.notFound("There is no message " + ctx.pathParam("id") + " of yours."));
            ctx.contentType("message/rfc822");
            ctx.header("Content-Disposition", "attachment; filename=\"" + email.id() + ".eml\"");
            ctx.result(mail.eml(email.id()).orElseThrow());
        });
    }

    private static MailView view(Email email) {
        return new MailView(email.id(), email.kind(), email.recipient(), email.subject(), email.status().wireName(),
                email.attempts(), email.lastError().orElse(null), email.createdAt().toString(),
                email.sentAt().map(Object::toString).orElse(null));
    }
}
