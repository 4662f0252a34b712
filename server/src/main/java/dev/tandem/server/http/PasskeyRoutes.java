package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Passkeys;
import dev.tandem.server.auth.SecondFactors;
import dev.tandem.server.auth.SignIns;
import dev.tandem.server.domain.User;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.store.PasskeyStore.StoredPasskey;
import dev.tandem.server.view.PasskeyView;
import dev.tandem.server.view.Views;
import dev.tandem.server.net.ClientAddresses;
import io.javalin.config.RoutesConfig;

/**
 * Passkeys: enrolment and removal by the signed-in user, sign-in with a passkey alone, and the
 * options a signed-in user needs to prove it is them with one (re-authentication).
 */
final class PasskeyRoutes {
    private final Passkeys passkeys;
    private final SecondFactors factors;
    private final SignIns signIns;
    private final Accounts accounts;
    private final AuthRoutes authRoutes;
    private final Authenticator auth;
    private final Bodies bodies;
    private final AuditLog audit;
    private final ClientAddresses clients;

    PasskeyRoutes(Passkeys passkeys, SecondFactors factors, SignIns signIns, Accounts accounts, AuthRoutes authRoutes,
                  Authenticator auth, Bodies bodies, AuditLog audit, ClientAddresses clients) {
        this.clients = clients;
        this.passkeys = passkeys;
        this.factors = factors;
        this.signIns = signIns;
        this.accounts = accounts;
        this.authRoutes = authRoutes;
        this.auth = auth;
        this.bodies = bodies;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/auth/passkey/options", ctx -> ctx.json(passkeys.signInOptions()));
        routes.post("/api/v1/auth/passkey/login", ctx -> {
            JsonNode body = bodies.object(ctx);
            User user;
            try {
                user = passkeys.signIn(Bodies.requiredText(body, "flow"), body.path("credential"));
            } catch (Rejection refused) {
                audit.record(AuditLog.anonymous(clients.of(ctx).text()), AuditAction.SIGN_IN_FAILED,
                        Phrase.of("audit.passkeySignInRefused", "code", refused.code()));
                throw refused;
            }
            audit.record(user.username(), AuditAction.PASSKEY_SIGN_IN, Phrase.of("audit.passkeySignIn",
                    "address", clients.of(ctx).text()));
            authRoutes.openConsole(ctx, user, false);
        });
        routes.post("/api/v1/auth/reauth/options", ctx -> ctx.json(passkeys.reauthenticationOptions(auth.grant(ctx).user())));
        routes.post("/api/v1/auth/passkeys/options", ctx -> ctx.json(passkeys.enrolmentOptions(auth.requireForEnrolment(ctx))));
        routes.post("/api/v1/auth/passkeys", ctx -> {
            User user = auth.requireForEnrolment(ctx);
            JsonNode body = bodies.object(ctx);
            String name = Bodies.text(body, "name").map(String::strip).filter(s -> !s.isEmpty()).orElse("Passkey");
            if (name.length() > 120) {
                throw Rejection.badInput("'name' can have at most 120 characters.");
            }
            StoredPasskey passkey = passkeys.enrol(user, Bodies.requiredText(body, "flow"), name, body.path("credential"));
            accounts.enrolled(user.id());
            accounts.verifiedAgain(auth.grant(ctx));
            audit.record(user.username(), AuditAction.PASSKEY_ADDED, Phrase.of("audit.passkeyAdded", "passkey", passkey.id(),
                    "name", name));
            ctx.status(201).json(view(passkey));
        });
        routes.get("/api/v1/auth/passkeys", ctx -> {
            User user = auth.requireForEnrolment(ctx);
            ctx.json(passkeys.list(user).stream().map(PasskeyRoutes::view).toList());
        });
        routes.delete("/api/v1/auth/passkeys/{id}", ctx -> {
            User user = auth.require(ctx);
            String id = ctx.pathParam("id");
            SecondFactors.Status status = factors.status(user.id());
            boolean owns = passkeys.list(user).stream().anyMatch(p -> p.id().equals(id));
            if (!owns) {
                throw Rejection.notFound("You have no passkey '" + id + "'.");
            }
            if (signIns.policyRequires(user) && !status.totp() && status.passkeys() <= 1) {
                throw Rejection.of(ErrorCode.SECOND_FACTOR_REQUIRED, "Your administrator requires "
                        + "two-factor sign-in: set up another passkey or an authenticator app before removing this one.");
            }
            passkeys.remove(user, id);
            audit.record(user.username(), AuditAction.PASSKEY_REMOVED, Phrase.of("audit.passkeyRemoved", "passkey", id));
            ctx.status(204);
        });
    }

    private static PasskeyView view(StoredPasskey passkey) {
        return new PasskeyView(passkey.id(), passkey.name(), Views.iso(passkey.createdAt()),
                passkey.lastUsedAt().map(Views::iso).orElse(null));
    }
}
