package dev.tandem.agent;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.consent.ConsentLedger;
import dev.tandem.agent.consent.ConsentPrompt;
import dev.tandem.protocol.message.AgentMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prompts waiting for the customer, and the answers waiting for a connection. Every answer is
 * recorded in the {@link ConsentLedger} the moment the customer gives it, connected or not.
 * Confined to the session's thread (the ledger itself is thread-safe).
 */
final class ConsentDesk {
    private final ConsentLedger ledger;
    private final Map<String, ConsentPrompt> open = new LinkedHashMap<>();
    private final List<AgentMessage.Answer> unsent = new ArrayList<>();
    private final Map<String, Boolean> answered = new LinkedHashMap<>();

    ConsentDesk(ConsentLedger ledger) {
        this.ledger = ledger;
    }

    /** The prompt to show the customer, or empty when it is already open (asked again after a resume). */
    Optional<ConsentPrompt> ask(String id, ConsentKind kind, String text, boolean recorded) {
        if (open.containsKey(id) || answered.containsKey(id)) {
            return Optional.empty();
        }
        ConsentPrompt prompt = new ConsentPrompt(id, kind, text, recorded);
        open.put(id, prompt);
        return Optional.of(prompt);
    }

    /** The kind of the open prompt {@code id}, or empty. */
    Optional<ConsentKind> kindOf(String id) {
        ConsentPrompt prompt = open.get(id);
        return prompt == null ? Optional.empty() : Optional.of(prompt.kind());
    }

    /** The server withdrew a prompt; true when it was still open. */
    boolean withdraw(String id) {
        return open.remove(id) != null;
    }

    /** Records the customer's answer; the message to send, or empty when no such prompt is open. */
    Optional<AgentMessage.Answer> answer(String id, boolean granted) {
        ConsentPrompt prompt = open.remove(id);
        if (prompt == null) {
            return Optional.empty();
        }
        ledger.record(prompt.kind(), granted);
        answered.put(id, granted);
        return Optional.of(new AgentMessage.Answer(id, granted));
    }

    /**
     * The answer already given to prompt {@code id}, when the server asks it again (its copy of the
     * answer was lost with a connection). The answer is sent again; the ledger is left as it is now,
     * so a stop given since is never undone.
     */
    Optional<AgentMessage.Answer> previousAnswer(String id) {
        Boolean granted = answered.get(id);
        return granted == null ? Optional.empty() : Optional.of(new AgentMessage.Answer(id, granted));
    }

    /**
     * Granted without a question: a portal that shares the screen or reads diagnostics without
     * asking, or diagnostics the customer already allowed in this session (the caller checks which).
     */
    AgentMessage.Answer grantWithoutAsking(String id, ConsentKind kind) {
        ledger.record(kind, true);
        answered.put(id, true);
        return new AgentMessage.Answer(id, true);
    }

    /** Keeps an answer given while disconnected, to send after the next welcome. */
    void holdForNextConnection(AgentMessage.Answer answer) {
        unsent.add(answer);
    }

    List<AgentMessage.Answer> takeHeldAnswers() {
        List<AgentMessage.Answer> held = new ArrayList<>(unsent);
        unsent.clear();
        return held;
    }
}
