package dev.tandem.android.session;

import android.os.Handler;
import dev.tandem.agent.SatisfactionSurvey;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's satisfaction survey once the session is over (docs/surveys.md): what the chat screen
 * shows of it, and the customer's answer, sent off the main thread (it is one HTTPS request).
 *
 * <p>Threading: state is read and changed on the main thread; the answer's request runs on a thread
 * of its own and its outcome comes back to the main thread.
 */
public final class SessionSurvey {
    private static final Logger log = LoggerFactory.getLogger(SessionSurvey.class);

    /** Where the survey stands. */
    public enum State { NONE, ASKING, SENDING, THANKED, ALREADY_ANSWERED, EXPIRED, FAILED, SKIPPED }

    private final Handler main;
    private final Runnable changed;
    private ExecutorService sender;
    private SatisfactionSurvey offered;
    private State state = State.NONE;

    SessionSurvey(Handler main, Runnable changed) {
        this.main = main;
        this.changed = changed;
    }

    public State state() {
        return state;
    }

    /** The customer's answer: 1 to 5 and a comment (may be empty). Ignored unless the survey is asking. */
    public void answer(int rating, String comment) {
        SatisfactionSurvey survey = offered;
        if (survey == null || (state != State.ASKING && state != State.FAILED)) {
            return;
        }
        state = State.SENDING;
        changed.run();
        senderThread().execute(() -> {
            State outcome;
            try {
                switch (survey.answer(rating, comment)) {
                    case THANKED:
                        outcome = State.THANKED;
                        break;
                    case ALREADY_ANSWERED:
                        outcome = State.ALREADY_ANSWERED;
                        break;
                    default:
                        outcome = State.EXPIRED;
                        break;
                }
            } catch (IOException | IllegalArgumentException e) {
                log.warn("The survey's answer was not taken: {}", e.getMessage());
                outcome = State.FAILED;
            }
            State result = outcome;
            main.post(() -> {
                if (offered == survey) {
                    state = result;
                    changed.run();
                }
            });
        });
    }

    /** The customer would rather not answer. */
    public void skip() {
        if (state == State.ASKING || state == State.FAILED) {
            state = State.SKIPPED;
            changed.run();
        }
    }

    void offer(SatisfactionSurvey survey) {
        offered = survey;
        state = State.ASKING;
    }

    void reset() {
        offered = null;
        state = State.NONE;
    }

    private ExecutorService senderThread() {
        if (sender == null) {
            sender = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "tandem-survey");
                thread.setDaemon(true);
                return thread;
            });
        }
        return sender;
    }
}
