package dev.tandem.server.live;

import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.server.auth.Secrets;
import dev.tandem.server.i18n.Catalogue;
import dev.tandem.server.i18n.Phrase;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The questions a session's customer has not answered yet, for every feature: a prompt is worded in
 * the customer's language, sent when the phone is there and again after every welcome until
 * answered or withdrawn, and its answer goes back to the feature that asked. Confined to the
 * session's {@link SessionLoop}.
 */
final class Prompts {
    private static final Catalogue CATALOGUE = Catalogue.standard();

    /** An open prompt and the feature whose it is. */
    record Open(SessionFeature feature, ServerMessage.Prompt prompt) {
    }

    private final Map<String, Open> open = new LinkedHashMap<>();

    /** Asks the customer {@code question} for {@code feature}; {@code ask == false} only tells them. */
    void ask(LiveSession session, SessionFeature feature, String kind, Phrase question, boolean ask) {
        ask(session, feature, kind, question, ask, false);
    }

    /** As above; {@code recorded}: the prompt tells the phone that the session is recorded (issue 18.6). */
    void ask(LiveSession session, SessionFeature feature, String kind, Phrase question, boolean ask, boolean recorded) {
        ServerMessage.Prompt prompt = new ServerMessage.Prompt(Secrets.id("p"), kind,
                CATALOGUE.word(session.customerLanguage, question), ask, recorded);
        open.put(prompt.id, new Open(feature, prompt));
        session.sendToDevice(prompt);
    }

    /** The prompt {@code id} was answered: it is closed and returned, or null when it is not open. */
    Open answered(String id) {
        return open.remove(id);
    }

    /** The phone (re)connected: every open prompt goes out again. */
    void resend(LiveSession session) {
        for (Open prompt : open.values()) {
            session.sendToDevice(prompt.prompt());
        }
    }

    /** Takes back every open prompt of {@code feature}; the phone hides them. */
    void withdraw(LiveSession session, SessionFeature feature) {
        for (Open prompt : new ArrayList<>(open.values())) {
            if (prompt.feature() == feature) {
                open.remove(prompt.prompt().id);
                session.sendToDevice(new ServerMessage.PromptClosed(prompt.prompt().id));
            }
        }
    }

    /** Forgets every prompt of {@code feature} without telling the phone (the session ended). */
    void forget(SessionFeature feature) {
        for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
            if (it.next().feature() == feature) {
                it.remove();
            }
        }
    }

    /** Whether a prompt of {@code kind} is still open. */
    boolean asking(String kind) {
        return open.values().stream().anyMatch(p -> kind.equals(p.prompt().kind));
    }
}
