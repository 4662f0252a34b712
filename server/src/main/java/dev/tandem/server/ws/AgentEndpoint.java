package dev.tandem.server.ws;

import dev.tandem.server.LogText;
import dev.tandem.protocol.Limits;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.AgentMessage;
import dev.tandem.protocol.message.WireCodec;
import dev.tandem.server.live.DeviceLink;
import dev.tandem.server.live.LiveSessions;
import dev.tandem.server.net.ClientAddresses;
import io.javalin.websocket.WsConfig;
import dev.tandem.protocol.stream.StreamFrame;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws/agent}: the customer devices' socket (docs/protocol.md section 1). Decodes frames,
 * enforces the handshake and hands everything else to {@link LiveSessions}. A malformed frame
 * closes only the socket that sent it. Thread-safe.
 */
public final class AgentEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(AgentEndpoint.class);
    private final LiveSessions sessions;
    private final WireCodec codec;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Duration handshakeTimeout;
    private final Map<String, DeviceLink> links = new ConcurrentHashMap<>();
    private final ClientAddresses clients;

    public AgentEndpoint(LiveSessions sessions, WireCodec codec, Clock clock, ScheduledExecutorService timers,
                         Duration handshakeTimeout, ClientAddresses clients) {
        this.clients = clients;
        this.sessions = sessions;
        this.codec = codec;
        this.clock = clock;
        this.timers = timers;
        this.handshakeTimeout = handshakeTimeout;
    }

    public void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            DeviceLink link = new DeviceLink(new SocketSender(ctx.session), codec, clients.of(ctx), clock.instant());
            links.put(ctx.sessionId(), link);
            timers.schedule(() -> {
                if (!link.joined() && links.containsKey(ctx.sessionId())) {
                    link.close(TandemStatus.HANDSHAKE_TIMEOUT, TandemStatus.HANDSHAKE_TIMEOUT.message());
                }
            }, handshakeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        });
        ws.onMessage(ctx -> {
            DeviceLink link = links.get(ctx.sessionId());
            if (link == null) {
                return;
            }
            link.heard(clock.instant());
            String frame = ctx.message();
            try {
                if (frame.length() > Limits.MAX_FRAME_BYTES) {
                    throw new ProtocolException(TandemStatus.MALFORMED, "The frame is larger than 64 KiB.");
                }
                AgentMessage message = codec.decodeAgent(frame);
                if (!link.joined()) {
                    if (!(message instanceof AgentMessage.Hello hello)) {
                        throw new ProtocolException(TandemStatus.MALFORMED, "The first frame must be a hello.");
                    }
                    sessions.hello(link, hello);
                } else {
                    sessions.received(link, message);
                }
            } catch (ProtocolException refused) {
                LOG.info("Device at {} refused: {} ({})", LogText.escape(link.address()), refused.status().code(), LogText.escape(refused.getMessage()));
                link.close(refused.status(), refused.getMessage());
            }
        });
        ws.onBinaryMessage(ctx -> {
            DeviceLink link = links.get(ctx.sessionId());
            if (link == null) {
                return;
            }
            link.heard(clock.instant());
            try {
                // Jetty may reuse its buffer once this returns; the relay queues the bytes.
                ByteBuffer data = ctx.data();
                ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data.duplicate()).flip();
                sessions.received(link, StreamFrame.decode(copy));
            } catch (ProtocolException refused) {
                LOG.info("Device at {} refused: {} ({})", LogText.escape(link.address()), refused.status().code(), LogText.escape(refused.getMessage()));
                link.close(refused.status(), refused.getMessage());
            }
        });
        ws.onClose(ctx -> {
            DeviceLink link = links.remove(ctx.sessionId());
            if (link != null) {
                sessions.closed(link);
            }
        });
        ws.onError(ctx -> LOG.debug("Device socket error: {}", String.valueOf(ctx.error())));
    }

    public int connections() {
        return links.size();
    }
}
