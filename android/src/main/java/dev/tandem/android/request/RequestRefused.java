package dev.tandem.android.request;

/**
 * The server (or the network) said no to a request call: the machine-readable {@code code} of
 * docs/requests.md ({@code rate_limited}, {@code name_too_long}, ...) or {@link #NETWORK}, and the
 * server's own sentence. The screen shows its own words for the codes it knows, in the customer's
 * language.
 */
public final class RequestRefused extends Exception {
    /** No answer from the server at all. */
    public static final String NETWORK = "network";

    private final String code;

    public RequestRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
