package dev.tandem.device;

import dev.tandem.agent.SessionListener;
import dev.tandem.agent.consent.ConsentPrompt;
import dev.tandem.device.screen.PhoneUi;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.ServerMessage;
import java.time.Duration;

/**
 * Puts the persistent "your screen is being shared" notification on the virtual phone's own screen
 * while the customer shares it, and passes every session event on to the customer's listener
 * unchanged. Called on the session's thread, like any listener.
 */
final class SharingNotice implements SessionListener {
    private final PhoneUi ui;
    private final SessionListener customer;

    SharingNotice(PhoneUi ui, SessionListener customer) {
        this.ui = ui;
        this.customer = customer;
    }

    @Override
    public void sharing(boolean screen, boolean control) {
        ui.setScreenShared(screen);
        customer.sharing(screen, control);
    }

    @Override
    public void ended(String by, String reason) {
        ui.setScreenShared(false);
        customer.ended(by, reason);
    }

    @Override
    public void joined(ServerMessage.Welcome welcome) {
        customer.joined(welcome);
    }

    @Override
    public void reconnecting(int attempt, Duration delay) {
        customer.reconnecting(attempt, delay);
    }

    @Override
    public void resumed(ServerMessage.Welcome welcome) {
        customer.resumed(welcome);
    }

    @Override
    public void chat(ServerMessage.Chat entry) {
        customer.chat(entry);
    }

    @Override
    public void messageDelivered(long cseq, long seq) {
        customer.messageDelivered(cseq, seq);
    }

    @Override
    public void messageRefused(long cseq, String code, String message) {
        customer.messageRefused(cseq, code, message);
    }

    @Override
    public void prompt(ConsentPrompt prompt) {
        customer.prompt(prompt);
    }

    @Override
    public void promptClosed(String promptId) {
        customer.promptClosed(promptId);
    }

    @Override
    public void refused(TandemStatus status, String reason) {
        customer.refused(status, reason);
    }

    @Override
    public void failed(String message) {
        customer.failed(message);
    }
}
