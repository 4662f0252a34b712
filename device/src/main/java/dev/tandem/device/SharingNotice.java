package dev.tandem.device;

import dev.tandem.agent.SatisfactionSurvey;
import dev.tandem.agent.SessionListener;
import dev.tandem.agent.files.FileOffer;
import dev.tandem.agent.files.FileRequest;
import dev.tandem.agent.consent.ConsentPrompt;
import dev.tandem.device.diagnostics.VirtualLogs;
import dev.tandem.device.diagnostics.VirtualPermissions;
import dev.tandem.device.screen.PhoneUi;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.ServerMessage;
import java.time.Duration;

/**
 * The phone's own side of the session events: puts the persistent "your screen is being shared"
 * notification on the virtual phone's screen while the customer shares it, keeps the permissions its
 * diagnostics report in step with what the customer allows, writes each event to the
 * agent's log journal ({@link VirtualLogs}), and passes every event on to the customer's listener
 * unchanged. Called on the session's thread, like any listener.
 */
final class SharingNotice implements SessionListener {
    private final PhoneUi ui;
    private final VirtualLogs journal;
    private final VirtualPermissions permissions;
    private final SessionListener customer;

    SharingNotice(PhoneUi ui, VirtualLogs journal, VirtualPermissions permissions, SessionListener customer) {
        this.ui = ui;
        this.journal = journal;
        this.permissions = permissions;
        this.customer = customer;
    }

    @Override
    public void sharing(boolean screen, boolean control) {
        ui.setScreenShared(screen);
        permissions.follow(screen, control);
        journal.record("Sharing changed: screen " + screen + ", control " + control);
        customer.sharing(screen, control);
    }

    @Override
    public void surveyOffered(SatisfactionSurvey survey) {
        customer.surveyOffered(survey);
    }

    @Override
    public void ended(String by, String reason) {
        ui.setScreenShared(false);
        journal.record("Session ended by " + by + (reason == null ? "" : ": " + reason));
        customer.ended(by, reason);
    }

    @Override
    public void joined(ServerMessage.Welcome welcome) {
        journal.record("Joined session " + welcome.session + " with " + welcome.technician + " (portal "
                + welcome.portal + ")");
        customer.joined(welcome);
    }

    @Override
    public void reconnecting(int attempt, Duration delay) {
        journal.record("Connection lost; reconnect attempt " + attempt + " in " + delay.toMillis() + " ms");
        customer.reconnecting(attempt, delay);
    }

    @Override
    public void resumed(ServerMessage.Welcome welcome) {
        journal.record("Resumed session " + welcome.session);
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
        journal.record("Asked: " + prompt.kind().wireName() + " (" + prompt.id() + ")");
        customer.prompt(prompt);
    }

    @Override
    public void promptClosed(String promptId) {
        customer.promptClosed(promptId);
    }

    @Override
    public void fileOffered(FileOffer offer) {
        journal.record("Offered a file: " + offer.name() + " (" + offer.size() + " bytes)");
        customer.fileOffered(offer);
    }

    @Override
    public void fileRequested(FileRequest request) {
        journal.record("Asked for a file (" + request.id() + ")");
        customer.fileRequested(request);
    }

    @Override
    public void fileSaved(String id, String name, String where) {
        journal.record("Saved a file: " + name);
        customer.fileSaved(id, name, where);
    }

    @Override
    public void fileSent(String id, String name) {
        journal.record("Sent a file: " + name);
        customer.fileSent(id, name);
    }

    @Override
    public void fileFailed(String id, String code, String reason) {
        journal.record("A file failed: " + code);
        customer.fileFailed(id, code, reason);
    }

    @Override
    public void refused(TandemStatus status, String reason) {
        journal.record("Refused by the server: " + status.code() + " " + reason);
        customer.refused(status, reason);
    }

    @Override
    public void failed(String message) {
        journal.record("Failed: " + message);
        customer.failed(message);
    }
}
