package dev.tandem.vnc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * The few REST calls {@code tandem vnc} makes as the technician, with the API token as a bearer
 * token: the session, its screen state, and asking for the screen (docs/protocol.md section 2b).
 * Every failure becomes a {@link VncRefusal} whose message says what to do. Thread-safe.
 */
final class SessionApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http;
    private final TandemServerUrl server;
    private final String token;

    SessionApi(TandemServerUrl server, String token) {
        this.server = server;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).sslContext(server.tls()).build();
    }

    /** What {@code GET /api/v1/sessions/{id}} says that matters here. */
    record Session(String id, boolean active, boolean screenCapable, String screenReason, boolean customerConnected) {
    }

    /** {@code GET /api/v1/sessions/{id}/screen}. */
    record Screen(String status, boolean control, String controlStatus) {
        boolean viewable() {
            return status.equals("sharing") || status.equals("pending");
        }
    }

    /**
     * The node that holds the session's phone when the server runs as several nodes; empty alone,
     * and whenever it cannot be read (the hint is only for routing: the node the viewer reaches
     * then says where to go).
     */
    java.util.Optional<String> ownerNode(String id) {
        try {
            JsonNode owner = call(id, request("/api/v1/sessions/" + TandemServerUrl.encode(id)).GET()).path("ownerNode");
            return owner.isTextual() && !owner.asText().isBlank() ? java.util.Optional.of(owner.asText())
                    : java.util.Optional.empty();
        } catch (VncRefusal | RuntimeException unreadable) {
            return java.util.Optional.empty();
        }
    }

    Session session(String id) throws VncRefusal {
        JsonNode body = call(id, request("/api/v1/sessions/" + TandemServerUrl.encode(id)).GET());
        JsonNode capabilities = body.path("capabilities");
        return new Session(body.path("id").asText(id), body.path("status").asText().equals("active"),
                capabilities.path("screen").asBoolean(false), body.path("capabilityReasons").path("screen").asText(""),
                body.path("customerConnected").asBoolean(true));
    }

    Screen screen(String id) throws VncRefusal {
        return screenOf(call(id, request(screenPath(id)).GET()));
    }

    /** Asks for the screen, and with {@code control} for control too; the customer may be asked. */
    Screen request(String id, boolean control) throws VncRefusal {
        HttpRequest.Builder post = request(screenPath(id)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"control\":" + control + "}"));
        return screenOf(call(id, post));
    }

    private static Screen screenOf(JsonNode body) {
        return new Screen(body.path("status").asText("off"), body.path("control").asBoolean(false),
                body.path("controlStatus").asText("off"));
    }

    private static String screenPath(String id) {
        return "/api/v1/sessions/" + TandemServerUrl.encode(id) + "/screen";
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.api(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /** What went wrong in plain words (the JDK's own messages can name its classes). */
    private static String why(IOException e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return " (it did not answer within " + TIMEOUT.toSeconds() + " s)";
        }
        if (e instanceof java.net.ConnectException) {
            return " (nothing accepts connections there)";
        }
        if (e instanceof java.net.UnknownHostException) {
            return " (no such host name)";
        }
        return " (the connection failed)";
    }

    private JsonNode call(String session, HttpRequest.Builder request) throws VncRefusal {
        URI uri = request.build().uri();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (isTls(e)) {
                throw new VncRefusal(VncRefusal.SERVER, "Cannot reach the Tandem server at " + server + " securely: its"
                        + " TLS certificate is not trusted or not made out to this name. For a server whose certificate"
                        + " a private CA signed, give that CA with --ca-file.");
            }
            throw new VncRefusal(VncRefusal.SERVER, "Cannot reach the Tandem server at " + server + why(e)
                    + ": check --server and that the server is running.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VncRefusal(VncRefusal.SERVER, "Interrupted while asking the server.");
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300 && body != null) {
            return body;
        }
        String message = body == null ? "" : body.path("error").path("message").asText("");
        String code = body == null ? "" : body.path("error").path("code").asText("");
        if (status == 401) {
            throw new VncRefusal(VncRefusal.ACCESS, "The server refused the token (401): create an API token in the"
                    + " console and pass it with --token.");
        }
        if (status == 403 || status == 404) {
            throw new VncRefusal(VncRefusal.ACCESS, "There is no session " + session + " that this token may see ("
                    + status + "): check --session, and that the session is yours.");
        }
        if (status == 409 || status == 410) {
            throw new VncRefusal(VncRefusal.SCREEN, (message.isEmpty() ? code : message).strip()
                    + " (" + status + (code.isEmpty() ? "" : " " + code) + ")");
        }
        throw new VncRefusal(VncRefusal.SERVER, "The server answered " + status + " to " + uri.getPath()
                + (message.isEmpty() ? "" : ": " + message) + "; check --server points at a Tandem server.");
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** A failed TLS handshake, whose own message names Java classes and means nothing to the technician. */
    private static boolean isTls(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }
}
