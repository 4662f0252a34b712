package dev.tandem.server.http;

import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.i18n.Language;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.server.Links;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.codes.SessionCodes;
import dev.tandem.server.domain.Email;
import dev.tandem.server.domain.IssuedCode;
import dev.tandem.server.domain.User;
import dev.tandem.server.mail.Addresses;
import dev.tandem.server.mail.InvitationEmail;
import dev.tandem.server.mail.MailOutbox;
import dev.tandem.server.net.ClientAddresses;
import dev.tandem.server.view.JoinView;
import dev.tandem.server.view.MailReceiptView;
import dev.tandem.server.view.Views;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.util.Optional;

/** Code Management: create, list, cancel, send by email; and the public check of a code. */
final class CodeRoutes {
    private final SessionCodes codes;
    private final MailOutbox mail;
    private final Authenticator auth;
    private final Bodies bodies;
    private final Links links;
    private final String storeUrl;
    private final AuditLog audit;
    private final ClientAddresses clients;

    CodeRoutes(SessionCodes codes, MailOutbox mail, Authenticator auth, Bodies bodies, Links links, String storeUrl,
               AuditLog audit, ClientAddresses clients) {
        this.audit = audit;
        this.clients = clients;
        this.codes = codes;
        this.mail = mail;
        this.auth = auth;
        this.bodies = bodies;
        this.links = links;
        this.storeUrl = storeUrl;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/codes", ctx -> {
            User user = auth.require(ctx);
            JsonNode body = bodies.object(ctx);
            IssuedCode code = codes.create(user, Bodies.text(body, "identifier"), Bodies.text(body, "portal"));
            audit.record(user.username(), AuditAction.CODE_CREATED, code.identifier()
                    .map(i -> Phrase.of("audit.codeCreatedFor", "code", code.code(), "portal", code.portal().slug(),
                            "identifier", i, "expiresAt", code.expiresAt().toString()))
                    .orElseGet(() -> Phrase.of("audit.codeCreated", "code", code.code(), "portal",
                            code.portal().slug(), "expiresAt", code.expiresAt().toString())));
            ctx.status(201).json(codes.view(code));
        });
        routes.get("/api/v1/codes", ctx -> {
            User user = auth.require(ctx);
            ctx.json(codes.list(user).stream().map(codes::view).toList());
        });
        routes.delete("/api/v1/codes/{code}", ctx -> {
            User user = auth.require(ctx);
            codes.cancel(user, ctx.pathParam("code"));
            audit.record(user.username(), AuditAction.CODE_CANCELLED, Phrase.of("audit.codeCancelled", "code",
                    ctx.pathParam("code")));
            ctx.status(204);
        });
        routes.post("/api/v1/codes/{code}/email", ctx -> {
            User user = auth.require(ctx);
            JsonNode body = bodies.object(ctx);
            var to = Addresses.parse(Bodies.text(body, "to").orElse(null));
            IssuedCode code = codes.visible(user, ctx.pathParam("code"));
            if (code.statusAt(java.time.Instant.now()) != dev.tandem.server.domain.CodeStatus.WAITING) {
                throw Rejection.of(ErrorCode.CODE_NOT_WAITING,
                        "Code " + code.code() + " can no longer be used; create a new one and send that.");
            }
            // A portal that follows its customers' language: the technician's, who knows the customer.
            String language = Language.of(code.portal().language()).orElse(CallerLanguage.of(ctx)).tag();
            InvitationEmail invitation = InvitationEmail.compose(language, code.code(),
                    links.join(code.code()), user.displayName(),
                    Duration.between(java.time.Instant.now(), code.expiresAt()));
            Email email = mail.send(to, invitation.subject(), invitation.body(), "invitation", Optional.of(user.id()),
                    Optional.empty());
            audit.record(user.username(), AuditAction.CODE_EMAILED, Phrase.of("audit.codeEmailed", "code", code.code(),
                    "to", to.getAddress(), "email", email.id()));
            ctx.status(202).json(new MailReceiptView(email.id(), mail.expectedStatus(email).wireName()));
        });
        routes.get("/api/v1/join/{code}", ctx -> {
            try {
                IssuedCode code = codes.redeemable(ctx.pathParam("code"), clients.of(ctx));
                ctx.json(new JoinView(code.code(), "waiting", code.portal().name(), code.portal().language(),
                        code.technicianName(), Links.appLink(code.code()), storeUrl, Views.iso(code.expiresAt())));
            } catch (ProtocolException refused) {
                throw Rejection.of(refused.status());
            }
        });
    }
}
