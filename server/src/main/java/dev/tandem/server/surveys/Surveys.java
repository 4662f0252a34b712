package dev.tandem.server.surveys;

import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Secrets;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.domain.SurveyAnswer;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.store.PortalStore;
import dev.tandem.server.store.SurveyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks the satisfaction survey when a session ends (where its portal says so) and takes the
 * customer's answer. The survey lives in the database, so any node takes the answer. Thread-safe.
 */
public final class Surveys {
    /** How long the customer has to answer once the session is over. */
    public static final Duration TIME_TO_ANSWER = Duration.ofDays(1);

    private final SurveyStore store;
    private final PortalStore portals;
    private final AuditLog audit;
    private final Clock clock;

    public Surveys(SurveyStore store, PortalStore portals, AuditLog audit, Clock clock) {
        this.store = store;
        this.portals = portals;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The session is over: when its portal asks customers how it went, stores a new survey and
     * returns the one-time token for the customer's client; empty otherwise.
     */
    public Optional<String> ask(String sessionId, String portalSlug) {
        boolean wanted = portals.findBySlug(portalSlug).map(Portal::surveyAfterSession).orElse(false);
        if (!wanted) {
            return Optional.empty();
        }
        String token = Secrets.token(24);
        Instant now = clock.instant();
        return store.ask(sessionId, Secrets.sha256(token), now, now.plus(TIME_TO_ANSWER))
                ? Optional.of(token) : Optional.empty();
    }

    /**
     * The customer's answer: {@code rating} 1 to 5, {@code comment} blank for none. Taken once,
     * within {@link #TIME_TO_ANSWER}; audited with the session.
     *
     * @throws Rejection for a rating out of range, a comment too long, an unknown or expired token,
     *                   or a survey answered already
     */
    public void answer(String token, int rating, String comment) {
        if (rating < SurveyAnswer.LOWEST || rating > SurveyAnswer.HIGHEST) {
            throw Rejection.badInput("'rating' must be a whole number from 1 (bad) to 5 (very good).");
        }
        String kept = comment == null || comment.isBlank() ? null : comment.strip();
        if (kept != null && kept.length() > SurveyAnswer.MAX_COMMENT_CHARS) {
            throw Rejection.badInput("'comment' may be at most " + SurveyAnswer.MAX_COMMENT_CHARS + " characters.");
        }
        SurveyStore.Answered answered = token == null || token.isBlank()
                ? new SurveyStore.Answered(SurveyStore.Outcome.NOT_FOUND, null, null)
                : store.answer(Secrets.sha256(token), rating, kept, clock.instant());
        switch (answered.outcome()) {
            case NOT_FOUND -> throw Rejection.of(ErrorCode.SURVEY_NOT_FOUND,
                    "There is no survey to answer with this link; it may have expired (a day after the session).");
            case ALREADY_ANSWERED -> throw Rejection.of(ErrorCode.SURVEY_ANSWERED,
                    "This survey was answered already. Thank you!");
            case ANSWERED -> audit.record(AuditLog.customer(answered.customerName()), AuditAction.SURVEY_ANSWERED, answered.sessionId(),
                    Phrase.of(kept == null ? "audit.surveyAnswered" : "audit.surveyAnsweredWithComment",
                            "rating", Integer.toString(rating)));
            default -> throw new IllegalStateException("unknown outcome " + answered.outcome());
        }
    }
}
