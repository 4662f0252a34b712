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
import dev.tandem.server.events.Events;
import dev.tandem.server.store.TokenStore.TokenGrant;
import dev.tandem.server.store.UserStore;
import dev.tandem.server.net.ClientAddresses;
import dev.tandem.server.view.RecoveryCodesView;
import dev.tandem.server.view.TotpEnrolmentView;
import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * TOTP enrolment and removal, re-authentication before dangerous actions, and an administrator's
 * reset of another user's second factors. Every enrolment, removal and reset is audited.
 */
final class SecondFactorRoutes {
    private final SecondFactors factors;
    private final SignIns signIns;
    private final Passkeys passkeys;
    private final Accounts accounts;
    private final UserStore users;
    private final Events consoles;
    private final Authenticator auth;
    private final Bodies bodies;
    private final AuditLog audit;
    private final ClientAddresses clients;

    SecondFactorRoutes(SecondFactors factors, SignIns signIns, Passkeys passkeys, Accounts accounts, UserStore users,
                       Events consoles, Authenticator auth, Bodies bodies, AuditLog audit, ClientAddresses clients) {
        this.clients = clients;
        this.factors = factors;
        this.signIns = signIns;
        this.passkeys = passkeys;
        this.accounts = accounts;
        this.users = users;
        this.consoles = consoles;
        this.auth = auth;
        this.bodies = bodies;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/auth/totp", ctx -> {
            User user = auth.requireForEnrolment(ctx);
            SecondFactors.Enrolment enrolment = factors.beginTotp(user);
            ctx.json(new TotpEnrolmentView(enrolment.secret(), enrolment.otpauthUri()));
        });
        routes.post("/api/v1/auth/totp/confirm", ctx -> {
            User user = auth.requireForEnrolment(ctx);
            String code = Bodies.requiredText(bodies.object(ctx), "code");
            accounts.throttle(user.username(), clients.of(ctx));
            List<String> recovery = factors.confirmTotp(user, code).orElseThrow(() -> {
                accounts.recordFailure(user.username(), clients.of(ctx));
                return Rejection.of(ErrorCode.INVALID_OTP_SETUP, "That code does not match: check the "
                        + "time on your phone and enter the code your app shows now.");
            });
            accounts.enrolled(user.id());
            accounts.verifiedAgain(auth.grant(ctx));
            audit.record(user.username(), AuditAction.TOTP_ENABLED, Phrase.of("audit.totpEnabled",
                    "count", String.valueOf(recovery.size())));
            ctx.json(new RecoveryCodesView(recovery));
        });
        routes.delete("/api/v1/auth/totp", ctx -> {
            User user = auth.require(ctx);
            String code = Bodies.requiredText(bodies.object(ctx), "code");
            if (!factors.status(user.id()).totp()) {
                throw Rejection.of(ErrorCode.TOTP_OFF, "Two-factor codes are not on for you.");
            }
            signIns.checkCode(user, code, clients.of(ctx));
            if (signIns.policyRequires(user) && factors.status(user.id()).passkeys() == 0) {
                throw Rejection.of(ErrorCode.SECOND_FACTOR_REQUIRED, "Your administrator requires "
                        + "two-factor sign-in: add a passkey before you turn the authenticator app off.");
            }
            factors.removeTotp(user.id());
            audit.record(user.username(), AuditAction.TOTP_DISABLED, Phrase.of("audit.totpDisabled"));
            ctx.status(204);
        });
        routes.post("/api/v1/auth/reauth", ctx -> {
            TokenGrant grant = auth.grant(ctx);
            User user = grant.user();
            JsonNode body = bodies.object(ctx);
            String how;
            if (body.hasNonNull("passkey")) {
                passkeys.reauthenticate(user, body.get("passkey"));
                how = "audit.reauthenticatedPasskey";
            } else if (body.hasNonNull("otp")) {
                signIns.checkCode(user, Bodies.requiredText(body, "otp"), clients.of(ctx));
                how = "audit.reauthenticatedCode";
            } else {
                if (!signIns.checkPassword(user, Bodies.requiredText(body, "password"), clients.of(ctx))) {
                    throw Rejection.of(ErrorCode.WRONG_PASSWORD, "That password is not right.");
                }
                how = "audit.reauthenticatedPassword";
            }
            accounts.verifiedAgain(grant);
            audit.record(user.username(), AuditAction.REAUTHENTICATED, Phrase.of(how));
            ctx.status(204);
        });
        routes.delete("/api/v1/users/{username}/second-factor", ctx -> {
            User admin = auth.requireAdmin(ctx);
            auth.requireRecentProof(ctx);
            User target = users.findByUsername(ctx.pathParam("username"))
                    .orElseThrow(() -> Rejection.notFound("There is no user '" + ctx.pathParam("username") + "'."));
            SecondFactors.Status before = factors.status(target.id());
            int removedPasskeys = factors.reset(target.id());
            if (target.id() != admin.id()) {
                accounts.signOutEverywhere(target.id());
                consoles.disconnect(target.id(), ErrorCode.UNAUTHENTICATED.socketCloseCode(), "An administrator reset your two-factor sign-in.");
            }
            audit.record(admin.username(), AuditAction.SECOND_FACTOR_RESET, Phrase.of(before.totp()
                    ? "audit.secondFactorReset" : "audit.secondFactorResetNoApp", "username", target.username(),
                    "count", String.valueOf(removedPasskeys)));
            ctx.status(204);
        });
    }
}
