package dev.tandem.android.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.agent.ServerAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The customer's request calls of docs/requests.md, against one server: create a request on a
 * portal, read it, cancel it, leave a follow-up email after it expired. Every refusal becomes a
 * {@link RequestRefused} with the server's code and sentence. Blocking: call from a background thread.
 * Thread-safe (stateless apart from the server).
 */
public final class PortalRequests {
    static final int TIMEOUT_MILLIS = 15_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;

    public PortalRequests(ServerAddress server) {
        this.base = server.toString();
    }

    /** A request just made: its view and the secret token that authenticates every later call. */
    public static final class Created {
        public final RequestView view;
        public final String token;

        Created(RequestView view, String token) {
            this.view = view;
            this.token = token;
        }
    }

    /** {@code POST /portals/{slug}/requests}; the phone's maker and model go with it. */
    public Created create(String portal, String name, String description, String email, String manufacturer,
            String model) throws RequestRefused {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("description", description);
        if (email != null && !email.isEmpty()) {
            body.put("email", email);
        }
        body.putObject("device").put("manufacturer", manufacturer).put("model", model).put("profile", "android");
        JsonNode answer = call("POST", "/api/v1/portals/" + encode(portal) + "/requests", null, body);
        return new Created(RequestView.of(answer), answer.path("token").asText());
    }

    public RequestView get(String id, String token) throws RequestRefused {
        return RequestView.of(call("GET", "/api/v1/requests/" + encode(id), token, null));
    }

    public RequestView cancel(String id, String token) throws RequestRefused {
        return RequestView.of(call("POST", "/api/v1/requests/" + encode(id) + "/cancel", token, null));
    }

    public RequestView followUp(String id, String token, String email) throws RequestRefused {
        return RequestView.of(call("POST", "/api/v1/requests/" + encode(id) + "/follow-up", token,
                JSON.createObjectNode().put("email", email)));
    }

    private JsonNode call(String method, String path, String token, JsonNode body) throws RequestRefused {
        HttpURLConnection http = null;
        try {
            http = (HttpURLConnection) new URL(base + path).openConnection();
            http.setConnectTimeout(TIMEOUT_MILLIS);
            http.setReadTimeout(TIMEOUT_MILLIS);
            http.setRequestMethod(method);
            http.setRequestProperty("Accept", "application/json");
            if (token != null) {
                http.setRequestProperty("X-Request-Token", token);
            }
            if (body != null) {
                http.setDoOutput(true);
                http.setRequestProperty("Content-Type", "application/json; charset=utf-8");
                try (OutputStream out = http.getOutputStream()) {
                    out.write(JSON.writeValueAsBytes(body));
                }
            }
            int status = http.getResponseCode();
            byte[] answer = read(status >= 400 ? http.getErrorStream() : http.getInputStream());
            JsonNode json = answer.length == 0 ? JSON.createObjectNode() : JSON.readTree(answer);
            if (status >= 400) {
                JsonNode error = json.path("error");
                throw new RequestRefused(error.path("code").asText("http_" + status),
                        error.path("message").asText("The server answered " + status + "."));
            }
            return json;
        } catch (IOException e) {
            throw new RequestRefused(RequestRefused.NETWORK, e.toString());
        } finally {
            if (http != null) {
                http.disconnect();
            }
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        try (InputStream stream = in) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            for (int n; (n = stream.read(chunk)) > 0; ) {
                all.write(chunk, 0, n);
            }
            return all.toByteArray();
        }
    }

    private static String encode(String part) {
        try {
            return URLEncoder.encode(part, "UTF-8").replace("+", "%20");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
