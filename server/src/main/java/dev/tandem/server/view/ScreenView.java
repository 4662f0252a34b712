package dev.tandem.server.view;

/**
 * The customer's screen and control as {@code /api/v1/sessions/{id}/screen} and the console's
 * {@code screen} event show them (docs/protocol.md 2b). {@code control} says whether control is
 * granted now; {@code revision} numbers the views in the order they were taken, so a console drops
 * an older one.
 */
public record ScreenView(String status, boolean control, String controlStatus, boolean stoppedByCustomer, int viewers,
                         long revision) {
}
