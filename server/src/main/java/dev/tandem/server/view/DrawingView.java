package dev.tandem.server.view;

/** What {@code POST /api/v1/sessions/{id}/drawings} passed on to the phone (issue 18.7): the kind and how many points. */
public record DrawingView(String kind, int points) {
}
