package dev.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.testing.Api;
import dev.tandem.server.testing.RawDevice;
import dev.tandem.server.testing.NatsServer;
import dev.tandem.server.testing.PostgresServer;
import dev.tandem.server.testing.RunningServer;
import dev.tandem.server.testing.SocketProbe;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Walks every REST endpoint (every path and method of the OpenAPI document, and nothing else) and
 * every socket as each kind of caller, and asserts the answer: anonymous, a customer (holding the
 * secrets a customer has: the session's resume token), the technician who owns the session, another
 * technician, and an administrator. A new endpoint without a row here fails this test.
 */
class AuthorizationMatrixTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The text of the owner's personal canned replies, which nobody else's list may contain. */
    private static final String OWNERS_WORDS = "Lucia's own words";
    /** The SHA-256 of the three bytes "abc", the file the file rows send. */
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    enum Caller { ANONYMOUS, CUSTOMER, OWNER, OTHER, ADMIN }

    /** One endpoint and what each caller gets. {@code hiddenFromOther}: text OTHER's answer must not contain. */
    private record Row(String method, String path, String body, Map<Caller, Integer> expected, String hiddenFromOther) {
        String key() {
            return method + " " + path;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    private void row(String method, String path, String body, int anonymous, int customer, int owner, int other,
                     int admin) {
        row(method, path, body, anonymous, customer, owner, other, admin, null);
    }

    private void row(String method, String path, String body, int anonymous, int customer, int owner, int other,
                     int admin, String hiddenFromOther) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        expected.put(Caller.ANONYMOUS, anonymous);
        expected.put(Caller.CUSTOMER, customer);
        expected.put(Caller.OWNER, owner);
        expected.put(Caller.OTHER, other);
        expected.put(Caller.ADMIN, admin);
        rows.add(new Row(method, path, body, expected, hiddenFromOther));
    }

    /** What the callers act on: one live session of the owner with a stored log file, and fresh things on demand. */
    private static final class Fixture implements AutoCloseable {
        final RunningServer server;
        final Api admin;
        final Api owner;
        final Api other;
        final String session;
        final String resumeToken;
        final String usedCode;
        final String logFile;
        final String email;
        final String ownerToken;
        final String ownerConsole;
        final List<RawDevice> devices = new ArrayList<>();
        final AtomicInteger serial = new AtomicInteger();
        /** The customer's secret of the request the last {@code {freshRequest}} made. */
        String lastRequestToken;

        Fixture(RunningServer server) {
            this.server = server;
            this.admin = server.admin();
            admin.put("/api/v1/portals/default", "{\"maxLiveCodes\":100}").expect(200); // the walk makes many codes
            this.owner = server.technician("lucia");
            this.other = server.technician("marco");
            server.technician("helper"); // issue 18.2: the technician transfers and invites name
            RawDevice device = RawDevice.connect(server);
            devices.add(device);
            this.usedCode = owner.createCode("matrix");
            JsonNode welcome = device.join(usedCode, "Ana");
            this.session = welcome.get("session").asText();
            this.resumeToken = welcome.get("resumeToken").asText();
            this.logFile = uploadLog(device, session);
            owner.post("/api/v1/codes/" + waitingCode() + "/email", "{\"to\":\"ana@example.com\"}").expect(202);
            this.email = owner.get("/api/v1/outbox").expect(200).json().get(0).get("id").asText();
            this.ownerToken = freshOwnerToken();
            this.ownerConsole = freshOwnerConsole();
        }

        String freshOwnerToken() {
            return owner.post("/api/v1/tokens", "{\"name\":\"owner " + serial.incrementAndGet() + "\"}").expect(201)
                    .json().get("id").asText();
        }

        /** A new console sign-in of the owner; its id (the newest in the owner's list). */
        String freshOwnerConsole() {
            consoleCookie(server, "lucia", RunningServer.password("lucia"));
            return owner.get("/api/v1/auth/sessions").expect(200).json().get(0).get("id").asText();
        }

        private String uploadLog(RawDevice device, String id) {
            owner.post("/api/v1/sessions/" + id + "/logs", "").expect(202);
            String prompt = device.answerNextPrompt(true);
            device.sendLogFile(prompt, "m1", "app.log", "matrix log line\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            device.next("logStored");
            device.send("{\"type\":\"logsDone\",\"id\":\"" + prompt + "\",\"files\":1}");
            for (int i = 0; i < 100; i++) {
                JsonNode logs = owner.get("/api/v1/sessions/" + id + "/logs").expect(200).json();
                if (logs.path("files").size() > 0) {
                    String url = logs.get("files").get(0).get("url").asText();
                    return url.substring(url.lastIndexOf('/') + 1);
                }
                sleep(50);
            }
            throw new AssertionError("The log file never arrived");
        }

        String waitingCode() {
            return owner.createCode("fixture-" + serial.incrementAndGet());
        }

        /** A new live session of the owner, for calls that change or end it. */
        String freshSession() {
            RawDevice device = RawDevice.connect(server);
            devices.add(device);
            return device.join(waitingCode(), "Ana " + serial.incrementAndGet()).get("session").asText();
        }

        /** A new live chat-only session of the owner (the customer's device cannot share its screen). */
        String freshChatSession() {
            RawDevice device = RawDevice.connect(server);
            devices.add(device);
            device.send(RawDevice.hello(waitingCode(), "Ana " + serial.incrementAndGet(), "generic"));
            return device.next("welcome").get("session").asText();
        }

        /** Issue 18.2: a new live session of the owner with "helper" helping on it. */
        String freshHelpedSession() {
            String id = freshSession();
            owner.post("/api/v1/sessions/" + id + "/helpers", "{\"technician\":\"helper\"}").expect(201);
            return id;
        }

        /** Issue 18.2: a new live session of the owner waiting in the default portal's queue. */
        String freshQueuedSession() {
            String id = freshSession();
            owner.post("/api/v1/sessions/" + id + "/transfer", "{\"portal\":\"default\"}").expect(202);
            return id;
        }

        /** A new waiting request on the default portal. */
        String freshRequest() {
            int n = serial.incrementAndGet();
            JsonNode created = server.api().post("/api/v1/portals/default/requests",
                    "{\"name\":\"Customer " + n + "\",\"description\":\"The printer is offline\"}").expect(201).json();
            lastRequestToken = created.get("token").asText();
            return created.get("id").asText();
        }

        String freshUser() {
            String name = "user" + serial.incrementAndGet();
            admin.post("/api/v1/users", "{\"username\":\"" + name + "\",\"password\":\"" + RunningServer.password(name)
                    + "\",\"role\":\"technician\"}").expect(201);
            return name;
        }

        /** Canned replies (issue 18): one personal reply of the owner and one of the default portal, made once. */
        String ownerReply;
        String portalReply;

        String freshOwnerReply() {
            return owner.post("/api/v1/replies", "{\"shortcut\":\"" + unusedName("mine") + "\",\"text\":\"" + OWNERS_WORDS + "\"}")
                    .expect(201).json().get("id").asText();
        }

        String freshPortalReply() {
            return admin.post("/api/v1/portals/default/replies", "{\"shortcut\":\"" + unusedName("shared")
                    + "\",\"text\":\"Hello\"}").expect(201).json().get("id").asText();
        }

        /** A file the owner declared on the session, none of its bytes sent yet. */
        String freshDeclaredFile() {
            return owner.post("/api/v1/sessions/" + session + "/files", "{\"name\":\"a.txt\",\"size\":3,\"sha256\":\""
                    + ABC_SHA256 + "\"}").expect(201).json().get("id").asText();
        }

        /** A file the owner sent whole to the session (not offered yet). */
        String freshSentFile() {
            String file = freshDeclaredFile();
            owner.send(owner.request("/api/v1/sessions/" + session + "/files/" + file + "/parts/0")
                    .PUT(HttpRequest.BodyPublishers.ofString("abc"))).expect(200);
            return file;
        }

        /**
         * Session recording (issue 18.6): a live session of the owner on a portal that records, with the
         * screen asked for, so its recording has begun.
         */
        String freshRecordedSession() {
            if (admin.get("/api/v1/portals").expect(200).json().findValuesAsText("slug").stream()
                    .noneMatch("recorded"::equals)) {
                admin.post("/api/v1/portals", "{\"name\":\"Recorded\",\"slug\":\"recorded\",\"recordSessions\":true,"
                        + "\"maxLiveCodes\":100}").expect(201);
            }
            String code = owner.post("/api/v1/codes", "{\"portal\":\"recorded\"}").expect(201).json().get("code").asText();
            RawDevice device = RawDevice.connect(server);
            devices.add(device);
            String id = device.join(code, "Ana " + serial.incrementAndGet()).get("session").asText();
            owner.post("/api/v1/sessions/" + id + "/screen", "{}").expect(202);
            return id;
        }

        String recordedSession;

        String unusedName(String prefix) {
            return prefix + serial.incrementAndGet();
        }

        Map<String, Supplier<String>> placeholders() {
            Map<String, Supplier<String>> values = new LinkedHashMap<>();
            values.put("session", () -> session);
            values.put("freshSession", this::freshSession);
            values.put("freshChatSession", this::freshChatSession);
            values.put("waitingCode", this::waitingCode);
            values.put("usedCode", () -> usedCode);
            values.put("file", () -> logFile);
            values.put("email", () -> email);
            values.put("freshUser", this::freshUser);
            values.put("freshRequest", this::freshRequest);
            values.put("newUser", () -> unusedName("newuser"));
            values.put("newSlug", () -> unusedName("portal-"));
            values.put("ownerToken", () -> ownerToken);
            values.put("noPasskey", () -> "pk_none");
            values.put("noSurvey", () -> "not-a-survey-token");
            values.put("freshOwnerToken", this::freshOwnerToken);
            values.put("ownerConsole", () -> ownerConsole);
            values.put("freshOwnerConsole", this::freshOwnerConsole);
            values.put("newShortcut", () -> unusedName("shortcut"));
            values.put("ownerReply", () -> ownerReply == null ? ownerReply = freshOwnerReply() : ownerReply);
            values.put("freshOwnerReply", this::freshOwnerReply);
            values.put("portalReply", () -> portalReply == null ? portalReply = freshPortalReply() : portalReply);
            values.put("freshPortalReply", this::freshPortalReply);
            values.put("freshHelpedSession", this::freshHelpedSession);
            values.put("freshQueuedSession", this::freshQueuedSession);
            values.put("declaredFile", this::freshDeclaredFile);
            values.put("zero", () -> "0");
            values.put("sentFile", this::freshSentFile);
            values.put("recordedSession", () -> recordedSession == null ? recordedSession = freshRecordedSession()
                    : recordedSession);
            values.put("freshRecordedSession", this::freshRecordedSession);
            return values;
        }

        @Override
        public void close() {
            devices.forEach(RawDevice::close);
        }
    }

    private void declareRows() {
        String session = "/api/v1/sessions/{session}";
        String fresh = "/api/v1/sessions/{freshSession}";
        // Signing in: the caller's own credentials do not matter; wrong passwords are refused for all.
        row("POST", "/api/v1/auth/token", "{\"username\":\"admin\",\"password\":\"wrong-password\"}", 401, 401, 401, 401, 401);
        row("POST", "/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"wrong-password\"}", 401, 401, 401, 401, 401);
        row("GET", "/api/v1/auth/me", null, 401, 401, 200, 200, 200);
        // Codes: everyone signed in makes their own; a code is acted on by its technician and admins.
        row("POST", "/api/v1/codes", "{}", 401, 401, 201, 201, 201);
        row("GET", "/api/v1/codes", null, 401, 401, 200, 200, 200, "{usedCode}");
        row("DELETE", "/api/v1/codes/{waitingCode}", null, 401, 401, 204, 404, 204);
        row("POST", "/api/v1/codes/{waitingCode}/email", "{\"to\":\"ana@example.com\"}", 401, 401, 202, 404, 202);
        // The join data is public to whoever holds a code (that is what a code is for).
        row("GET", "/api/v1/join/{waitingCode}", null, 200, 200, 200, 200, 200);
        // Sessions: the owner and administrators; another technician does not learn they exist.
        row("GET", "/api/v1/sessions", null, 401, 401, 200, 200, 200, "{session}");
        row("GET", session, null, 401, 401, 200, 404, 200);
        row("GET", session + "/messages", null, 401, 401, 200, 404, 200);
        row("POST", session + "/messages", "{\"text\":\"hello\"}", 401, 401, 201, 404, 201);
        row("POST", fresh + "/end", "", 401, 401, 200, 404, 200);
        row("GET", session + "/screen", null, 401, 401, 200, 404, 200);
        row("POST", fresh + "/screen", "{}", 401, 401, 202, 404, 202);
        row("DELETE", fresh + "/screen", null, 401, 401, 200, 404, 200);
        row("POST", fresh + "/diagnostics", "", 401, 401, 202, 404, 202);
        row("GET", session + "/diagnostics", null, 401, 401, 200, 404, 200);
        row("POST", fresh + "/logs", "", 401, 401, 202, 404, 202);
        row("GET", session + "/logs", null, 401, 401, 200, 404, 200);
        row("GET", session + "/logs/{file}", null, 401, 401, 200, 404, 200);
        row("POST", session + "/logs/email", "{\"to\":\"ana@example.com\"}", 401, 401, 202, 404, 202);
        // From chat to the app (issue 18.1): whoever may act on the session; a fresh chat-only one each call.
        row("POST", "/api/v1/sessions/{freshChatSession}/app-invite", "", 401, 401, 201, 404, 201);
        // Point and draw (issue 18.7): whoever may act on the session gets past the check; the matrix's
        // phone does not share its screen, so the drawing itself is refused with 409 screen_not_shared.
        row("POST", session + "/drawings", "{\"kind\":\"pointer\",\"points\":[[1,1]]}", 401, 401, 409, 404, 409);
        // Portals: read by every technician (to pick one for a code), changed by administrators.
        row("GET", "/api/v1/portals", null, 401, 401, 200, 200, 200);
        row("POST", "/api/v1/portals", "{\"name\":\"Printers\",\"slug\":\"{newSlug}\"}", 401, 401, 403, 403, 201);
        row("PUT", "/api/v1/portals/default", "{}", 401, 401, 403, 403, 200);
        // Users: administrators only.
        row("GET", "/api/v1/users", null, 401, 401, 403, 403, 200);
        row("POST", "/api/v1/users", "{\"username\":\"{newUser}\",\"password\":\"orange-kite-12345\",\"role\":\"technician\"}",
                401, 401, 403, 403, 201);
        row("PUT", "/api/v1/users/{freshUser}", "{\"displayName\":\"Renamed\"}", 401, 401, 403, 403, 200);
        // The outbox: each technician sees the mail they sent; administrators all of it.
        row("GET", "/api/v1/outbox", null, 401, 401, 200, 200, 200, "{email}");
        row("GET", "/api/v1/outbox/{email}/eml", null, 401, 401, 200, 404, 200);
        // Session history: the owner and administrators; the CSV holds only what the caller may see.
        row("GET", "/api/v1/history.csv", null, 401, 401, 200, 200, 200, "{session}");
        row("GET", session + "/history", null, 401, 401, 200, 404, 200);
        // Management Center: administrators only; the audit log can only be read.
        row("GET", "/api/v1/audit", null, 401, 401, 403, 403, 200);
        // The server's nodes (issue 16): administrators only.
        row("GET", "/api/v1/nodes", null, 401, 401, 403, 403, 200);
        row("GET", "/api/v1/settings", null, 401, 401, 403, 403, 200);
        row("PUT", "/api/v1/settings", "{\"retention\":{\"transcriptDays\":null,\"logFileDays\":null}}",
                401, 401, 403, 403, 200);
        row("POST", "/api/v1/settings/test-email", "{\"to\":\"admin@example.com\"}", 401, 401, 403, 403, 200);
        // Chat-only requests. Customers are not signed in: a portal's public facts and making a request
        // are open to all; a request is then read, cancelled or followed up with its own secret only
        // (X-Request-Token, sent here by the CUSTOMER caller), and taken by any signed-in technician.
        row("GET", "/api/v1/portals/default/public", null, 200, 200, 200, 200, 200);
        row("POST", "/api/v1/portals/default/requests", "{\"name\":\"Ana\",\"description\":\"No sound\"}",
                201, 201, 201, 201, 201);
        row("GET", "/api/v1/requests", null, 401, 401, 200, 200, 200);
        row("POST", "/api/v1/requests/{freshRequest}/accept", "", 401, 401, 200, 200, 200);
        row("GET", "/api/v1/requests/{freshRequest}", null, 404, 200, 404, 404, 404);
        row("POST", "/api/v1/requests/{freshRequest}/cancel", "", 404, 200, 404, 404, 404);
        // Follow-up is for expired requests: the customer passes the check and is told it is not expired.
        row("POST", "/api/v1/requests/{freshRequest}/follow-up", "{\"email\":\"ana@example.com\"}",
                404, 409, 404, 404, 404);
        // Canned replies (issue 18): a personal reply is its technician's alone (administrators too get
        // 404); a portal's shared replies are read by every technician and changed by administrators.
        row("POST", "/api/v1/replies", "{\"shortcut\":\"{newShortcut}\",\"text\":\"Hello\"}", 401, 401, 201, 201, 201);
        row("PUT", "/api/v1/replies/{ownerReply}", "{\"text\":\"" + OWNERS_WORDS + "\"}", 401, 401, 200, 404, 404);
        row("DELETE", "/api/v1/replies/{freshOwnerReply}", null, 401, 401, 204, 404, 404);
        // After the PUT above made the owner's reply: nobody else's list holds its words.
        row("GET", "/api/v1/replies", null, 401, 401, 200, 200, 200, OWNERS_WORDS);
        row("GET", "/api/v1/portals/default/replies", null, 401, 401, 200, 200, 200);
        row("POST", "/api/v1/portals/default/replies", "{\"shortcut\":\"{newShortcut}\",\"text\":\"Hello\"}",
                401, 401, 403, 403, 201);
        row("PUT", "/api/v1/portals/default/replies/{portalReply}", "{\"text\":\"Changed\"}", 401, 401, 403, 403, 200);
        row("DELETE", "/api/v1/portals/default/replies/{freshPortalReply}", null, 401, 401, 403, 403, 204);
        // Private session notes: whoever may see the session, live or ended; never the customer.
        row("GET", session + "/notes", null, 401, 401, 200, 404, 200);
        row("POST", session + "/notes", "{\"text\":\"A private note\"}", 401, 401, 201, 404, 201);
        // Files both ways (docs/files.md): the session's technician and administrators, live or ended.
        row("GET", session + "/files", null, 401, 401, 200, 404, 200);
        row("POST", session + "/files", "{\"name\":\"a.txt\",\"size\":3,\"sha256\":\"" + ABC_SHA256 + "\"}",
                401, 401, 201, 404, 201);
        row("PUT", session + "/files/{declaredFile}/parts/{zero}", "abc", 401, 401, 200, 404, 200);
        row("GET", session + "/files/{sentFile}/content", null, 401, 401, 200, 404, 200);
        row("POST", session + "/file-offers", "{\"file\":\"{sentFile}\"}", 401, 401, 202, 404, 202);
        row("POST", session + "/file-requests", "", 401, 401, 201, 404, 201);
        // The satisfaction survey: the one-time token its end gave the customer is the only permission,
        // for anyone holding it (SurveyTest answers with a real one); the summary is for administrators.
        row("POST", "/api/v1/surveys/{noSurvey}", "{\"rating\":5}", 404, 404, 404, 404, 404);
        row("GET", "/api/v1/surveys/summary", null, 401, 401, 403, 403, 200);
        // Transfer and collaborate (issue 18.2): whoever is on the session (the owner here) and
        // administrators; another technician is not on it (404). Each call on a fresh session of the
        // owner; the technician named is "helper", who is never the caller.
        row("GET", session + "/team", null, 401, 401, 200, 404, 200);
        row("POST", fresh + "/transfer", "{\"technician\":\"helper\"}", 401, 401, 200, 404, 200);
        row("POST", fresh + "/helpers", "{\"technician\":\"helper\"}", 401, 401, 201, 404, 201);
        row("POST", "/api/v1/sessions/{freshHelpedSession}/leave", "{\"technician\":\"helper\"}", 401, 401, 200, 404, 200);
        row("POST", "/api/v1/sessions/{freshHelpedSession}/control", "{\"technician\":\"helper\"}", 401, 401, 200, 404, 200);
        // A session waiting in a portal's queue is taken by any technician, as a request is.
        row("POST", "/api/v1/sessions/{freshQueuedSession}/claim", "", 401, 401, 200, 200, 200);
        // Availability: everyone signed in reads everyone's and sets their own.
        row("GET", "/api/v1/availability", null, 401, 401, 200, 200, 200);
        row("PUT", "/api/v1/availability", "{\"status\":\"busy\"}", 401, 401, 200, 200, 200);
        // Session recordings (issue 18.6): whoever may see the session reads and exports its recording;
        // only administrators delete one.
        row("GET", "/api/v1/sessions/{recordedSession}/recording", null, 401, 401, 200, 404, 200);
        row("GET", "/api/v1/sessions/{recordedSession}/recording/file", null, 401, 401, 200, 404, 200);
        row("DELETE", "/api/v1/sessions/{freshRecordedSession}/recording", null, 401, 401, 403, 403, 204);
        // Public documents.
        row("GET", "/api/v1/openapi.json", null, 200, 200, 200, 200, 200);
        identityRows();
        // Last: signing out revokes the very token each caller used for every row above.
        row("POST", "/api/v1/auth/logout", "", 401, 401, 204, 204, 204);
    }

    /**
     * Second factors, passkeys, single sign-on, tokens and sign-ins. Bodies that would be a wrong
     * password or code are left incomplete (400), so the walk does not run into the sign-in limits.
     */
    private void identityRows() {
        row("PUT", "/api/v1/auth/password", "{}", 401, 401, 400, 400, 400);
        row("POST", "/api/v1/auth/totp", "", 401, 401, 200, 200, 200);
        row("POST", "/api/v1/auth/totp/confirm", "{}", 401, 401, 400, 400, 400);
        row("DELETE", "/api/v1/auth/totp", "{\"code\":\"000000\"}", 401, 401, 409, 409, 409);
        row("POST", "/api/v1/auth/reauth", "{}", 401, 401, 400, 400, 400);
        row("POST", "/api/v1/auth/reauth/options", "", 401, 401, 200, 200, 200);
        row("GET", "/api/v1/auth/passkeys", null, 401, 401, 200, 200, 200);
        row("POST", "/api/v1/auth/passkeys/options", "", 401, 401, 200, 200, 200);
        row("POST", "/api/v1/auth/passkeys", "{\"flow\":\"none\",\"credential\":{}}", 401, 401, 400, 400, 400);
        row("DELETE", "/api/v1/auth/passkeys/{noPasskey}", null, 401, 401, 404, 404, 404);
        // Signing in with a passkey or through single sign-on is for people not signed in yet.
        row("POST", "/api/v1/auth/passkey/options", "", 200, 200, 200, 200, 200);
        row("POST", "/api/v1/auth/passkey/login", "{\"flow\":\"none\",\"credential\":{}}", 401, 401, 401, 401, 401);
        row("GET", "/api/v1/auth/sso", null, 200, 200, 200, 200, 200);
        row("GET", "/api/v1/auth/sso/start", null, 303, 303, 303, 303, 303);
        row("GET", "/api/v1/auth/sso/callback", null, 303, 303, 303, 303, 303);
        // Tokens and console sign-ins: each technician their own; administrators everyone's.
        row("POST", "/api/v1/tokens", "{\"name\":\"matrix\"}", 401, 401, 201, 201, 201);
        row("GET", "/api/v1/tokens", null, 401, 401, 200, 200, 200, "{ownerToken}");
        row("DELETE", "/api/v1/tokens/{freshOwnerToken}", null, 401, 401, 204, 404, 204);
        row("GET", "/api/v1/auth/sessions", null, 401, 401, 200, 200, 200, "{ownerConsole}");
        row("DELETE", "/api/v1/auth/sessions/{freshOwnerConsole}", null, 401, 401, 204, 404, 204);
        row("DELETE", "/api/v1/auth/sessions", null, 401, 401, 204, 204, 204);
        row("DELETE", "/api/v1/users/{freshUser}/second-factor", null, 401, 401, 403, 403, 204);
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheMatrixSays() throws Exception {
        declareRows();
        assertThat(rows.stream().map(Row::key).toList()).as("one row per endpoint").doesNotHaveDuplicates();
        assertThat(rows.stream().map(Row::key).toList()).as("the rows are exactly the OpenAPI operations")
                .containsExactlyInAnyOrderElementsOf(openApiOperations());
        try (RunningServer server = start(); Fixture fixture = new Fixture(server)) {
            Map<Caller, Api> callers = callers(server, fixture);
            Map<String, Supplier<String>> values = fixture.placeholders();
            SoftAssertions softly = new SoftAssertions();
            for (Row row : rows) {
                for (Caller caller : Caller.values()) {
                    fixture.lastRequestToken = null;
                    String path = fill(row.path(), values);
                    String body = row.body() == null ? null : fill(row.body(), values);
                    HttpRequest.Builder builder = request(callers.get(caller), row.method(), path, body);
                    if (caller == Caller.CUSTOMER && fixture.lastRequestToken != null) {
                        builder.header("X-Request-Token", fixture.lastRequestToken);
                    }
                    Api.Response response = callers.get(caller).send(builder);
                    softly.assertThat(response.status()).as("%s as %s: %s", row.key(), caller, response.body())
                            .isEqualTo(row.expected().get(caller));
                    if (caller == Caller.OTHER && row.hiddenFromOther() != null && response.status() == 200) {
                        softly.assertThat(response.body()).as("%s as %s shows nothing of the owner's", row.key(), caller)
                                .doesNotContain(fill(row.hiddenFromOther(), values));
                    }
                    if (response.status() >= 400 && response.status() != 404) {
                        softly.assertThat(response.json().at("/error/code").asText()).as("%s as %s has an error code",
                                row.key(), caller).isNotEmpty();
                    }
                }
            }
            softly.assertAll();
        }
    }

    /**
     * Several nodes (issue 16): the phone is on node A, every caller calls node B, which carries the
     * calls that act on the live session to A. Each caller gets what the matrix says, so the owner
     * checks who may act as a single server does. A log file's bytes too: as one node of several the
     * node that received the file keeps it in the database, where node B reads it.
     */
    @Test
    void theSessionRowsAnswerTheSameFromANodeThatDoesNotHoldThePhone() throws Exception {
        declareRows();
        ServerConfig.DatabaseSettings database = PostgresServer.shared().newDatabase();
        try (NatsServer nats = NatsServer.start(); RunningServer a = node(database, nats, "a");
             RunningServer b = node(database, nats, "b"); Fixture fixture = new Fixture(a)) {
            Map<Caller, Api> callers = new EnumMap<>(Caller.class);
            callers.put(Caller.ANONYMOUS, b.api());
            callers.put(Caller.CUSTOMER, b.api().withToken(fixture.resumeToken));
            callers.put(Caller.OWNER, b.api().signIn("lucia", RunningServer.password("lucia")));
            callers.put(Caller.OTHER, b.api().signIn("marco", RunningServer.password("marco")));
            callers.put(Caller.ADMIN, b.admin());
            Map<String, Supplier<String>> values = fixture.placeholders();
            SoftAssertions softly = new SoftAssertions();
            List<Row> sessionRows = rows.stream().filter(r -> r.path().startsWith("/api/v1/sessions/{")).toList();
            assertThat(sessionRows).hasSizeGreaterThan(10);
            for (Row row : sessionRows) {
                for (Caller caller : Caller.values()) {
                    String path = fill(row.path(), values);
                    String body = row.body() == null ? null : fill(row.body(), values);
                    Api.Response response = callers.get(caller).send(request(callers.get(caller), row.method(), path, body));
                    softly.assertThat(response.status()).as("%s as %s on node B: %s", row.key(), caller, response.body())
                            .isEqualTo(row.expected().get(caller));
                }
            }
            softly.assertAll();
        }
    }

    private static RunningServer node(ServerConfig.DatabaseSettings database, NatsServer nats, String id) {
        return RunningServer.start(c -> c.withRequestsPerAddress(1000).withDatabase(database)
                .withCluster(ClusterSettings.of(java.util.Optional.of(id), java.util.Optional.of(nats.url()), 0)));
    }

    @Test
    void aConsoleCookieWithoutItsCsrfTokenChangesNothing() throws Exception {
        declareRows();
        try (RunningServer server = start(); Fixture fixture = new Fixture(server)) {
            String cookie = consoleCookie(server, "admin", RunningServer.ADMIN_PASSWORD);
            Map<String, Supplier<String>> values = fixture.placeholders();
            SoftAssertions softly = new SoftAssertions();
            for (Row row : rows) {
                if (row.method().equals("GET") || row.path().startsWith("/api/v1/auth/")
                        || row.expected().get(Caller.ANONYMOUS) != 401) { // open to customers: no sign-in to protect
                    continue;
                }
                Api api = server.api();
                HttpRequest.Builder builder = request(api, row.method(), fill(row.path(), values),
                        row.body() == null ? null : fill(row.body(), values)).header("Cookie", cookie);
                Api.Response response = api.send(builder);
                softly.assertThat(response.status()).as("%s with the cookie and no CSRF token", row.key()).isEqualTo(403);
                if (response.status() == 403) {
                    softly.assertThat(response.errorCode()).isEqualTo("csrf");
                }
            }
            softly.assertAll();
        }
    }

    @Test
    void everySocketRefusesWhoeverMayNotUseIt() throws Exception {
        try (RunningServer server = start(); Fixture fixture = new Fixture(server)) {
            Map<Caller, String> tokens = new EnumMap<>(Caller.class);
            tokens.put(Caller.CUSTOMER, fixture.resumeToken);
            tokens.put(Caller.OWNER, fixture.owner.token());
            tokens.put(Caller.OTHER, fixture.other.token());
            tokens.put(Caller.ADMIN, fixture.admin.token());
            SoftAssertions softly = new SoftAssertions();

            // The console socket: signed-in users only.
            for (Caller caller : Caller.values()) {
                SocketProbe.Outcome outcome = SocketProbe.probe(server.wsUrl("/ws/console" + query(tokens.get(caller))),
                        Map.of(), null, 700);
                boolean allowed = caller == Caller.OWNER || caller == Caller.OTHER || caller == Caller.ADMIN;
                softly.assertThat(allowed ? outcome.open() : outcome.closeCode() == 1008)
                        .as("/ws/console as %s: %s", caller, outcome).isTrue();
            }
            // A console cookie from another site's page is refused (no cross-site socket hijacking).
            String cookie = consoleCookie(server, "lucia", RunningServer.password("lucia"));
            softly.assertThat(SocketProbe.probe(server.wsUrl("/ws/console"), Map.of("Cookie", cookie,
                    "Origin", "https://evil.example"), null, 700).closeCode()).as("cookie from another origin").isEqualTo(1008);
            softly.assertThat(SocketProbe.probe(server.wsUrl("/ws/console"), Map.of("Cookie", cookie,
                    "Origin", server.baseUrl()), null, 700).open()).as("cookie from the console's own page").isTrue();

            // The viewer socket: the owner and administrators reach the session (not shared yet: 4031);
            // another technician gets exactly what a session that does not exist gets, unsigned callers 1008.
            int unknown = SocketProbe.probe(server.wsUrl("/ws/screen/no-such-session" + query(fixture.owner.token())),
                    Map.of(), null, 2000).closeCode();
            softly.assertThat(unknown).as("/ws/screen of an unknown session").isNotIn(0, 1008, 4031);
            Map<Caller, Integer> viewer = Map.of(Caller.ANONYMOUS, 1008, Caller.CUSTOMER, 1008, Caller.OWNER, 4031,
                    Caller.OTHER, unknown, Caller.ADMIN, 4031);
            for (Caller caller : Caller.values()) {
                SocketProbe.Outcome outcome = SocketProbe.probe(server.wsUrl("/ws/screen/" + fixture.session
                        + query(tokens.get(caller))), Map.of(), null, 2000);
                softly.assertThat(outcome.closeCode()).as("/ws/screen as %s: %s", caller, outcome)
                        .isEqualTo(viewer.get(caller));
            }

            // A request's socket: its own secret only; a technician's token or a session's resume token is refused.
            fixture.freshRequest();
            String requestId = fixture.freshRequest();
            String requestToken = fixture.lastRequestToken;
            SocketProbe.Outcome own = SocketProbe.probe(server.wsUrl("/ws/request/" + requestId + query(requestToken)),
                    Map.of(), null, 700);
            softly.assertThat(own.open() && String.valueOf(own.firstFrame()).contains("\"request\""))
                    .as("/ws/request with its own token: %s", own).isTrue();
            for (Caller caller : Caller.values()) {
                SocketProbe.Outcome outcome = SocketProbe.probe(server.wsUrl("/ws/request/" + requestId
                        + query(tokens.get(caller))), Map.of(), null, 700);
                softly.assertThat(outcome.closeCode()).as("/ws/request as %s: %s", caller, outcome).isEqualTo(1008);
            }

            // The agent socket: resuming needs the session's own resume token; a technician's token
            // or another session's token is no way in.
            for (Caller caller : Caller.values()) {
                String token = tokens.getOrDefault(caller, "not-a-token");
                SocketProbe.Outcome outcome = SocketProbe.probe(server.wsUrl("/ws/agent"), Map.of(),
                        RawDevice.resume(fixture.session, token, 0), 2000);
                if (caller == Caller.CUSTOMER) {
                    softly.assertThat(outcome.firstFrame()).as("/ws/agent resume as the customer: %s", outcome)
                            .contains("\"welcome\"");
                } else {
                    softly.assertThat(outcome.open()).as("/ws/agent resume as %s: %s", caller, outcome).isFalse();
                    softly.assertThat(String.valueOf(outcome.firstFrame())).as("/ws/agent resume as %s", caller)
                            .doesNotContain("\"welcome\"");
                }
            }
            softly.assertAll();
        }
    }

    /** The walk makes far more chat requests from one address than the default limit allows. */
    private static RunningServer start() {
        return RunningServer.start(c -> c.withRequestsPerAddress(1000));
    }

    private static String query(String token) {
        return token == null ? "" : "?token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map<Caller, Api> callers(RunningServer server, Fixture fixture) {
        Map<Caller, Api> callers = new EnumMap<>(Caller.class);
        callers.put(Caller.ANONYMOUS, server.api());
        callers.put(Caller.CUSTOMER, server.api().withToken(fixture.resumeToken));
        callers.put(Caller.OWNER, fixture.owner);
        callers.put(Caller.OTHER, fixture.other);
        callers.put(Caller.ADMIN, fixture.admin);
        return callers;
    }

    private static HttpRequest.Builder request(Api api, String method, String path, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder builder = api.request(path).method(method, publisher);
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return builder;
    }

    private static String consoleCookie(RunningServer server, String username, String password) {
        Api.Response response = server.api().post("/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").expect(200);
        String setCookie = response.raw().headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private static String fill(String template, Map<String, Supplier<String>> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Supplier<String> value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for {" + matcher.group(1) + "} in " + template);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.get()));
        }
        return matcher.appendTail(out).toString();
    }

    /** "METHOD /api/v1/path" for every operation of the OpenAPI document, with placeholders renamed. */
    private Set<String> openApiOperations() throws Exception {
        JsonNode document;
        try (InputStream in = getClass().getResourceAsStream("/tandem/openapi.json")) {
            document = JSON.readTree(in);
        }
        Map<String, String> shapeToKey = new LinkedHashMap<>();
        for (Row row : rows) {
            shapeToKey.put(shape(row.method() + " " + row.path()), row.key());
        }
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (!Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                    continue;
                }
                String key = method.toUpperCase() + " /api/v1" + path.getKey();
                operations.add(shapeToKey.getOrDefault(shape(key), key));
            }
        }
        return operations;
    }

    /** A path with every placeholder (and the fixed slug {@code default}) reduced to {@code {}}. */
    private static String shape(String key) {
        return key.replaceAll("\\{\\w+}", "{}").replace("/portals/default", "/portals/{}");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
