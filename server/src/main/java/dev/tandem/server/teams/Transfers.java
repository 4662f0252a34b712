package dev.tandem.server.teams;

import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.domain.SupportSession;
import dev.tandem.server.domain.User;
import dev.tandem.server.live.LiveSessions;
import dev.tandem.server.live.SessionTeams;
import dev.tandem.server.records.SessionNotes;
import dev.tandem.server.requests.ChatRequests;
import dev.tandem.server.store.UserStore;
import dev.tandem.server.view.TeamView;

/**
 * Transfer and collaborate through the doors (issue 18.2, docs/transfer.md): names the other
 * technician by username, refuses who cannot take part (unknown or disabled: 404
 * {@code unknown_technician}; away: 409 {@code technician_away}; already on the session: 409
 * {@code already_on_session}), writes a transfer's note as a private session note (so the new
 * technician reads it next to the history, and the customer never does), then lets
 * {@link SessionTeams} change the live session. Who may ask is the session's: its owner, its helpers
 * and administrators ({@code LiveSessions.liveFor}); anyone else gets 404. Thread-safe.
 */
public final class Transfers {
    private final SessionTeams teams;
    private final LiveSessions sessions;
    private final UserStore users;
    private final Availability availability;
    private final SessionNotes notes;
    private final ChatRequests requests;

    public Transfers(SessionTeams teams, LiveSessions sessions, UserStore users, Availability availability,
                     SessionNotes notes, ChatRequests requests) {
        this.requests = requests;
        this.teams = teams;
        this.sessions = sessions;
        this.users = users;
        this.availability = availability;
        this.notes = notes;
    }

    public TeamView team(User user, String sessionId) {
        return teams.team(user, sessionId);
    }

    /** Hands the session to {@code username}, with an optional note for them. */
    public TeamView transfer(User by, String sessionId, String username, String note) {
        SupportSession session = sessions.visible(by, sessionId);
        User to = reachable(username);
        if (to.id() == session.technicianId()) {
            throw Rejection.of(ErrorCode.ALREADY_ON_SESSION, to.displayName() + " already has this session.");
        }
        if (note != null && !note.isBlank()) {
            notes.add(by, sessionId, note);
        }
        return teams.transfer(by, sessionId, to);
    }

    /**
     * Puts the session back in {@code portal}'s queue: it waits in that portal's Requests panel (as a
     * request that names the session) and stays with its technician until someone takes it; the
     * note is kept as for a transfer. Answers the team (unchanged until then).
     */
    public TeamView toQueue(User by, String sessionId, String portal, String note) {
        SupportSession session = sessions.visible(by, sessionId);
        if (!session.isActive()) {
            throw Rejection.of(dev.tandem.protocol.TandemStatus.SESSION_ENDED);
        }
        String name = requests.portalOrNotFound(portal).name();
        if (note != null && !note.isBlank()) {
            notes.add(by, sessionId, note);
        }
        requests.queue(sessionId, portal, session.customerName(), note == null || note.isBlank()
                ? "Transferred by " + by.displayName() : note.strip());
        teams.queued(by, sessionId, name);
        return teams.team(by, sessionId);
    }

    /** Takes a session waiting in a queue: it is transferred to {@code taker}. */
    public TeamView claim(User taker, String sessionId) {
        requests.takeQueued(taker, sessionId);
        return teams.team(taker, sessionId);
    }

    /** Invites {@code username} to help on the session: they join at once. */
    public TeamView invite(User by, String sessionId, String username) {
        return teams.join(by, sessionId, reachable(username));
    }

    /** {@code username} stops helping on the session. */
    public TeamView leave(User by, String sessionId, String username) {
        return teams.leave(by, sessionId, known(username));
    }

    /** The control holder passes control of the phone to {@code username}. */
    public TeamView passControl(User by, String sessionId, String username) {
        return teams.passControl(by, sessionId, known(username));
    }

    private User known(String username) {
        if (username == null || username.isBlank()) {
            throw Rejection.badInput("Name the technician by their username in \"technician\".");
        }
        return users.findByUsername(username).filter(User::enabled).orElseThrow(() ->
                Rejection.of(ErrorCode.UNKNOWN_TECHNICIAN, "There is no technician " + username + "."));
    }

    /** A technician who can be handed a session: known, enabled, not away. */
    private User reachable(String username) {
        User user = known(username);
        if (Availability.AWAY.equals(availability.statusOf(user.id()))) {
            throw Rejection.of(ErrorCode.TECHNICIAN_AWAY, user.displayName()
                    + " is away; choose a technician who is available or busy.");
        }
        return user;
    }
}
