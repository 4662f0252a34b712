package dev.tandem.bench;

import java.io.IOException;

/**
 * What a technician does in the Settings app during the scripted minute, one change per step: scroll
 * the list 300 px (down to 900 px, then back up), then tap a switch on a visible row, and so on. Every
 * step changes the screen: a scroll moves the list, a tap flips whatever switch is under the finger.
 * Not thread-safe: one thread plays it.
 */
final class SettingsScript {
    private static final int SCROLL_STEP = 300;
    private static final int MAX_SCROLL = 900;
    private final RfbViewer viewer;
    private int scroll;
    private int direction = 1;
    private int step;

    SettingsScript(RfbViewer viewer) {
        this.viewer = viewer;
    }

    /** Plays the next step through the viewer. */
    void next() throws IOException {
        if (step % 2 == 0) {
            if (scroll + direction * SCROLL_STEP < 0 || scroll + direction * SCROLL_STEP > MAX_SCROLL) {
                direction = -direction;
            }
            scroll += direction * SCROLL_STEP;
            // Dragging the finger up scrolls the list down.
            int fromY = 1500;
            viewer.swipe(PhoneSpots.LIST_X, fromY, PhoneSpots.LIST_X, fromY - direction * SCROLL_STEP);
        } else {
            viewer.tap(PhoneSpots.SWITCH_X, PhoneSpots.settingsRowY((step / 2) % 5));
        }
        step++;
    }

    /** How far the list should be scrolled now, if every step landed. */
    int scroll() { return scroll; }
}
