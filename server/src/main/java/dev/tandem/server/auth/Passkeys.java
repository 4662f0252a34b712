package dev.tandem.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionsAuthenticatorOutputs;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.domain.User;
import dev.tandem.server.store.PasskeyStore;
import dev.tandem.server.store.PasskeyStore.StoredPasskey;
import dev.tandem.server.store.SignInFlowStore;
import dev.tandem.server.store.UserStore;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Passkeys (WebAuthn) with webauthn4j: enrolment in the console, and sign-in with a passkey alone
 * (the authenticator checks a PIN or biometric: user verification is required, so a passkey is
 * two factors by itself). The relying party is the public URL's host and its origin the public
 * URL's, so the console must be opened at the public URL. Challenges are single-use rows in
 * {@code sign_in_flows}. Thread-safe.
 */
public final class Passkeys {
    static final String NEW = "passkey-new";
    static final String USE = "passkey";
    private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    private static final long TIMEOUT_MILLIS = 120_000;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA));

    private final PasskeyStore store;
    private final UserStore users;
    private final SignInFlowStore flows;
    private final Supplier<URI> publicBase;
    private final ObjectMapper json;
    private final Clock clock;
    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager();
    private final AttestedCredentialDataConverter credentialData =
            new AttestedCredentialDataConverter(new ObjectConverter());

    public Passkeys(PasskeyStore store, UserStore users, SignInFlowStore flows, Supplier<URI> publicBase,
                    ObjectMapper json, Clock clock) {
        this.store = store;
        this.users = users;
        this.flows = flows;
        this.publicBase = publicBase;
        this.json = json;
        this.clock = clock;
    }

    /** The options for {@code navigator.credentials.create}, binary values in base64url, and the flow id. */
    public Map<String, Object> enrolmentOptions(User user) {
        String handle = users.passkeyHandle(user.id()).orElseGet(() -> users.ensurePasskeyHandle(user.id(), random(32)));
        String challenge = random(32);
        String flow = newFlow(NEW, user.id(), challenge);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("rp", Map.of("id", rpId(), "name", "Tandem"));
        options.put("user", Map.of("id", handle, "name", user.username(), "displayName", user.displayName()));
        options.put("challenge", challenge);
        options.put("pubKeyCredParams", ALGORITHMS.stream().map(p -> Map.of("type", "public-key", "alg",
                p.getAlg().getValue())).toList());
        options.put("timeout", TIMEOUT_MILLIS);
        options.put("attestation", "none");
        options.put("excludeCredentials", descriptors(store.forUser(user.id())));
        options.put("authenticatorSelection", Map.of("residentKey", "required", "requireResidentKey", true,
                "userVerification", "required"));
        return Map.of("flow", flow, "publicKey", options);
    }

    /** Verifies what the authenticator made and stores the passkey under {@code name}. */
    public StoredPasskey enrol(User user, String flowId, String name, JsonNode credential) {
        SignInFlowStore.Flow flow = flows.take(flowId, NEW, clock.instant())
                .filter(f -> f.userId().equals(Optional.of(user.id())))
                .orElseThrow(() -> Rejection.of(ErrorCode.PASSKEY_EXPIRED,
                        "This passkey set-up has expired or was already used: start again."));
        RegistrationData data;
        try {
            data = manager.verifyRegistrationResponseJSON(json.writeValueAsString(credential),
                    new RegistrationParameters(serverProperty(challengeOf(flow)), ALGORITHMS, true, true));
        } catch (VerificationException | com.webauthn4j.converter.exception.DataConversionException
                 | com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw Rejection.of(ErrorCode.PASSKEY_UNREADABLE, "The passkey could not be checked: "
                    + "open the console at its public address and try again.");
        }
        AttestedCredentialData attested = data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
        String credentialId = B64.encodeToString(attested.getCredentialId());
        if (store.byCredentialId(credentialId).isPresent()) {
            throw Rejection.of(ErrorCode.PASSKEY_EXISTS, "This passkey is already enrolled.");
        }
        StoredPasskey passkey = new StoredPasskey(Secrets.id("pk"), user.id(), credentialId,
                credentialData.convert(attested), data.getAttestationObject().getAuthenticatorData().getSignCount(),
                name, clock.instant(), Optional.empty());
        store.insert(passkey);
        return passkey;
    }

    /** The options for {@code navigator.credentials.get}: any passkey of this server (discoverable). */
    public Map<String, Object> signInOptions() {
        return useOptions(Optional.empty());
    }

    /** The options for a signed-in user to prove it is them with one of their passkeys. */
    public Map<String, Object> reauthenticationOptions(User user) {
        return useOptions(Optional.of(user));
    }

    /**
     * The user whose passkey made {@code credential} for the flow {@code flowId}; 401 for anything
     * that does not check out (unknown passkey, disabled user, wrong signature, replayed challenge).
     */
    public User signIn(String flowId, JsonNode credential) {
        SignInFlowStore.Flow flow = flows.take(flowId, USE, clock.instant()).orElseThrow(() -> refused(
                "This passkey sign-in has expired or was already used: try again."));
        AuthenticationData parsed;
        try {
            parsed = manager.parseAuthenticationResponseJSON(json.writeValueAsString(credential));
        } catch (com.webauthn4j.converter.exception.DataConversionException
                 | com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw refused("The passkey's answer could not be read.");
        }
        StoredPasskey stored = store.byCredentialId(B64.encodeToString(parsed.getCredentialId()))
                .filter(p -> flow.userId().map(id -> id == p.userId()).orElse(true))
                .orElseThrow(() -> refused("This passkey is not enrolled on this server."));
        User user = users.findById(stored.userId()).filter(User::enabled)
                .orElseThrow(() -> refused("This passkey is not enrolled on this server."));
        CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
                stored.signCount(), credentialData.convert(stored.data()), new AuthenticationExtensionsAuthenticatorOutputs<>(),
                null, null, null);
        try {
            manager.verify(parsed, new AuthenticationParameters(serverProperty(challengeOf(flow)), record,
                    List.of(parsed.getCredentialId()), true, true));
        } catch (VerificationException e) {
            throw refused("The passkey's answer did not check out: try again.");
        }
        long count = parsed.getAuthenticatorData().getSignCount();
        // A counter that does not grow (when the authenticator keeps one) means a cloned key or a replay.
        boolean counts = count > 0 || stored.signCount() > 0;
        if ((counts && count <= stored.signCount()) || !store.used(stored.id(), stored.signCount(), count, clock.instant())) {
            throw refused("This passkey's signature counter went back: it may have been copied. Remove it and enrol it again.");
        }
        return user;
    }

    /** A signed-in user proves it is them with a passkey ({@code {"flow","credential"}}). */
    public void reauthenticate(User user, JsonNode passkey) {
        User signed;
        try {
            signed = signIn(text(passkey, "flow"), passkey.path("credential"));
        } catch (Rejection refused) {
            // 403, not 401: the caller stays signed in, only the proof failed.
            throw Rejection.of(refused.refusal() == ErrorCode.PASSKEY_REFUSED ? ErrorCode.PASSKEY_PROOF_REFUSED
                    : ErrorCode.PASSKEY_PROOF_INCOMPLETE, refused.getMessage());
        }
        if (signed.id() != user.id()) {
            throw Rejection.of(ErrorCode.PASSKEY_PROOF_REFUSED, "That passkey is someone else's.");
        }
    }

    public List<StoredPasskey> list(User user) {
        return store.forUser(user.id());
    }

    /** Removes one of the user's passkeys; false when they have none with that id. */
    public boolean remove(User user, String id) {
        return store.delete(id, user.id());
    }

    private Map<String, Object> useOptions(Optional<User> user) {
        String challenge = random(32);
        String flow = newFlow(USE, user.map(User::id).orElse(null), challenge);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", challenge);
        options.put("rpId", rpId());
        options.put("timeout", TIMEOUT_MILLIS);
        options.put("userVerification", "required");
        options.put("allowCredentials", user.map(u -> descriptors(store.forUser(u.id()))).orElse(List.of()));
        return Map.of("flow", flow, "publicKey", options);
    }

    private String newFlow(String kind, Long userId, String challenge) {
        String id = Secrets.token(24);
        flows.insert(id, kind, userId, json.createObjectNode().put("challenge", challenge).toString(),
                clock.instant().plus(CHALLENGE_LIFETIME));
        return id;
    }

    private String challengeOf(SignInFlowStore.Flow flow) {
        try {
            return json.readTree(flow.data()).path("challenge").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored passkey challenge is not JSON", e);
        }
    }

    private ServerProperty serverProperty(String challenge) {
        URI base = publicBase.get();
        String origin = base.getScheme() + "://" + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
        return new ServerProperty(Origin.create(origin), rpId(), new DefaultChallenge(UNB64.decode(challenge)));
    }

    private String rpId() {
        return publicBase.get().getHost();
    }

    private static List<Map<String, Object>> descriptors(List<StoredPasskey> passkeys) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (StoredPasskey passkey : passkeys) {
            list.add(Map.of("type", "public-key", "id", passkey.credentialId()));
        }
        return list;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw Rejection.badInput("'" + field + "' is required.");
        }
        return value.asText();
    }

    private static Rejection refused(String message) {
        return Rejection.of(ErrorCode.PASSKEY_REFUSED, message);
    }

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return B64.encodeToString(raw);
    }
}
