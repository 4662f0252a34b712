package dev.tandem.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * The question a portal may ask once a session is over: how did it go, 1 to 5, with an optional
 * comment (docs/surveys.md). The session's end carried a one-time token; {@link #answer} sends the
 * customer's answer with it over HTTPS (the same server, the same trust as the session's socket).
 * Answer once, off the UI thread (it is one blocking request). Thread-safe.
 */
public final class SatisfactionSurvey {
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;
    public static final int MAX_COMMENT_CHARS = 1000;
    private static final int TIMEOUT_MILLIS = 15_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What became of an answer. */
    public enum Outcome {
        /** Kept: thank the customer. */
        THANKED,
        /** This survey had been answered already (from another screen, or twice). */
        ALREADY_ANSWERED,
        /** Too late (a day after the session) or unknown to the server. */
        EXPIRED
    }

    private final URL answerUrl;
    private final SSLSocketFactory tls;

    SatisfactionSurvey(URL answerUrl, SSLSocketFactory tls) {
        this.answerUrl = answerUrl;
        this.tls = tls;
    }

    /**
     * Sends the customer's answer.
     *
     * @param rating  1 (bad) to 5 (very good)
     * @param comment what the customer wrote, or null/blank for nothing
     * @throws IllegalArgumentException for a rating out of range or a comment over {@value #MAX_COMMENT_CHARS} characters
     * @throws IOException              when the server cannot be reached or answers something unexpected
     */
    public Outcome answer(int rating, String comment) throws IOException {
        if (rating < LOWEST || rating > HIGHEST) {
            throw new IllegalArgumentException("The rating must be from 1 (bad) to 5 (very good).");
        }
        String kept = comment == null ? "" : comment.strip();
        if (kept.length() > MAX_COMMENT_CHARS) {
            throw new IllegalArgumentException("The comment may be at most " + MAX_COMMENT_CHARS + " characters.");
        }
        ObjectNode body = JSON.createObjectNode().put("rating", rating);
        if (!kept.isEmpty()) {
            body.put("comment", kept);
        }
        HttpURLConnection http = (HttpURLConnection) answerUrl.openConnection();
        try {
            if (http instanceof HttpsURLConnection && tls != null) {
                ((HttpsURLConnection) http).setSSLSocketFactory(tls);
            }
            http.setConnectTimeout(TIMEOUT_MILLIS);
            http.setReadTimeout(TIMEOUT_MILLIS);
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            http.setRequestProperty("Content-Type", "application/json; charset=utf-8");
            byte[] bytes = JSON.writeValueAsBytes(body);
            http.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = http.getOutputStream()) {
                out.write(bytes);
            }
            int status = http.getResponseCode();
            drain(status < 400 ? http.getInputStream() : http.getErrorStream());
            switch (status) {
                case 204:
                case 200:
                    return Outcome.THANKED;
                case 409:
                    return Outcome.ALREADY_ANSWERED;
                case 404:
                case 410:
                    return Outcome.EXPIRED;
                default:
                    throw new IOException("The server did not take the answer (HTTP " + status + ").");
            }
        } finally {
            http.disconnect();
        }
    }

    private static void drain(InputStream in) throws IOException {
        if (in != null) {
            try (InputStream body = in) {
                byte[] buffer = new byte[1024];
                while (body.read(buffer) >= 0) {
                    // the answer's body says nothing the status does not
                }
            }
        }
    }

    @Override
    public String toString() {
        // The token is a secret of the customer's: never in a log line.
        return "SatisfactionSurvey[" + answerUrl.getProtocol() + "://" + answerUrl.getAuthority() + "]";
    }
}
