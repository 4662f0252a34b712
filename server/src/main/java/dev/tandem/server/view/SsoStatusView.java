package dev.tandem.server.view;

/** Whether single sign-on is offered on the sign-in page, and the label of its button. */
public record SsoStatusView(boolean enabled, String label) {
}
