package dev.tandem.bench;

import dev.tandem.agent.AgentSession;
import dev.tandem.agent.MessageRefusedException;
import dev.tandem.agent.ServerAddress;
import dev.tandem.agent.SessionListener;
import dev.tandem.agent.SessionRequest;
import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.Capability;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.protocol.message.ServerMessage;
import java.util.concurrent.CompletableFuture;

/**
 * A phone running the real customer agent that answers every technician message with "echo:" + text.
 * Its WebSocket is one of the benchmark's {@link SharedTransport}.
 */
final class EchoDevice implements SessionListener, AutoCloseable {
    static final String PREFIX = "echo:";
    private final CompletableFuture<String> joined = new CompletableFuture<>();
    private AgentSession session;

    static EchoDevice join(String baseUrl, String code, String name) {
        EchoDevice device = new EchoDevice();
        SessionRequest request = SessionRequest.join(ServerAddress.parse(baseUrl), SessionCode.parse(code).orElseThrow(),
                name, new DeviceInfo("samsung", "SM-S918B", "14", 34, "samsung"),
                new Capabilities(Capability.available(), Capability.available(), Capability.available(),
                        Capability.available()));
        device.session = AgentSession.create(request, device, SharedTransport.INSTANCE);
        device.session.start();
        return device;
    }

    CompletableFuture<String> joined() { return joined; }

    @Override
    public void joined(ServerMessage.Welcome welcome) {
        joined.complete(welcome.session);
    }

    @Override
    public void chat(ServerMessage.Chat entry) {
        if ("technician".equals(entry.sender)) {
            try {
                session.send(PREFIX + entry.text);
            } catch (MessageRefusedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void refused(dev.tandem.protocol.TandemStatus status, String reason) {
        joined.completeExceptionally(new IllegalStateException(reason));
    }

    @Override
    public void failed(String message) {
        joined.completeExceptionally(new IllegalStateException(message));
    }

    @Override
    public void close() {
        session.close();
    }
}
