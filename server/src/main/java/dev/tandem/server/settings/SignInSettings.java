package dev.tandem.server.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.Rejection;
import dev.tandem.server.auth.TwoFactorPolicy;
import dev.tandem.server.secrets.SecretBox;
import dev.tandem.server.view.SettingsView;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How people sign in: who must use a second factor, and the single sign-on (OpenID Connect)
 * provider. Stored in the {@code settings} table beside the other settings; the client secret is
 * sealed with the server's {@link SecretBox} and never shown again (write-only). Thread-safe: values are replaced as a whole.
 */
public final class SignInSettings {
    static final String TWO_FACTOR = "signin.two-factor";
    static final String SSO_ISSUER = "sso.issuer";
    static final String SSO_CLIENT_ID = "sso.client-id";
    static final String SSO_CLIENT_SECRET = "sso.client-secret";
    static final String SSO_LABEL = "sso.label";
    static final String SSO_NEW_ACCOUNTS = "sso.new-accounts";
    static final String SSO_GROUP_CLAIM = "sso.group-claim";
    static final String SSO_ADMIN_GROUP = "sso.admin-group";
    private static final List<String> NAMES = List.of(TWO_FACTOR, SSO_ISSUER, SSO_CLIENT_ID, SSO_CLIENT_SECRET, SSO_LABEL,
            SSO_NEW_ACCOUNTS, SSO_GROUP_CLAIM, SSO_ADMIN_GROUP);

    private final SettingsStore store;
    private final SecretBox box;
    private final Clock clock;
    private volatile Map<String, String> stored;

    public SignInSettings(SettingsStore store, SecretBox box, Clock clock) {
        this.store = store;
        this.box = box;
        this.clock = clock;
        reload();
    }

    /**
     * The identity provider: {@code newAccounts} is {@code create} (a person the provider knows and
     * Tandem does not becomes a technician) or {@code match} (only existing users, matched by
     * verified email); {@code adminGroup}, when set, decides the role at every sign-in.
     */
    public record Sso(URI issuer, String clientId, String clientSecret, String label, boolean createAccounts,
                      String groupClaim, Optional<String> adminGroup) {
        @Override
        public String toString() {
            return "Sso[" + issuer + ", client " + clientId + ", secret ***]";
        }
    }

    public TwoFactorPolicy twoFactorPolicy() {
        return value(TWO_FACTOR).flatMap(TwoFactorPolicy::fromWire).orElse(TwoFactorPolicy.NOBODY);
    }

    /** The identity provider, when an issuer, a client id and a secret are set. */
    public Optional<Sso> sso() {
        Optional<String> issuer = value(SSO_ISSUER);
        Optional<String> clientId = value(SSO_CLIENT_ID);
        Optional<String> secret = value(SSO_CLIENT_SECRET);
        if (issuer.isEmpty() || clientId.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Sso(URI.create(issuer.get()), clientId.get(), box.open(SSO_CLIENT_SECRET, secret.get()),
                value(SSO_LABEL).orElse("single sign-on"), "create".equals(value(SSO_NEW_ACCOUNTS).orElse("match")),
                value(SSO_GROUP_CLAIM).orElse("groups"), value(SSO_ADMIN_GROUP)));
    }

    /** The sign-in part of the settings' JSON: {@code twoFactor} and {@code sso}. */
    public record View(String twoFactor, SettingsView.Sso sso) {
    }

    /** The sign-in part of the settings' JSON (the secret only as {@code clientSecretSet}). */
    public View view(Supplier<String> redirectUri) {
        return new View(twoFactorPolicy().wireName(), new SettingsView.Sso(value(SSO_ISSUER).orElse(null),
                value(SSO_CLIENT_ID).orElse(null), value(SSO_CLIENT_SECRET).isPresent(), value(SSO_LABEL).orElse(null),
                value(SSO_NEW_ACCOUNTS).orElse("match"), value(SSO_GROUP_CLAIM).orElse("groups"),
                value(SSO_ADMIN_GROUP).orElse(null), sso().isPresent(), redirectUri.get()));
    }

    /**
     * Applies {@code twoFactor} and {@code sso} from a settings body; absent fields are kept, null
     * or empty ones cleared. Answers what changed, for the audit log (never the secret); empty
     * when nothing did.
     */
    public synchronized List<String> apply(JsonNode body) {
        Map<String, Optional<String>> changes = new LinkedHashMap<>();
        List<String> described = new ArrayList<>();
        if (body.has("twoFactor")) {
            String text = body.path("twoFactor").asText("");
            TwoFactorPolicy policy = TwoFactorPolicy.fromWire(text).orElseThrow(() -> Rejection.badInput(
                    "'twoFactor' must be 'nobody', 'administrators' or 'everyone'."));
            changes.put(TWO_FACTOR, Optional.of(policy.wireName()));
            described.add("twoFactor to " + policy.wireName());
        }
        if (body.has("sso")) {
            JsonNode sso = body.get("sso");
            if (sso.isNull()) {
                for (String name : NAMES.subList(1, NAMES.size())) {
                    changes.put(name, Optional.empty());
                }
                described.add("sso cleared");
            } else if (!sso.isObject()) {
                throw Rejection.badInput("'sso' must be an object with 'issuer', 'clientId', 'clientSecret', 'label', "
                        + "'newAccounts', 'groupClaim' and 'adminGroup'.");
            } else {
                readSso(sso, changes, described);
            }
        }
        if (!changes.isEmpty()) {
            store.save(changes, clock.instant());
            reload();
        }
        return described;
    }

    private void readSso(JsonNode sso, Map<String, Optional<String>> changes, List<String> described) {
        if (sso.has("issuer")) {
            Optional<String> issuer = text(sso, "issuer").map(SignInSettings::issuer);
            changes.put(SSO_ISSUER, issuer);
            described.add("sso.issuer to " + issuer.orElse("(none)"));
            if (!sso.has("clientSecret") && !issuer.equals(value(SSO_ISSUER))) {
                // A secret is for one provider: never send it to a new one the administrator did not give it for.
                changes.put(SSO_CLIENT_SECRET, Optional.empty());
            }
        }
        if (sso.has("clientId")) {
            Optional<String> id = text(sso, "clientId").map(s -> limit(s, "clientId", 200));
            changes.put(SSO_CLIENT_ID, id);
            described.add("sso.clientId to " + id.orElse("(none)"));
        }
        if (sso.has("clientSecret")) {
            Optional<String> secret = text(sso, "clientSecret").map(s -> limit(s, "clientSecret", 500));
            changes.put(SSO_CLIENT_SECRET, secret.map(clear -> box.seal(SSO_CLIENT_SECRET, clear)));
            described.add(secret.isPresent() ? "sso.clientSecret (new value not shown)" : "sso.clientSecret cleared");
        }
        if (sso.has("label")) {
            Optional<String> label = text(sso, "label").map(s -> limit(s, "label", 60));
            changes.put(SSO_LABEL, label);
            described.add("sso.label to " + label.orElse("(none)"));
        }
        if (sso.has("newAccounts")) {
            String mode = sso.path("newAccounts").asText("");
            if (!mode.equals("match") && !mode.equals("create")) {
                throw Rejection.badInput("'sso.newAccounts' must be 'match' (existing users only) or 'create'.");
            }
            changes.put(SSO_NEW_ACCOUNTS, Optional.of(mode));
            described.add("sso.newAccounts to " + mode);
        }
        if (sso.has("groupClaim")) {
            Optional<String> claim = text(sso, "groupClaim").map(s -> limit(s, "groupClaim", 100));
            changes.put(SSO_GROUP_CLAIM, claim);
            described.add("sso.groupClaim to " + claim.orElse("groups"));
        }
        if (sso.has("adminGroup")) {
            Optional<String> group = text(sso, "adminGroup").map(s -> limit(s, "adminGroup", 200));
            changes.put(SSO_ADMIN_GROUP, group);
            described.add("sso.adminGroup to " + group.orElse("(none)"));
        }
    }

    private static String issuer(String text) {
        try {
            URI uri = new URI(text);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null || text.length() > 500) {
                throw new URISyntaxException(text, "not an issuer");
            }
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        } catch (URISyntaxException e) {
            throw Rejection.badInput("The issuer must be the identity provider's https:// address, e.g. "
                    + "https://login.example.com/realms/support.");
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw Rejection.badInput("'sso." + field + "' must be text.");
        }
        return Optional.of(value.asText().strip()).filter(s -> !s.isEmpty());
    }

    private static String limit(String text, String field, int max) {
        if (text.length() > max) {
            throw Rejection.badInput("'sso." + field + "' can have at most " + max + " characters.");
        }
        return text;
    }

    private void reload() {
        Map<String, String> all = store.load();
        Map<String, String> mine = new LinkedHashMap<>();
        for (String name : NAMES) {
            if (all.containsKey(name)) {
                mine.put(name, all.get(name));
            }
        }
        stored = Map.copyOf(mine);
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(stored.get(name));
    }
}
