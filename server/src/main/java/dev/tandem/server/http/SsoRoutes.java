package dev.tandem.server.http;

import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.SingleSignOn;
import dev.tandem.server.auth.SsoAccounts;
import dev.tandem.server.settings.SignInSettings.Sso;
import dev.tandem.server.net.ClientAddresses;
import dev.tandem.server.view.SsoStatusView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;

/**
 * Single sign-on: whether the sign-in page shows "Sign in with …", the start (a redirect to the
 * identity provider with a state cookie bound to this browser), and the provider's redirect back,
 * which signs the console in and goes to {@code /} (or to {@code /?sso_error=CODE}).
 */
final class SsoRoutes {
    static final String CALLBACK = "/api/v1/auth/sso/callback";
    private static final String STATE_COOKIE = "tandem_sso";
    private final SingleSignOn sso;
    private final SsoAccounts ssoAccounts;
    private final Accounts accounts;
    private final AuthRoutes authRoutes;
    private final AuditLog audit;
    private final boolean secureCookies;
    private final ClientAddresses clients;

    SsoRoutes(SingleSignOn sso, SsoAccounts ssoAccounts, Accounts accounts, AuthRoutes authRoutes, AuditLog audit,
              boolean secureCookies, ClientAddresses clients) {
        this.clients = clients;
        this.sso = sso;
        this.ssoAccounts = ssoAccounts;
        this.accounts = accounts;
        this.authRoutes = authRoutes;
        this.audit = audit;
        this.secureCookies = secureCookies;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/auth/sso", ctx -> {
            Optional<Sso> configured = sso.configured();
            ctx.json(new SsoStatusView(configured.isPresent(), configured.map(Sso::label).orElse(null)));
        });
        routes.get("/api/v1/auth/sso/start", ctx -> {
            try {
                SingleSignOn.Start start = sso.start();
                // Lax, not Strict: the provider's redirect back is a cross-site navigation that must carry it.
                ctx.cookie(new Cookie(STATE_COOKIE, start.state(), "/api/v1/auth/sso", 600, secureCookies, true, null,
                        SameSite.LAX));
                ctx.redirect(start.location().toString(), io.javalin.http.HttpStatus.SEE_OTHER);
            } catch (SingleSignOn.Failure failure) {
                fail(ctx, failure);
            }
        });
        routes.get(CALLBACK, ctx -> {
            ctx.removeCookie(STATE_COOKIE, "/api/v1/auth/sso");
            try {
                SingleSignOn.Identity identity = sso.finish(ctx.queryParam("state"), ctx.cookie(STATE_COOKIE),
                        ctx.queryParam("code"), ctx.queryParam("error"));
                Sso settings = sso.configured().orElseThrow(() -> new SingleSignOn.Failure("sso_off", "turned off"));
                SsoAccounts.Match match = ssoAccounts.match(settings, identity);
                if (match.created()) {
                    audit.record(AuditLog.SYSTEM, AuditAction.SSO_ACCOUNT_CREATED, Phrase.of("audit.ssoAccountCreated",
                            "username", match.user().username(), "subject", identity.subject()));
                }
                Accounts.ConsoleSignIn signIn = accounts.openConsoleSession(match.user(), authRoutes.origin(ctx), false);
                ctx.cookie(authRoutes.sessionCookie(ctx, signIn));
                audit.record(match.user().username(), AuditAction.SSO_SIGN_IN, Phrase.of(match.how(), "provider",
                        settings.label(), "address", clients.of(ctx).text(), "email", identity.email().orElse("")));
                ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
            } catch (SingleSignOn.Failure failure) {
                fail(ctx, failure);
            }
        });
    }

    private void fail(Context ctx, SingleSignOn.Failure failure) {
        audit.record(AuditLog.anonymous(clients.of(ctx).text()), AuditAction.SSO_SIGN_IN_FAILED, Phrase.of("audit.ssoRefused",
                "code", failure.code(), "reason", failure.getMessage()));
        ctx.redirect("/?sso_error=" + failure.code(), io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
