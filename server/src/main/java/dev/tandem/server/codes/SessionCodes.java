package dev.tandem.server.codes;

import dev.tandem.server.LogText;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.server.Links;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.auth.AttemptLimiter;
import dev.tandem.server.auth.Secrets;
import dev.tandem.server.domain.CodeStatus;
import dev.tandem.server.domain.IssuedCode;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.domain.User;
import dev.tandem.server.events.Events;
import dev.tandem.server.net.ClientAddress;
import dev.tandem.server.store.AttemptCounts;
import dev.tandem.server.store.CodeStore;
import dev.tandem.server.store.PortalStore;
import dev.tandem.server.view.CodeView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issues, lists, cancels, expires and checks session codes. Thread-safe. */
public final class SessionCodes {
    public static final int MAX_IDENTIFIER_CHARS = 120;
    private static final Logger LOG = LoggerFactory.getLogger(SessionCodes.class);
    private static final int GUESSES_ALLOWED = 20;

    private final CodeStore codes;
    private final PortalStore portals;
    private final Events consoles;
    private final Links links;
    private final Clock clock;
    private final AttemptLimiter guesses;
    private final Map<Long, Object> issueLocks = new ConcurrentHashMap<>();

    /** Wrong guesses counted in the database by every node together; null when the server runs alone. */
    private final AttemptCounts sharedGuesses;

    public SessionCodes(CodeStore codes, PortalStore portals, Events consoles, Links links, Clock clock) {
        this(codes, portals, consoles, links, clock, null);
    }

    /**
     * {@code sharedGuesses}: as one node of several, wrong guesses are counted in the database, so
     * guesses spread over the nodes add up; null counts them in memory (a server alone).
     */
    public SessionCodes(CodeStore codes, PortalStore portals, Events consoles, Links links, Clock clock,
                        AttemptCounts sharedGuesses) {
        this.sharedGuesses = sharedGuesses;
        this.codes = codes;
        this.portals = portals;
        this.consoles = consoles;
        this.links = links;
        this.clock = clock;
        this.guesses = new AttemptLimiter(GUESSES_ALLOWED, Duration.ofMinutes(10), clock);
    }

    public IssuedCode create(User technician, Optional<String> identifier, Optional<String> portalSlug) {
        Optional<String> cleanIdentifier = identifier.map(String::strip).filter(s -> !s.isEmpty());
        if (cleanIdentifier.filter(s -> s.codePointCount(0, s.length()) > MAX_IDENTIFIER_CHARS).isPresent()) {
            throw Rejection.badInput("The identifier is longer than " + MAX_IDENTIFIER_CHARS + " characters.");
        }
        String slug = portalSlug.filter(s -> !s.isBlank()).orElse("default");
        Portal portal = portals.findBySlug(slug).orElseThrow(() -> Rejection.of(ErrorCode.UNKNOWN_PORTAL, "There is no portal '" + slug + "'. Pick one of the portals listed in the console."));
        // One technician's codes are issued one at a time so the live-code limit holds: in this JVM,
        // and across the nodes of a cluster by the transaction that locks the technician's row.
        synchronized (issueLocks.computeIfAbsent(technician.id(), id -> new Object())) {
            Instant now = clock.instant();
            Instant expires = now.plus(Duration.ofMinutes(portal.codeLifetimeMinutes()));
            Optional<Long> id = codes.insertUnderLimit(Secrets::nineDigits, technician.id(), portal.id(),
                    cleanIdentifier.orElse(null), now, expires, portal.maxLiveCodes());
            if (id.isEmpty()) {
                throw Rejection.of(ErrorCode.TOO_MANY_LIVE_CODES, "You already have "
                        + portal.maxLiveCodes() + " live codes. Cancel one or wait until one is used or expires.");
            }
            IssuedCode issued = codes.findById(id.get()).orElseThrow();
            publish(issued);
            return issued;
        }
    }

    public List<IssuedCode> list(User user) {
        return codes.list(user.isAdmin() ? Optional.empty() : Optional.of(user.id()), 200);
    }

    /** The caller's newest code with these digits (any code for an administrator), or 404. */
    public IssuedCode visible(User user, String digits) {
        return codes.findNewest(digits).filter(c -> user.isAdmin() || c.technicianId() == user.id())
                .orElseThrow(() -> Rejection.notFound("You have no code " + digits + "."));
    }

    public void cancel(User user, String digits) {
        IssuedCode issued = visible(user, digits);
        if (issued.statusAt(clock.instant()) != CodeStatus.WAITING) {
            throw Rejection.of(ErrorCode.CODE_NOT_WAITING,
                    "Code " + digits + " is " + issued.statusAt(clock.instant()).wireName() + " and can no longer be cancelled.");
        }
        if (codes.finish(issued.id(), CodeStatus.CANCELLED, null)) {
            codes.findById(issued.id()).ifPresent(this::publish);
        }
    }

    /**
     * The waiting code a customer presents, or the reason it cannot be used. Every miss counts
     * against the client address (its limit key: an IPv6 client counts per /64); past {@value #GUESSES_ALLOWED} misses in ten minutes the address is
     * refused with {@link TandemStatus#RATE_LIMITED}.
     */
    public IssuedCode redeemable(String presented, ClientAddress client) throws ProtocolException {
        String guesser = "code-guess:" + client.limitKey();
        boolean blocked = sharedGuesses == null ? guesses.isBlocked(client.limitKey())
                : sharedGuesses.attempts(guesser, guesses.window(), clock.instant()) >= GUESSES_ALLOWED;
        if (blocked) {
            throw new ProtocolException(TandemStatus.RATE_LIMITED);
        }
        Optional<SessionCode> code = SessionCode.parse(presented);
        Optional<IssuedCode> issued = code.flatMap(c -> codes.findNewest(c.digits()));
        TandemStatus refusal = issued.isEmpty() ? TandemStatus.CODE_NOT_FOUND
                : switch (issued.get().statusAt(clock.instant())) {
                    case WAITING -> null;
                    case JOINED -> TandemStatus.CODE_USED;
                    case EXPIRED -> TandemStatus.CODE_EXPIRED;
                    case CANCELLED -> TandemStatus.CODE_CANCELLED;
                };
        if (refusal != null) {
            if (sharedGuesses == null) {
                guesses.recordFailure(client.limitKey());
            } else {
                sharedGuesses.add(guesser, guesses.window(), clock.instant());
            }
            LOG.info("Code refused ({}) for {}", refusal.code(), client);
            throw new ProtocolException(refusal);
        }
        return issued.get();
    }

    /** Forgets shared guess windows that have ended (the timer leader, now and then). */
    public void forgetOldGuesses() {
        if (sharedGuesses != null) {
            sharedGuesses.deleteEnded(clock.instant().minus(guesses.window()));
        }
    }

    /** Expires waiting codes past their lifetime and tells the consoles. */
    public void expireDue() {
        for (Long id : codes.expireDue(clock.instant())) {
            codes.findById(id).ifPresent(this::publish);
        }
    }

    public CodeView view(IssuedCode code) {
        return CodeView.of(code, links.join(code.code()), clock.instant());
    }

    /** Tells the consoles a code changed (issued, joined, cancelled, expired). */
    public void publish(IssuedCode code) {
        consoles.codeChanged(code.technicianId(), view(code));
    }

    public Optional<IssuedCode> findById(long id) {
        return codes.findById(id);
    }
}
