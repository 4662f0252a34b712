package dev.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.SessionListener;
import dev.tandem.agent.consent.ConsentPrompt;
import dev.tandem.device.DeviceProfile;
import dev.tandem.device.VirtualPhone;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.message.ServerMessage;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A virtual Samsung phone in this JVM, running the real agent, whose customer says yes to everything:
 * it joins with a fresh code, the technician asks for screen and control, and the customer allows
 * both. Thread-safe (the phone is; the listener only completes a future and answers prompts).
 */
final class SharingPhone implements SessionListener, AutoCloseable {
    private final VirtualPhone phone = VirtualPhone.create(DeviceProfile.SAMSUNG);
    private final CompletableFuture<String> session = new CompletableFuture<>();

    private SharingPhone() {
    }

    /** Joins, then has screen and control granted; returns once the server says both are shared. */
    static SharingPhone joinAndShare(String baseUrl, BenchApi tech) throws Exception {
        SharingPhone sharing = new SharingPhone();
        sharing.phone.join(ServerAddress.parse(baseUrl), SessionCode.parse(tech.createCode()).orElseThrow(), "Ana",
                sharing);
        String id = sharing.session.get(10, TimeUnit.SECONDS);
        tech.call("POST", "/api/v1/sessions/" + id + "/screen", "{\"control\":true}", 202);
        sharing.awaitScreenAndControl(tech, id);
        return sharing;
    }

    VirtualPhone phone() { return phone; }

    String session() { return session.join(); }

    @Override
    public void joined(ServerMessage.Welcome welcome) {
        session.complete(welcome.session);
    }

    @Override
    public void prompt(ConsentPrompt prompt) {
        phone.answer(prompt.id(), true);
    }

    @Override
    public void refused(dev.tandem.protocol.TandemStatus status, String reason) {
        session.completeExceptionally(new IllegalStateException("The phone could not join: " + reason));
    }

    @Override
    public void failed(String message) {
        session.completeExceptionally(new IllegalStateException("The phone failed: " + message));
    }

    @Override
    public void close() {
        phone.close();
    }

    private void awaitScreenAndControl(BenchApi tech, String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonNode screen = tech.call("GET", "/api/v1/sessions/" + id + "/screen", null, 200);
        while (!("sharing".equals(screen.path("status").asText()) && screen.path("control").asBoolean())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Screen and control were not granted within 10 s: " + screen);
            }
            Thread.sleep(50);
            screen = tech.call("GET", "/api/v1/sessions/" + id + "/screen", null, 200);
        }
    }
}
