package dev.tandem.server.teams;

import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.domain.User;
import dev.tandem.server.events.Events;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.store.AvailabilityStore;
import dev.tandem.server.store.UserStore;
import dev.tandem.server.view.AvailabilityView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Technician availability (issue 18.2, docs/transfer.md): each technician sets {@code available},
 * {@code busy} or {@code away} in the console; everyone signed in sees everyone's. It decides who is
 * offered a waiting request first: for its first {@link #OFFERED_FIRST} a request may be taken only
 * by an available technician (the others see it marked), unless nobody is available; and an away
 * technician is not handed sessions (transfers and invites to them are refused). A technician who
 * never set it is available. Stored, so every node answers alike. Thread-safe.
 */
public final class Availability {
    /** How long a new request is offered to available technicians only. */
    public static final Duration OFFERED_FIRST = Duration.ofSeconds(30);
    public static final String AVAILABLE = "available";
    public static final String BUSY = "busy";
    public static final String AWAY = "away";
    private static final Set<String> STATUSES = Set.of(AVAILABLE, BUSY, AWAY);
    private final AvailabilityStore store;
    private final UserStore users;
    private final Events consoles;
    private final AuditLog audit;
    private final Clock clock;

    public Availability(AvailabilityStore store, UserStore users, Events consoles, AuditLog audit, Clock clock) {
        this.store = store;
        this.users = users;
        this.consoles = consoles;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every enabled user's availability, by display name. */
    public List<AvailabilityView> list() {
        Map<Long, AvailabilityStore.Stored> stored = store.all();
        return users.list().stream().filter(User::enabled)
                .map(u -> view(u, Optional.ofNullable(stored.get(u.id()))))
                .sorted(java.util.Comparator.comparing(AvailabilityView::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    public AvailabilityView of(User user) {
        return view(user, store.of(user.id()));
    }

    /** {@code user} sets their own availability; every console is told. */
    public AvailabilityView set(User user, String status) {
        if (status == null || !STATUSES.contains(status)) {
            throw Rejection.badInput("Availability is one of available, busy or away.");
        }
        Optional<AvailabilityStore.Stored> before = store.of(user.id());
        if (before.map(AvailabilityStore.Stored::status).orElse(AVAILABLE).equals(status) && before.isPresent()) {
            return view(user, before);
        }
        Instant now = clock.instant();
        store.set(user.id(), status, now);
        audit.record(user.username(), AuditAction.AVAILABILITY_CHANGED, Phrase.of("audit.availability", "status", status));
        AvailabilityView view = view(user, Optional.of(new AvailabilityStore.Stored(status, now)));
        consoles.availabilityChanged(view);
        return view;
    }

    public String statusOf(long userId) {
        return store.of(userId).map(AvailabilityStore.Stored::status).orElse(AVAILABLE);
    }

    /**
     * Whether {@code technician} may take a request created at {@code createdAt} now: always after
     * {@link #OFFERED_FIRST}; before, when they are available or no enabled technician is.
     */
    public boolean mayTake(User technician, Instant createdAt) {
        if (!clock.instant().isBefore(createdAt.plus(OFFERED_FIRST)) || AVAILABLE.equals(statusOf(technician.id()))) {
            return true;
        }
        return list().stream().noneMatch(v -> AVAILABLE.equals(v.status()));
    }

    private static AvailabilityView view(User user, Optional<AvailabilityStore.Stored> stored) {
        return new AvailabilityView(user.username(), user.displayName(), user.role().wireName(),
                stored.map(AvailabilityStore.Stored::status).orElse(AVAILABLE),
                stored.map(s -> s.since().toString()).orElse(null));
    }
}
