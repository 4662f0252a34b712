package dev.tandem.server.live;

import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.server.domain.Sender;
import dev.tandem.server.domain.TranscriptEntry;
import dev.tandem.server.i18n.Language;
import dev.tandem.server.i18n.Phrase;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import dev.tandem.protocol.message.ServerMessage;

/**
 * The in-memory side of one active session: who is on it, the device's current connection, the
 * counters that order its transcript, and each feature's state. Owned by its {@link #loop}: every
 * change happens in a task there, one at a time, which is what makes the transcript order the same
 * as the {@code seq} order. The few fields read from other threads ({@link #link}, {@link #ended},
 * {@link #capabilities}) are volatile and still only written on the loop.
 */
public final class LiveSession {
    final String id;
    /** The session's owner: changed by a transfer (issue 18.2), on the loop. */
    volatile long technicianId;
    volatile String technicianName;
    /** Technicians helping the owner (issue 18.2): they see the chat and the screen. Written on the loop. */
    volatile java.util.List<Long> helpers = java.util.List.of();
    /** Whose viewer's input reaches the phone; 0 means the owner's. Written on the loop. */
    volatile long controlHolder;
    /** The language the portal fixes for its customers; empty when it follows the customer's. */
    final Optional<Language> portalLanguage;
    /** What the customer reads (system lines, questions): the portal's language, else their device's. */
    Language customerLanguage;
    final String portalSlug;
    final String customerName;
    DeviceInfo device;
    volatile Capabilities capabilities;
    private long nextSeq;
    long lastCseq;
    volatile DeviceLink link;
    ScheduledFuture<?> graceTimer;
    volatile boolean ended;
    /**
     * The owner epoch this node's writes carry (issue 16): raised when this node took the session,
     * checked by every transcript write; 0 when the server runs alone (writes are not fenced).
     * Written on the loop.
     */
    volatile long ownerEpoch;
    /** Another node took the session: this node forgot it (set with {@link #ended}). */
    volatile boolean moved;
    final ScreenState screen = new ScreenState();
    final DiagnosticsState diagnostics = new DiagnosticsState();
    final Prompts prompts = new Prompts();
    final SessionLoop loop;

    /** {@code language}: the portal's ({@code en}, {@code es}, or {@code auto} to follow the customer's). */
    LiveSession(String id, long technicianId, String technicianName, String language, String portalSlug,
                String customerName, DeviceInfo device, Capabilities capabilities, long lastSeq, long lastCseq,
                Executor threads) {
        this.loop = new SessionLoop(threads);
        this.id = id;
        this.technicianId = technicianId;
        this.technicianName = technicianName;
        this.portalLanguage = Language.of(language);
        this.customerLanguage = portalLanguage.orElse(Language.EN);
        this.portalSlug = portalSlug;
        this.customerName = customerName;
        this.device = device;
        this.capabilities = capabilities;
        this.nextSeq = lastSeq + 1;
        this.lastCseq = lastCseq;
    }

    /** The seq the next entry takes (an idempotency key is written down with it first). */
    long peekNextSeq() {
        return nextSeq;
    }

    TranscriptEntry nextEntry(Sender sender, String name, String text, Instant at, Phrase event) {
        return new TranscriptEntry(id, nextSeq++, sender, name, text, at, event);
    }

    /** The customer's device said which language it speaks (in its hello); the portal's fixed language wins. */
    void customerSpeaks(String tag) {
        customerLanguage = portalLanguage.or(() -> Language.of(tag)).orElse(Language.EN);
    }

    /**
     * Storing an entry failed, and it may or may not be in the store: the next entry waits until
     * {@link #reload} read the store's numbers, so no {@code seq} is ever given twice.
     */
    boolean countersInDoubt;

    /** The numbers as the store has them (after a failed write). */
    void reload(long lastSeq, long storedLastCseq) {
        this.nextSeq = lastSeq + 1;
        this.lastCseq = storedLastCseq;
        this.countersInDoubt = false;
    }

    /** Sends to the phone when it is connected; what it misses it gets again after its resume. */
    void sendToDevice(ServerMessage message) {
        DeviceLink current = link;
        if (current != null) {
            current.send(message);
        }
    }

    /** Whether {@code userId} is the owner or a helper of this session. */
    boolean onTeam(long userId) {
        return technicianId == userId || helpers.contains(userId);
    }

    /** Whether input from {@code userId}'s viewer may reach the phone (one technician at a time). */
    boolean holdsControl(long userId) {
        long holder = controlHolder;
        return holder == 0 ? technicianId == userId : holder == userId;
    }

    boolean connected() {
        return link != null;
    }

    void cancelGrace() {
        if (graceTimer != null) {
            graceTimer.cancel(false);
            graceTimer = null;
        }
    }
}
