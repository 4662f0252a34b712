package dev.tandem.server.auth;

import dev.tandem.server.auth.SingleSignOn.Failure;
import dev.tandem.server.auth.SingleSignOn.Identity;
import dev.tandem.server.domain.Role;
import dev.tandem.server.domain.User;
import dev.tandem.server.settings.SignInSettings.Sso;
import dev.tandem.server.store.UserStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which Tandem user a person from the identity provider is: the user linked to their provider
 * account; else the one user with their email when the provider says it is verified (then linked);
 * else, when the settings allow it, a new technician. A disabled user is refused. When an
 * administrator group is set, the group claim decides the role at every sign-in. Thread-safe.
 */
public final class SsoAccounts {
    private final UserStore users;
    private final Accounts accounts;

    public SsoAccounts(UserStore users, Accounts accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    /** The user signed in, and what happened to them on the way (for the audit log). */
    public record Match(User user, boolean created, String how) {
    }

    public Match match(Sso sso, Identity identity) {
        boolean created = false;
        String how;
        Optional<User> linked = users.findBySsoSubject(identity.subject());
        User user;
        if (linked.isPresent()) {
            user = linked.get();
            how = "linked account";
        } else {
            Optional<User> byEmail = byVerifiedEmail(identity);
            if (byEmail.isPresent()) {
                user = byEmail.get();
                users.linkSso(user.id(), identity.subject());
                how = "matched by verified email " + identity.email().orElseThrow();
            } else if (sso.createAccounts()) {
                user = create(identity);
                created = true;
                how = "new technician account";
            } else {
                throw new Failure("sso_no_account", "no Tandem user has the verified email "
                        + identity.email().filter(e -> identity.emailVerified()).orElse("(none given)")
                        + " and new accounts are not created");
            }
        }
        if (!user.enabled()) {
            throw new Failure("sso_disabled", "the Tandem user " + user.username() + " is disabled");
        }
        if (sso.adminGroup().isPresent()) {
            Role role = identity.groups().contains(sso.adminGroup().get()) ? Role.ADMIN : Role.TECHNICIAN;
            if (role != user.role()) {
                user = new User(user.id(), user.username(), user.displayName(), role, user.enabled());
                users.update(user);
                accounts.forgetUser(user.id());
                how += ", role now " + role.wireName() + " from the group claim";
            }
        }
        return new Match(user, created, how);
    }

    private Optional<User> byVerifiedEmail(Identity identity) {
        if (!identity.emailVerified() || identity.email().isEmpty()) {
            return Optional.empty();
        }
        List<User> found = users.findByEmail(identity.email().get());
        if (found.size() > 1) {
            throw new Failure("sso_ambiguous", "more than one Tandem user has the email " + identity.email().get());
        }
        return found.stream().findFirst();
    }

    private User create(Identity identity) {
        String base = identity.username().or(() -> identity.email().map(e -> e.substring(0, Math.max(0, e.indexOf('@')))))
                .map(SsoAccounts::usable).filter(s -> s.length() >= 2).orElse("sso-user");
        String username = base;
        for (int n = 2; users.findByUsername(username).isPresent(); n++) {
            username = base.substring(0, Math.min(base.length(), 60)) + "-" + n;
        }
        String displayName = identity.name().map(String::strip).filter(s -> !s.isEmpty()).orElse(username);
        User user = accounts.createWithoutPassword(username, displayName.length() > 120 ? displayName.substring(0, 120)
                : displayName, Role.TECHNICIAN);
        users.linkSso(user.id(), identity.subject());
        if (identity.emailVerified()) {
            identity.email().ifPresent(email -> users.updateEmail(user.id(), email));
        }
        return user;
    }

    /** A user name Tandem accepts: letters, digits, dots, dashes and underscores, at most 64. */
    private static String usable(String wanted) {
        String cleaned = wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
