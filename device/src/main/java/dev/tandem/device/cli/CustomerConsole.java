package dev.tandem.device.cli;

import dev.tandem.agent.MessageRefusedException;
import dev.tandem.agent.SatisfactionSurvey;
import dev.tandem.agent.SessionListener;
import dev.tandem.agent.consent.ConsentPrompt;
import dev.tandem.agent.drawing.Drawings;
import dev.tandem.agent.drawing.Mark;
import dev.tandem.agent.files.FileOffer;
import dev.tandem.agent.files.FileRequest;
import dev.tandem.agent.files.FileSaver;
import dev.tandem.device.VirtualPhone;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.ServerMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The customer in front of the virtual phone, for a script: lines read from stdin become what the
 * customer does, and what happens in the session becomes {@link CustomerEvents} on stdout.
 *
 * <p>Stdin lines: a plain line is a chat message ({@code //} at the start sends a line that begins
 * with {@code /}); {@code /yes} and {@code /no} answer the oldest open prompt; {@code /stop} stops
 * screen sharing and control; {@code /hide-drawings} and {@code /show-drawings} hide the technician's
 * pointer and strokes on the phone's screen, or show them again; {@code /quit} leaves the session;
 * {@code /accept-file ID}, {@code /decline-file ID} and {@code /send-file ID PATH} answer files
 * ({@link CustomerFiles}). The end of stdin ends nothing: the
 * session goes on until one side ends it, and {@link #outcome()} then says how the command exits.
 * When the portal asks how it went (a {@code survey} event before {@code ended}), the command waits,
 * while stdin is open and for at most {@link #SURVEY_WAIT}, for {@code /rate N [comment]} or
 * {@code /skip}; with stdin closed it does not wait.
 *
 * <p>Threading: session events arrive on the session's thread, stdin lines on the reader's. They
 * share only the queue of open prompts (a concurrent deque) and the outcome (a future); no lock is
 * held while calling the phone, so neither side can block the other.
 */
final class CustomerConsole implements SessionListener {
    /** Exit code for a failure outside the protocol's status table: unreachable server, broken connection. */
    static final int CONNECTION_FAILURE = 5;
    /** How long a survey waits for its answer on stdin once the session is over. */
    static final Duration SURVEY_WAIT = Duration.ofMinutes(2);

    private final VirtualPhone phone;
    private final CustomerEvents events;
    private final ConsentMode consentMode;
    private final CustomerFiles files;
    private final Deque<ConsentPrompt> openPrompts = new ConcurrentLinkedDeque<>();
    /** The last screen prompt said the session is recorded (issue 18.6): the sharing notice says so too. */
    private volatile boolean screenRecorded;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final AtomicReference<SatisfactionSurvey> survey = new AtomicReference<>();
    private volatile boolean stdinOpen = true;

    CustomerConsole(VirtualPhone phone, CustomerEvents events, ConsentMode consentMode, FileSaver downloads) {
        this.files = new CustomerFiles(events, downloads);
        this.phone = phone;
        this.events = events;
        this.consentMode = consentMode;
        phone.drawings().listen(new Drawings.Listener() {
            @Override
            public void shown(Mark mark) {
                events.drawing(mark, true);
            }

            @Override
            public void faded(Mark mark) {
                events.drawing(mark, false);
            }

            @Override
            public void hiddenChanged(boolean hidden) {
                events.drawingsHidden(hidden);
            }
        });
    }

    /** Completes once, when the session is over. */
    CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    /** Handles stdin line by line until it ends or the session is over. */
    void readCommands(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while (!outcome.isDone() && (line = reader.readLine()) != null) {
                handle(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read stdin", e);
        } finally {
            stdinOpen = false;
            if (survey.getAndSet(null) != null) {
                outcome.complete(Outcome.sessionEnded()); // no one left to answer it
            }
        }
    }

    /** One line the customer typed. */
    void handle(String line) {
        if (outcome.isDone() || line.isBlank()) {
            return;
        }
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (text.startsWith("//")) {
            say(text.substring(1));
        } else if (text.startsWith("/")) {
            command(text.strip());
        } else {
            say(text);
        }
    }

    private void command(String command) {
        String[] words = command.split("\\s+", 3);
        if (words[0].equalsIgnoreCase("/rate")) {
            rate(words);
            return;
        }
        if (files.command(words)) {
            return;
        }
        switch (command.toLowerCase(Locale.ROOT)) {
            case "/skip" -> skipSurvey();
            case "/yes" -> answerOldest(true);
            case "/no" -> answerOldest(false);
            case "/stop" -> {
                if (!phone.stopSharing()) {
                    events.sharing(false, false, false); // nothing was shared; say so all the same
                }
            }
            case "/quit" -> phone.leave();
            case "/hide-drawings", "/show-drawings" -> {
                if (!phone.hideDrawings(command.equalsIgnoreCase("/hide-drawings"))) {
                    events.error("This phone has no screen to draw on.");
                }
            }
            default -> events.error("Unknown command " + words[0] + ": use /yes, /no, /stop or /quit (after the"
                    + " session, /rate or /skip; for files, /accept-file ID, /decline-file ID or /send-file ID PATH;"
                    + " /hide-drawings or /show-drawings for the technician's drawings), and start a message with //"
                    + " to send a line that begins with /.");
        }
    }

    /** {@code /rate N [comment]}: the answer to the survey of the session that just ended. */
    private void rate(String[] words) {
        SatisfactionSurvey asked = survey.get();
        if (asked == null) {
            events.error("There is no survey to answer: the portal asks one, if at all, when the session is over.");
            return;
        }
        int rating;
        try {
            rating = Integer.parseInt(words.length > 1 ? words[1] : "");
        } catch (NumberFormatException e) {
            rating = 0;
        }
        String comment = words.length > 2 ? words[2] : null;
        if (rating < SatisfactionSurvey.LOWEST || rating > SatisfactionSurvey.HIGHEST) {
            events.error("Answer with /rate and a number from 1 (bad) to 5 (very good), then a comment if you like.");
            return;
        }
        if (comment != null && comment.strip().length() > SatisfactionSurvey.MAX_COMMENT_CHARS) {
            events.error("The comment may be at most " + SatisfactionSurvey.MAX_COMMENT_CHARS + " characters.");
            return;
        }
        if (!survey.compareAndSet(asked, null)) {
            return; // answered or given up meanwhile
        }
        try {
            SatisfactionSurvey.Outcome answered = asked.answer(rating, comment);
            events.surveyAnswered(switch (answered) {
                case THANKED -> "thanked";
                case ALREADY_ANSWERED -> "alreadyAnswered";
                case EXPIRED -> "expired";
            }, rating);
        } catch (IOException e) {
            events.error("The answer could not be sent: " + e.getMessage());
        } finally {
            outcome.complete(Outcome.sessionEnded());
        }
    }

    private void skipSurvey() {
        if (survey.getAndSet(null) == null) {
            events.error("There is no survey to skip.");
            return;
        }
        events.surveyAnswered("skipped", null);
        outcome.complete(Outcome.sessionEnded());
    }

    private void say(String text) {
        try {
            phone.say(text);
        } catch (MessageRefusedException e) {
            events.refusedBeforeSending(e.getMessage());
        }
    }

    private void answerOldest(boolean granted) {
        ConsentPrompt prompt = openPrompts.pollFirst();
        if (prompt == null) {
            events.error("There is no question to answer.");
            return;
        }
        answer(prompt, granted);
    }

    private void answer(ConsentPrompt prompt, boolean granted) {
        if (!phone.answer(prompt.id(), granted)) {
            events.error("The question " + prompt.id() + " was withdrawn before it was answered.");
        }
    }

    // ---- session events, on the session's thread ----

    @Override
    public void joined(ServerMessage.Welcome welcome) {
        events.joined(welcome.session, welcome.technician);
    }

    @Override
    public void reconnecting(int attempt, Duration delay) {
        events.reconnecting(attempt);
    }

    @Override
    public void resumed(ServerMessage.Welcome welcome) {
        events.resumed();
    }

    @Override
    public void chat(ServerMessage.Chat entry) {
        if ("system".equals(entry.sender)) {
            events.system(entry.text, entry.seq);
        } else {
            events.chat(entry.sender, entry.name, entry.text, entry.seq);
        }
    }

    @Override
    public void messageDelivered(long cseq, long seq) {
        events.delivered(cseq, seq);
    }

    @Override
    public void messageRefused(long cseq, String code, String message) {
        events.refused(cseq, message);
    }

    @Override
    public void prompt(ConsentPrompt prompt) {
        if ("screen".equals(prompt.kind().wireName())) {
            screenRecorded = prompt.recorded();
        }
        // Open before it is printed: a script that answers the moment it reads the line finds it.
        if (consentMode == ConsentMode.ASK) {
            openPrompts.addLast(prompt);
        }
        events.prompt(prompt.id(), prompt.kind().wireName(), prompt.text(), prompt.recorded());
        switch (consentMode) {
            case YES -> answer(prompt, true);
            case NO -> answer(prompt, false);
            case ASK -> {
                // answered from stdin
            }
        }
    }

    @Override
    public void sharing(boolean screen, boolean control) {
        events.sharing(screen, control, screen && screenRecorded);
    }

    @Override
    public void promptClosed(String promptId) {
        openPrompts.removeIf(prompt -> prompt.id().equals(promptId));
        events.promptClosed(promptId);
    }

    @Override
    public void surveyOffered(SatisfactionSurvey offered) {
        if (stdinOpen) {
            survey.set(offered);
            events.survey(phone.language().startsWith("es")
                    ? "¿Qué tal ha ido? Responda /rate y un número del 1 (mal) al 5 (muy bien), y un comentario si quiere;"
                            + " o /skip."
                    : "How did it go? Answer /rate and a number from 1 (bad) to 5 (very good), then a comment if you"
                            + " like; or /skip.");
        }
    }

    @Override
    public void transferred(String technician) {
        events.team("transferred", technician);
    }

    @Override
    public void technicianJoined(String technician) {
        events.team("technicianJoined", technician);
    }

    @Override
    public void technicianLeft(String technician) {
        events.team("technicianLeft", technician);
    }

    @Override
    public void fileOffered(FileOffer offer) {
        files.offered(offer);
    }

    @Override
    public void fileRequested(FileRequest request) {
        files.requested(request);
    }

    @Override
    public void fileSaved(String id, String name, String where) {
        files.saved(id, name, where);
    }

    @Override
    public void fileSent(String id, String name) {
        files.sent(id, name);
    }

    @Override
    public void fileFailed(String id, String code, String reason) {
        files.failed(id, code, reason);
    }

    @Override
    public void ended(String by, String reason) {
        events.ended(by, reason);
        if (survey.get() == null) {
            outcome.complete(Outcome.sessionEnded());
            return;
        }
        // The survey waits for its answer on stdin, but not for ever.
        CompletableFuture.delayedExecutor(SURVEY_WAIT.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (survey.getAndSet(null) != null) {
                events.surveyAnswered("skipped", null);
                outcome.complete(Outcome.sessionEnded());
            }
        });
    }

    @Override
    public void refused(TandemStatus status, String reason) {
        if (status == TandemStatus.SESSION_ENDED) {
            // Came back too late: the server ended the session while the phone was away.
            events.ended("server", reason);
            outcome.complete(Outcome.sessionEnded());
            return;
        }
        events.error(reason);
        outcome.complete(new Outcome(status.exitCode(), reason));
    }

    @Override
    public void failed(String message) {
        events.error(message);
        outcome.complete(new Outcome(CONNECTION_FAILURE, message));
    }
}
