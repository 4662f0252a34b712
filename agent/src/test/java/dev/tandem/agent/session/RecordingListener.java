package dev.tandem.agent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tandem.agent.SessionListener;
import dev.tandem.agent.consent.ConsentPrompt;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.ServerMessage;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Writes down every listener call as one short line, in order, and lets a test wait for them. */
final class RecordingListener implements SessionListener {
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    volatile Duration lastReconnectDelay;
    volatile Thread callbackThread;

    private void record(String event) {
        callbackThread = Thread.currentThread();
        events.add(event);
    }

    String next() throws InterruptedException {
        String event = events.poll(ScriptedPeer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            fail("No listener event within " + ScriptedPeer.WAIT.toSeconds() + " s");
        }
        return event;
    }

    void expect(String event) throws InterruptedException {
        assertThat(next()).isEqualTo(event);
    }

    void assertQuietFor(Duration quiet) throws InterruptedException {
        assertThat(events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)).as("an unexpected event").isNull();
    }

    @Override
    public void joined(ServerMessage.Welcome welcome) {
        record("joined " + welcome.session + " with " + welcome.technician);
    }

    @Override
    public void reconnecting(int attempt, Duration delay) {
        lastReconnectDelay = delay;
        record("reconnecting " + attempt);
    }

    @Override
    public void resumed(ServerMessage.Welcome welcome) {
        record("resumed " + welcome.session);
    }

    @Override
    public void chat(ServerMessage.Chat entry) {
        record("chat " + entry.seq + " " + entry.sender + " " + entry.name + ": " + entry.text);
    }

    @Override
    public void messageDelivered(long cseq, long seq) {
        record("delivered " + cseq + " as " + seq);
    }

    @Override
    public void messageRefused(long cseq, String code, String message) {
        record("message refused " + cseq + " " + code + ": " + message);
    }

    @Override
    public void prompt(ConsentPrompt prompt) {
        record("prompt " + prompt.id() + " " + prompt.kind() + ": " + prompt.text());
    }

    @Override
    public void promptClosed(String promptId) {
        record("prompt closed " + promptId);
    }

    @Override
    public void surveyOffered(dev.tandem.agent.SatisfactionSurvey survey) {
        record("survey offered " + survey);
    }

    @Override
    public void ended(String by, String reason) {
        record("ended by " + by + (reason == null ? "" : ": " + reason));
    }

    @Override
    public void refused(TandemStatus status, String reason) {
        record("refused " + status + ": " + reason);
    }

    @Override
    public void failed(String message) {
        record("failed: " + message);
    }
}
