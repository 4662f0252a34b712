package dev.tandem.server.http;

import dev.tandem.server.i18n.Phrase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.SecondFactors;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.domain.Role;
import dev.tandem.server.domain.User;
import dev.tandem.server.events.Events;
import dev.tandem.server.store.PortalStore;
import dev.tandem.server.store.UserStore;
import dev.tandem.server.view.PortalView;
import dev.tandem.server.view.ManagedUserView;
import io.javalin.config.RoutesConfig;
import java.util.Optional;
import java.util.regex.Pattern;

/** Users and portals: read by every signed-in user (portals), changed by administrators only. */
final class AdminRoutes {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern BRAND_COLOR = Pattern.compile("#[0-9a-f]{6}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");
    static final int DEFAULT_MAX_LIVE_CODES = 8;

    private final PortalStore portals;
    private final UserStore users;
    private final Accounts accounts;
    private final SecondFactors factors;
    private final Events consoles;
    private final Authenticator auth;
    private final Bodies bodies;
    private final AuditLog audit;

    AdminRoutes(PortalStore portals, UserStore users, Accounts accounts, SecondFactors factors, Events consoles,
                Authenticator auth, Bodies bodies, AuditLog audit) {
        this.audit = audit;
        this.portals = portals;
        this.users = users;
        this.accounts = accounts;
        this.factors = factors;
        this.consoles = consoles;
        this.auth = auth;
        this.bodies = bodies;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/portals", ctx -> {
            auth.require(ctx);
            ctx.json(portals.list().stream().map(PortalView::of).toList());
        });
        routes.post("/api/v1/portals", ctx -> {
            User admin = auth.requireAdmin(ctx);
            JsonNode body = bodies.object(ctx);
            String slug = Bodies.requiredText(body, "slug");
            if (!SLUG.matcher(slug).matches()) {
                throw Rejection.badInput("The slug must be 2 to 64 lowercase letters, digits or dashes, e.g. 'printers'.");
            }
            if (portals.findBySlug(slug).isPresent()) {
                throw Rejection.of(ErrorCode.SLUG_TAKEN, "A portal with the slug '" + slug + "' exists.");
            }
            Portal portal = portals.create(read(body, new Portal(0, slug, null, "auto", false, true, true, 20,
                    DEFAULT_MAX_LIVE_CODES)));
            audit.record(admin.username(), AuditAction.PORTAL_CREATED, Phrase.of("audit.portalCreated", "portal", slug,
                    "settings", PortalView.of(portal).auditText()));
            ctx.status(201).json(PortalView.of(portal));
        });
        routes.put("/api/v1/portals/{slug}", ctx -> {
            User admin = auth.requireAdmin(ctx);
            Portal current = portals.findBySlug(ctx.pathParam("slug"))
                    .orElseThrow(() -> Rejection.notFound("There is no portal '" + ctx.pathParam("slug") + "'."));
            Portal updated = read(bodies.object(ctx), current);
            portals.update(updated);
            audit.record(admin.username(), AuditAction.PORTAL_UPDATED, Phrase.of("audit.portalUpdated", "portal",
                    updated.slug(), "settings", PortalView.of(updated).auditText()));
            ctx.json(PortalView.of(updated));
        });
        routes.get("/api/v1/users", ctx -> {
            auth.requireAdmin(ctx);
            ctx.json(users.list().stream().map(this::view).toList());
        });
        routes.post("/api/v1/users", ctx -> {
            User admin = auth.requireAdmin(ctx);
            JsonNode body = bodies.object(ctx);
            String username = Bodies.requiredText(body, "username");
            if (!USERNAME.matcher(username).matches()) {
                throw Rejection.badInput("The user name must be 2 to 64 letters, digits, dots, dashes or underscores.");
            }
            if (users.findByUsername(username).isPresent()) {
                throw Rejection.of(ErrorCode.USERNAME_TAKEN, "The user '" + username + "' exists.");
            }
            Role role = role(Bodies.text(body, "role").orElse("technician"));
            String displayName = Bodies.text(body, "displayName").map(String::strip).filter(s -> !s.isEmpty())
                    .orElse(username);
            Optional<String> email = email(body);
            User user = accounts.createUser(username, limit(displayName, "displayName", 120), role,
                    Accounts.acceptable(username, Bodies.requiredText(body, "password")));
            email.ifPresent(e -> users.updateEmail(user.id(), e));
            audit.record(admin.username(), AuditAction.USER_CREATED, email
                    .map(e -> Phrase.of("audit.userCreatedWithEmail", "username", user.username(),
                            "displayName", user.displayName(), "role", user.role().wireName(), "email", e))
                    .orElseGet(() -> Phrase.of("audit.userCreated", "username", user.username(),
                            "displayName", user.displayName(), "role", user.role().wireName())));
            ctx.status(201).json(view(user));
        });
        routes.put("/api/v1/users/{username}", ctx -> {
            User admin = auth.requireAdmin(ctx);
            User current = users.findByUsername(ctx.pathParam("username"))
                    .orElseThrow(() -> Rejection.notFound("There is no user '" + ctx.pathParam("username") + "'."));
            JsonNode body = bodies.object(ctx);
            if (body.hasNonNull("password") || body.hasNonNull("role")
                    && !body.get("role").asText().equals(current.role().wireName())) {
                auth.requireRecentProof(ctx); // another user's password or role: prove it is you again
            }
            boolean enabled = Bodies.bool(body, "enabled").orElse(current.enabled());
            if (!enabled && current.id() == admin.id()) {
                throw Rejection.of(ErrorCode.CANNOT_DISABLE_SELF,
                        "You cannot disable your own account; ask another administrator.");
            }
            User updated = new User(current.id(), current.username(),
                    Bodies.text(body, "displayName").map(s -> limit(s.strip(), "displayName", 120)).orElse(current.displayName()),
                    Bodies.text(body, "role").map(AdminRoutes::role).orElse(current.role()), enabled);
            Optional<String> newPassword = Bodies.text(body, "password").map(p -> Accounts.acceptable(current.username(), p));
            users.update(updated);
            newPassword.ifPresent(p -> accounts.setPassword(current.id(), p));
            if (body.has("email")) {
                Optional<String> email = email(body);
                users.updateEmail(current.id(), email.orElse(null));
                audit.record(admin.username(), AuditAction.USER_UPDATED, email
                        .map(e -> Phrase.of("audit.userEmail", "username", current.username(), "email", e))
                        .orElseGet(() -> Phrase.of("audit.userNoEmail", "username", current.username())));
            }
            if (!enabled || newPassword.isPresent()) {
                accounts.signOutEverywhere(current.id()); // a disabled or reset account keeps no old sign-in
            } else {
                accounts.forgetUser(current.id());
            }
            if (!enabled) {
                consoles.disconnect(current.id(), ErrorCode.UNAUTHENTICATED.socketCloseCode(), "Your account was disabled.");
            }
            auditUserChange(admin.username(), current, updated, body.hasNonNull("password"));
            ctx.json(view(updated));
        });
    }

    private void auditUserChange(String admin, User before, User after, boolean passwordReset) {
        if (before.enabled() != after.enabled()) {
            audit.record(admin, after.enabled() ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
                    Phrase.of(after.enabled() ? "audit.userEnabled" : "audit.userDisabled", "username", after.username()));
        }
        if (!before.displayName().equals(after.displayName()) || before.role() != after.role()) {
            audit.record(admin, AuditAction.USER_UPDATED, Phrase.of("audit.userUpdated", "username", after.username(),
                    "displayName", after.displayName(), "role", after.role().wireName()));
        }
        if (passwordReset) {
            audit.record(admin, AuditAction.PASSWORD_RESET, Phrase.of("audit.passwordReset", "username", after.username()));
        }
    }

    private static Portal read(JsonNode body, Portal base) {
        String name = Bodies.text(body, "name").map(String::strip).orElse(base.name());
        if (name == null || name.isEmpty()) {
            throw Rejection.badInput("'name' is required.");
        }
        String language = Bodies.text(body, "language").orElse(base.language());
        if (!language.equals("auto") && !language.equals("en") && !language.equals("es")) {
            throw Rejection.badInput("'language' must be 'auto' (follow each customer's language), 'en' or 'es'.");
        }
        int lifetime = Bodies.integer(body, "codeLifetimeMinutes").orElse(base.codeLifetimeMinutes());
        if (lifetime < 1 || lifetime > 1440) {
            throw Rejection.badInput("'codeLifetimeMinutes' must be between 1 and 1440.");
        }
        int maxLive = Bodies.integer(body, "maxLiveCodes").orElse(base.maxLiveCodes());
        if (maxLive < 1 || maxLive > 100) {
            throw Rejection.badInput("'maxLiveCodes' must be between 1 and 100.");
        }
        // welcomeText: absent keeps it, null or blank clears it. Plain text, shown escaped.
        String welcome = body.has("welcomeText") ? Bodies.text(body, "welcomeText").map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> limit(s, "welcomeText", 1000)).orElse(null) : base.welcomeText();
        String color = Bodies.text(body, "brandColor").map(c -> c.strip().toLowerCase(java.util.Locale.ROOT))
                .orElse(base.brandColor());
        if (!BRAND_COLOR.matcher(color).matches()) {
            throw Rejection.badInput("'brandColor' must be a colour in the form #rrggbb, e.g. #1f6feb.");
        }
        int timeout = Bodies.integer(body, "requestTimeoutMinutes").orElse(base.requestTimeoutMinutes());
        if (timeout < 1 || timeout > 240) {
            throw Rejection.badInput("'requestTimeoutMinutes' must be between 1 and 240.");
        }
        return new Portal(base.id(), base.slug(), limit(name, "name", 120), language,
                Bodies.bool(body, "askBeforeScreenSharing").orElse(base.askBeforeScreenSharing()),
                Bodies.bool(body, "askBeforeDiagnostics").orElse(base.askBeforeDiagnostics()),
                Bodies.bool(body, "allowChatRequests").orElse(base.allowChatRequests()), lifetime, maxLive,
                welcome, color, timeout, Bodies.bool(body, "surveyAfterSession").orElse(base.surveyAfterSession()),
                Bodies.bool(body, "recordSessions").orElse(base.recordSessions()));
    }

    private static Role role(String text) {
        return Role.fromWire(text).orElseThrow(() -> Rejection.badInput("'role' must be 'technician' or 'admin'."));
    }

    /** A user as the Management Center shows them: with email, second factors and single sign-on. */
    private ManagedUserView view(User user) {
        SecondFactors.Status status = factors.status(user.id());
        return ManagedUserView.of(user, users.email(user.id()).orElse(null),
                new ManagedUserView.SecondFactor(status.totp(), status.passkeys()));
    }

    /** The optional {@code email}: matched against verified emails from single sign-on. */
    private static Optional<String> email(JsonNode body) {
        Optional<String> email = Bodies.text(body, "email").map(String::strip).filter(s -> !s.isEmpty());
        email.ifPresent(e -> {
            if (e.length() > 320 || !e.matches("[^@\\s]+@[^@\\s]+")) {
                throw Rejection.badInput("'email' must be an email address such as ana@example.com.");
            }
        });
        return email;
    }

    private static String limit(String text, String field, int max) {
        if (text.codePointCount(0, text.length()) > max) {
            throw Rejection.badInput("'" + field + "' can have at most " + max + " characters.");
        }
        return text;
    }
}
