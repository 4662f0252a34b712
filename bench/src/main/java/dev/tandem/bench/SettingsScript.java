package dev.tandem.bench;

import java.io.IOException;

/**
 * What a technician does in the Settings app during the scripted minute, one change per step: scroll
 * the list by a step (down to at most 900 px, then back up), then tap a switch on a visible row, and so on. Every
 * step changes the screen: a scroll moves the list, a tap flips whatever switch is under the finger.
 * Not thread-safe: one thread plays it.
 */
final class SettingsScript {
    private static final int MAX_SCROLL = 900;
    private final RfbViewer viewer;
    private final int scrollStep;
    private int scroll;
    private int direction = 1;
    private int step;

    /** A script whose scrolls move the list {@code scrollStep} px (more than the phone's 40 px swipe threshold). */
    SettingsScript(RfbViewer viewer, int scrollStep) {
        if (scrollStep < 50 || scrollStep > MAX_SCROLL) {
            throw new IllegalArgumentException("the scroll step must be 50.." + MAX_SCROLL + " px, got " + scrollStep);
        }
        this.viewer = viewer;
        this.scrollStep = scrollStep;
    }

    /** Plays the next step through the viewer. */
    void next() throws IOException {
        if (step % 2 == 0) {
            if (scroll + direction * scrollStep < 0 || scroll + direction * scrollStep > MAX_SCROLL) {
                direction = -direction;
            }
            scroll += direction * scrollStep;
            // Dragging the finger up scrolls the list down.
            int fromY = 1500;
            viewer.swipe(PhoneSpots.LIST_X, fromY, PhoneSpots.LIST_X, fromY - direction * scrollStep);
        } else {
            viewer.tap(PhoneSpots.SWITCH_X, PhoneSpots.settingsRowY((step / 2) % 5));
        }
        step++;
    }

    /** How far the list should be scrolled now, if every step landed. */
    int scroll() { return scroll; }
}
