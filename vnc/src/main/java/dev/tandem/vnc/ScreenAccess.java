package dev.tandem.vnc;

import java.util.function.Consumer;

/**
 * What {@code tandem vnc} checks before it listens: the session is active and visible to the
 * token, the phone can share its screen, and the screen is shared or being asked for (asking for
 * it, or for control, when the technician said so). Not thread-safe; used once at start.
 */
final class ScreenAccess {
    private final SessionApi api;
    private final Consumer<String> notes;

    ScreenAccess(SessionApi api, Consumer<String> notes) {
        this.api = api;
        this.notes = notes;
    }

    /**
     * Checks the session and asks for what is missing when allowed to.
     *
     * @throws VncRefusal with one line saying why the screen cannot be viewed and what to do
     */
    void prepare(String id, boolean requestScreen, boolean requestControl) throws VncRefusal {
        SessionApi.Session session = api.session(id);
        if (!session.active()) {
            throw new VncRefusal(VncRefusal.SCREEN, "Session " + id + " has ended: start a new session with a new code.");
        }
        if (!session.screenCapable()) {
            throw new VncRefusal(VncRefusal.SCREEN, "The customer's phone cannot share its screen"
                    + (session.screenReason().isBlank() ? "" : " (" + session.screenReason().strip() + ")")
                    + ": help the customer by chat instead.");
        }
        if (!session.customerConnected()) {
            notes.accept("The customer's phone is not connected right now; viewers are refused until it reconnects.");
        }
        SessionApi.Screen screen = api.screen(id);
        if (requestControl && !screen.control()) {
            screen = api.request(id, true);
            notes.accept("Asked the customer for control" + (screen.viewable() ? "" : " and the screen")
                    + "; the viewer stays view-only until they allow it.");
        } else if (!screen.viewable()) {
            if (!requestScreen) {
                throw new VncRefusal(VncRefusal.SCREEN, "The screen of session " + id + " is not shared ("
                        + screen.status() + "): ask the customer from the console, or run with --request.");
            }
            screen = api.request(id, false);
            if (screen.status().equals("pending")) {
                notes.accept("Asked the customer to share the screen; the viewer shows it once they allow it.");
            }
        }
    }
}
