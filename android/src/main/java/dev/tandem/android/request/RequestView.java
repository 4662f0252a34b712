package dev.tandem.android.request;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One chat request as the server shows it to its customer (docs/requests.md, "Request view"): where
 * it stands, the place in line while it waits, and the session once a technician took it. Immutable.
 */
public final class RequestView {
    /** Where a request stands. */
    public enum Status { WAITING, ACCEPTED, CANCELLED, EXPIRED }

    public final String id;
    public final Status status;
    /** 1-based place in the portal's line while waiting; 0 otherwise. */
    public final int position;
    /** The chat session once accepted; null before. */
    public final String session;
    public final String technician;
    public final String followUpEmail;

    RequestView(String id, Status status, int position, String session, String technician, String followUpEmail) {
        this.id = id;
        this.status = status;
        this.position = position;
        this.session = session;
        this.technician = technician;
        this.followUpEmail = followUpEmail;
    }

    static RequestView of(JsonNode view) {
        return new RequestView(view.path("id").asText(), Status.valueOf(view.path("status").asText("waiting")
                .toUpperCase(java.util.Locale.ROOT)), view.path("position").asInt(0), text(view, "session"),
                text(view, "technician"), text(view, "followUpEmail"));
    }

    private static String text(JsonNode view, String field) {
        JsonNode value = view.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public String toString() {
        return "RequestView[" + id + " " + status + (status == Status.WAITING ? " #" + position : "") + "]";
    }
}
