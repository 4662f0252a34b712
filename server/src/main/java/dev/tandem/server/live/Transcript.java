package dev.tandem.server.live;

import dev.tandem.protocol.Limits;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.server.domain.Sender;
import dev.tandem.server.domain.TranscriptEntry;
import dev.tandem.server.events.Events;
import dev.tandem.server.i18n.Catalogue;
import dev.tandem.server.i18n.Language;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.store.MessageKeyStore;
import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.store.MessageStore;
import dev.tandem.server.store.SessionTakenOverException;
import dev.tandem.server.view.MessageView;
import dev.tandem.server.view.Views;
import java.time.Clock;
import java.util.Optional;

/**
 * The transcripts of the live sessions: each entry gets its session's next {@code seq}, is stored
 * and on disk before anyone sees it, then goes to the phone and the consoles, so all three see one
 * order and nothing shown or acknowledged can be taken back by a crash. Every method runs on the
 * session's {@link SessionLoop}; the write waits for the disk there, without any lock held.
 */
final class Transcript {
    private static final Catalogue CATALOGUE = Catalogue.standard();
    private final MessageStore messages;
    private final Events events;
    private final Clock clock;
    /** Forgets a session another node took (its write was fenced); on the session's loop. */
    private final java.util.function.Consumer<LiveSession> moved;

    Transcript(MessageStore messages, Events events, Clock clock, java.util.function.Consumer<LiveSession> moved) {
        this.messages = messages;
        this.events = events;
        this.clock = clock;
        this.moved = moved;
    }

    /** A system line, stored as its phrase and worded for each reader. */
    void systemLine(LiveSession session, Phrase event) {
        append(session, Sender.SYSTEM, "Tandem", CATALOGUE.word(Language.EN, event), event, null);
    }

    TranscriptEntry append(LiveSession session, Sender sender, String name, String text, Phrase event, Long cseq) {
        trustCounters(session);
        TranscriptEntry entry = session.nextEntry(sender, name, text, clock.instant(), event);
        try {
            messages.appendDurably(entry, cseq, session.ownerEpoch);
        } catch (SessionTakenOverException e) {
            session.countersInDoubt = true;
            moved.accept(session);
            throw Rejection.of(ErrorCode.SERVER_UNAVAILABLE, "This session moved to another server; try again in a moment.");
        } catch (RuntimeException e) {
            session.countersInDoubt = true;
            throw e;
        }
        DeviceLink link = session.link;
        if (link != null) {
            link.send(chat(entry, session.customerLanguage));
        }
        events.messageAdded(session.technicianId, session.id, MessageView.of(entry, Language.EN));
        return entry;
    }

    /**
     * A technician's line sent with an idempotency key: stored once however often it is retried, also
     * when the retry reaches this session's next owner after the first one died between storing the
     * line and answering. The key is written down with the seq the line takes before the line itself,
     * so a stored line always has its key; a key whose seq holds no such line (the write failed, and
     * the seq went to another line) is a line never stored, and is stored now.
     */
    TranscriptEntry appendOnce(LiveSession session, String key, String name, String text) {
        MessageKeyStore keys = messages.keys();
        Optional<TranscriptEntry> earlier = keys.seqOf(session.id, key).flatMap(seq -> messages.find(session.id, seq))
                .filter(e -> e.sender() == Sender.TECHNICIAN && e.name().equals(name) && e.text().equals(text));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        trustCounters(session);
        keys.remember(session.id, key, session.peekNextSeq(), clock.instant());
        return append(session, Sender.TECHNICIAN, name, text, null, null);
    }

    /**
     * A chat line from the phone's current connection: stored once per {@code cseq} and acked with
     * its {@code seq}; a {@code cseq} stored already is acked again, a bad line is refused in the ack.
     */
    void customerChat(LiveSession session, DeviceLink link, AgentMessage.Chat chat) {
        if (session.ended || session.link != link) {
            return;
        }
        trustCounters(session);
        if (chat.cseq <= session.lastCseq) {
            Optional<Long> stored = messages.seqOfCustomerMessage(session.id, chat.cseq);
            if (stored.isPresent()) {
                link.send(new ServerMessage.ChatAck(chat.cseq, stored.get(), null));
                return;
            }
            // Never stored (it was refused, or skipped): judge it like a new message.
        }
        String problem = chatProblem(chat.text);
        if (problem != null) {
            String code = chat.text == null || chat.text.isBlank() ? "empty_message" : "message_too_long";
            link.send(new ServerMessage.ChatAck(chat.cseq, null, new ServerMessage.AckError(code, problem)));
            return;
        }
        TranscriptEntry entry = append(session, Sender.CUSTOMER, session.customerName, chat.text, null, chat.cseq);
        session.lastCseq = Math.max(session.lastCseq, chat.cseq);
        link.send(new ServerMessage.ChatAck(chat.cseq, entry.seq(), null));
    }

    /** A resumed phone gets every entry after the last {@code seq} it saw. */
    void replay(LiveSession session, DeviceLink link, long lastSeq) {
        for (TranscriptEntry entry : messages.listAfter(session.id, Math.max(0, lastSeq))) {
            link.send(chat(entry, session.customerLanguage));
        }
    }

    /** After a failed write: the session's numbers as the store has them. */
    private void trustCounters(LiveSession session) {
        if (session.countersInDoubt) {
            session.reload(messages.maxSeq(session.id), messages.maxCseq(session.id));
        }
    }

    /**
     * A transcript entry as the customer's device gets it: a system line in the customer's version of
     * its phrase (nothing internal), worded in {@code language}, with the key and parameters for clients
     * that word it themselves.
     */
    private static ServerMessage.Chat chat(TranscriptEntry entry, Language language) {
        if (entry.event() == null) {
            return new ServerMessage.Chat(entry.seq(), entry.sender().wireName(), entry.name(), entry.text(),
                    Views.iso(entry.at()));
        }
        Phrase shown = CATALOGUE.forCustomer(entry.event());
        return new ServerMessage.Chat(entry.seq(), entry.sender().wireName(), entry.name(),
                CATALOGUE.word(language, shown), Views.iso(entry.at()), shown.key(), shown.params());
    }

    private static String chatProblem(String text) {
        if (text == null || text.isBlank()) {
            return "The message is empty.";
        }
        if (Limits.characters(text) > Limits.MAX_CHAT_CHARS) {
            return "A message can have at most " + Limits.MAX_CHAT_CHARS + " characters; this one has "
                    + Limits.characters(text) + ". Split it up.";
        }
        return null;
    }
}
