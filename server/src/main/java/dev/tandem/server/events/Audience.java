package dev.tandem.server.events;

/**
 * Who an {@link Event} is for. Plain values, so an event can cross to another node and be
 * delivered there to the consoles that node holds.
 */
public sealed interface Audience {
    /** The technician who owns the session, code or mail, and every administrator. */
    record Owner(long technicianId) implements Audience {
    }

    /**
     * A session with helpers (issue 18.2): its owner, the technicians helping them, and every
     * administrator.
     */
    record Team(long technicianId, java.util.List<Long> helpers) implements Audience {
        public Team {
            helpers = java.util.List.copyOf(helpers);
        }
    }

    /** Every signed-in console (a new chat request may be taken by any technician). */
    record EveryConsole() implements Audience {
    }

    /** Whether a console of {@code userId} (an administrator when {@code admin}) gets events for this audience. */
    default boolean includes(long userId, boolean admin) {
        if (this instanceof Owner owner) {
            return owner.technicianId() == userId || admin;
        }
        if (this instanceof Team team) {
            return team.technicianId() == userId || team.helpers().contains(userId) || admin;
        }
        return true;
    }
}
