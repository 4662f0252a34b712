package dev.tandem.server.view;

/** A technician took a chat request: the chat-only session that was opened for it. */
public record AcceptedRequestView(String session) {
}
