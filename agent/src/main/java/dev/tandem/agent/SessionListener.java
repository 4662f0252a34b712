package dev.tandem.agent;

import dev.tandem.agent.consent.ConsentPrompt;
import dev.tandem.agent.files.FileOffer;
import dev.tandem.agent.files.FileRequest;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.ServerMessage;
import java.time.Duration;

/**
 * What the customer should see happen in a session. Every method is called on the session's own
 * thread, one at a time and in order: be quick, do not block (a UI posts to its own thread). Calling
 * back into the {@link AgentSession} from here is fine. Every method does nothing by default.
 *
 * <p>Exactly one of {@link #ended}, {@link #refused} and {@link #failed} is called, once, when the
 * session is over, unless the owner called {@link AgentSession#close()} first.
 */
public interface SessionListener {

    /** The server let the device in (first {@code welcome}); the chat screen can open. */
    default void joined(ServerMessage.Welcome welcome) {
    }

    /** The connection dropped; attempt {@code attempt} (1, 2, ...) starts after {@code delay}. */
    default void reconnecting(int attempt, Duration delay) {
    }

    /** The device is back in its session after reconnecting; unconfirmed messages are being re-sent. */
    default void resumed(ServerMessage.Welcome welcome) {
    }

    /** A transcript entry the device had not seen: from the technician, the system or the customer. */
    default void chat(ServerMessage.Chat entry) {
    }

    /** The customer's message {@code cseq} is stored in the transcript as {@code seq}. */
    default void messageDelivered(long cseq, long seq) {
    }

    /** The server refused the customer's message {@code cseq}; it will not be re-sent. */
    default void messageRefused(long cseq, String code, String message) {
    }

    /** The technician's side asks the customer to allow something; answer with {@link AgentSession#answer}. */
    default void prompt(ConsentPrompt prompt) {
    }

    /**
     * What the customer shares changed: show the persistent "your screen is being shared" notice
     * with its stop button while {@code screen} is true (and say whether the technician controls the
     * phone). Called after an answer, a portal that shares without asking, the customer's stop, or
     * the technician giving it back.
     */
    default void sharing(boolean screen, boolean control) {
    }

    /** A prompt was withdrawn and needs no answer any more. */
    default void promptClosed(String promptId) {
    }

    /** The session is over: {@code by} is {@code technician}, {@code customer} or {@code server}. */
    /**
     * The session is over and its portal asks the customer how it went: show the question (1 to 5
     * and a comment) and {@link SatisfactionSurvey#answer} it, off this thread. Heard just before
     * {@link #ended}.
     */
    default void surveyOffered(SatisfactionSurvey survey) {
    }

    default void ended(String by, String reason) {
    }

    // ---- files both ways (docs/files.md) ----

    /**
     * The technician wants to send a file: ask the customer, then {@link FileOffer#accept} with where
     * to save it (Downloads) or {@link FileOffer#decline}. Nothing is downloaded before the accept.
     */
    default void fileOffered(FileOffer offer) {
    }

    /**
     * The technician asks for a file: let the customer pick one (the app's picker) and
     * {@link FileRequest#send} its bytes, or {@link FileRequest#decline}.
     */
    default void fileRequested(FileRequest request) {
    }

    /** An accepted file is whole (its SHA-256 matched) and saved {@code where}. */
    default void fileSaved(String id, String name, String where) {
    }

    /** The picked file arrived whole at the server. */
    default void fileSent(String id, String name) {
    }

    /** A file was refused by the server or could not be saved: {@code code} for programs, {@code reason} for people. */
    default void fileFailed(String id, String code, String reason) {
    }

    /**
     * The server refused the device for good (wrong, used or expired code, rate limit, resume
     * refused, ...). {@code reason} is the server's sentence, or {@code status.message()}.
     */
    default void refused(TandemStatus status, String reason) {
    }

    /** The session could not go on for a reason outside the protocol, e.g. the server cannot be reached. */
    default void failed(String message) {
    }
}
