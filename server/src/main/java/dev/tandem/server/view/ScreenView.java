package dev.tandem.server.view;

/**
 * The customer's screen and control as {@code /api/v1/sessions/{id}/screen} and the console's
 * {@code screen} event show them (docs/protocol.md 2b). {@code control} says whether control is
 * granted now; {@code revision} numbers the views in the order they were taken, so a console drops
 * an older one. {@code drawings} (issue 18.7): the phone's screen as drawings' points are given and
 * whether the customer hid them, or null while the phone shows no drawings (not sharing, or an agent
 * that cannot). {@code recording} (issue 18.6): {@code off}, {@code recording}, {@code stopped} (the
 * recording stopped early: the recorder fell behind or the storage limit was reached) or {@code limit}
 * (the portal records, but the storage limit kept the recording from starting).
 */
public record ScreenView(String status, boolean control, String controlStatus, boolean stoppedByCustomer, int viewers,
                         long revision, Drawings drawings, String recording) {
    /** The phone can show drawings on a screen of {@code width} x {@code height} pixels; {@code hidden}: the customer hid them. */
    public record Drawings(int width, int height, boolean hidden) {
    }
}
