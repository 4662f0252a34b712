package dev.tandem.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.tandem.protocol.tls.TrustedCertificates;
import dev.tandem.server.settings.SignInSettings;
import dev.tandem.server.settings.SignInSettings.Sso;
import dev.tandem.server.store.SignInFlowStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * Single sign-on with OpenID Connect: the authorization code flow with PKCE (S256), a state bound
 * to the browser and a nonce, the code exchanged with the client secret, and the ID token's
 * signature, issuer, audience, expiry and nonce checked against the provider's published keys.
 * Which Tandem user the person is, is {@link SsoAccounts}'s business. Thread-safe.
 */
public final class SingleSignOn {
    static final String FLOW = "sso";
    private static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);
    private static final Duration METADATA_LIFETIME = Duration.ofMinutes(10);
    private static final int TIMEOUT_MILLIS = 10_000;

    private final SignInSettings settings;
    private final SignInFlowStore flows;
    private final Supplier<URI> redirectUri;
    private final ObjectMapper json;
    private final Clock clock;
    private final SSLSocketFactory tls;
    private final Map<String, Provider> providers = new ConcurrentHashMap<>();

    /**
     * @param trust the authorities the provider's certificate may come from: the system's and
     *              {@code --ca-file}'s, so a provider behind a private CA works like SMTP does
     */
    public SingleSignOn(SignInSettings settings, SignInFlowStore flows, Supplier<URI> redirectUri, ObjectMapper json,
                        Clock clock, TrustedCertificates trust) {
        this.settings = settings;
        this.flows = flows;
        this.redirectUri = redirectUri;
        this.json = json;
        this.clock = clock;
        this.tls = trust.sslContext().getSocketFactory();
    }

    /** Where to send the browser, and the state that the browser's cookie must carry back. */
    public record Start(URI location, String state) {
    }

    /** What the provider said about the person, after every check passed. */
    public record Identity(String subject, Optional<String> email, boolean emailVerified, Optional<String> username,
                           Optional<String> name, java.util.List<String> groups) {
    }

    /** A sign-in through the provider failed; {@code code} goes to the sign-in page, the message to the audit log. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        public Failure(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Optional<Sso> configured() {
        return settings.sso();
    }

    /** Starts a sign-in: a new flow with its PKCE verifier and nonce, and the provider's authorization URL. */
    public Start start() {
        Sso sso = settings.sso().orElseThrow(() -> new Failure("sso_off", "Single sign-on is not set up."));
        OIDCProviderMetadata metadata = provider(sso).metadata();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "email", "profile"), new ClientID(sso.clientId()), redirectUri.get())
                .endpointURI(metadata.getAuthorizationEndpointURI()).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).build();
        String data = json.createObjectNode().put("verifier", verifier.getValue()).put("nonce", nonce.getValue())
                .put("issuer", sso.issuer().toString()).toString();
        flows.insert(state.getValue(), FLOW, null, data, clock.instant().plus(FLOW_LIFETIME));
        return new Start(request.toURI(), state.getValue());
    }

    /**
     * Finishes a sign-in from the provider's redirect: {@code browserState} is the state this
     * browser's cookie holds. Throws {@link Failure} for anything that does not check out.
     */
    public Identity finish(String state, String browserState, String code, String error) {
        if (error != null) {
            throw new Failure("sso_refused", "the identity provider answered '" + error + "'");
        }
        if (state == null || code == null || browserState == null || !browserState.equals(state)) {
            throw new Failure("sso_state", "the sign-in did not start in this browser, or was already used");
        }
        SignInFlowStore.Flow flow = flows.take(state, FLOW, clock.instant())
                .orElseThrow(() -> new Failure("sso_state", "the sign-in expired or was already used"));
        Sso sso = settings.sso().orElseThrow(() -> new Failure("sso_off", "single sign-on was turned off"));
        JsonNode data = read(flow.data());
        if (!sso.issuer().toString().equals(data.path("issuer").asText())) {
            throw new Failure("sso_state", "the identity provider changed during the sign-in");
        }
        Provider provider = provider(sso);
        OIDCTokenResponse tokens = exchange(sso, provider, code, data.path("verifier").asText());
        try {
            IDTokenClaimsSet claims = provider.validator().validate(tokens.getOIDCTokens().getIDToken(),
                    new Nonce(data.path("nonce").asText()));
            return identity(sso, claims);
        } catch (com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
            throw new Failure("sso_token", "the ID token did not check out: " + e.getMessage());
        }
    }

    private OIDCTokenResponse exchange(Sso sso, Provider provider, String code, String verifier) {
        TokenRequest request = new TokenRequest.Builder(provider.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(sso.clientId()), new Secret(sso.clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri.get(), new CodeVerifier(verifier)))
                .build();
        try {
            com.nimbusds.oauth2.sdk.http.HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MILLIS);
            http.setReadTimeout(TIMEOUT_MILLIS);
            http.setSSLSocketFactory(tls);
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                throw new Failure("sso_token", "the identity provider refused the code: "
                        + response.toErrorResponse().getErrorObject().getCode());
            }
            return (OIDCTokenResponse) response.toSuccessResponse();
        } catch (java.io.IOException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new Failure("sso_unreachable", "the identity provider's token endpoint failed: " + e.getMessage());
        }
    }

    private static Identity identity(Sso sso, IDTokenClaimsSet claims) {
        Object groupClaim = claims.getClaim(sso.groupClaim());
        java.util.List<String> groups = new java.util.ArrayList<>();
        if (groupClaim instanceof java.util.Collection<?> values) {
            values.forEach(v -> groups.add(String.valueOf(v)));
        } else if (groupClaim != null) {
            groups.add(String.valueOf(groupClaim));
        }
        Boolean verified = claims.getBooleanClaim("email_verified");
        return new Identity(sso.issuer() + " " + claims.getSubject().getValue(),
                Optional.ofNullable(claims.getStringClaim("email")), Boolean.TRUE.equals(verified),
                Optional.ofNullable(claims.getStringClaim("preferred_username")),
                Optional.ofNullable(claims.getStringClaim("name")), groups);
    }

    /** The provider's discovery document and ID-token validator, fetched again every 10 minutes. */
    private Provider provider(Sso sso) {
        String key = sso.issuer() + " " + sso.clientId();
        Provider known = providers.get(key);
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.until())) {
            return known;
        }
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(sso.issuer().toString()), request -> {
                request.setConnectTimeout(TIMEOUT_MILLIS);
                request.setReadTimeout(TIMEOUT_MILLIS);
                request.setSSLSocketFactory(tls);
            });
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(sso.clientId()),
                    JWSAlgorithm.RS256, metadata.getJWKSetURI().toURL(),
                    new com.nimbusds.jose.util.DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, 512 * 1024,
                            true, tls));
            Provider provider = new Provider(metadata, validator, now.plus(METADATA_LIFETIME));
            providers.clear();
            providers.put(key, provider);
            return provider;
        } catch (com.nimbusds.oauth2.sdk.GeneralException | java.io.IOException e) {
            throw new Failure("sso_unreachable", "the identity provider at " + sso.issuer() + " could not be reached: "
                    + e.getMessage());
        }
    }

    private JsonNode read(String data) {
        try {
            return json.readTree(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored sign-in flow is not JSON", e);
        }
    }

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator, Instant until) {
    }
}
