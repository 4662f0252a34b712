package dev.tandem.server.events;

/**
 * Who an {@link Event} is for. Plain values, so an event can cross to another node and be
 * delivered there to the consoles that node holds.
 */
public sealed interface Audience {
    /** The technician who owns the session, code or mail, and every administrator. */
    record Owner(long technicianId) implements Audience {
    }

    /** Every signed-in console (a new chat request may be taken by any technician). */
    record EveryConsole() implements Audience {
    }

    /** Whether a console of {@code userId} (an administrator when {@code admin}) gets events for this audience. */
    default boolean includes(long userId, boolean admin) {
        if (this instanceof Owner owner) {
            return owner.technicianId() == userId || admin;
        }
        return true;
    }
}
