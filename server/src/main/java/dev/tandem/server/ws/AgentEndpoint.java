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
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws/agent}: the customer devices' socket (docs/protocol.md section 1). Decodes frames,
 * enforces the handshake and hands everything else to {@link LiveSessions}. A malformed frame
 * closes only the socket that sent it. Thread-safe.
 */
public final class AgentEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(AgentEndpoint.class);
    /**
     * How much of a sharing phone's socket Jetty reads at once. A full screen frame is 64 KiB plus a
     * 14-byte header, so the server-wide 64 KiB buffer split nearly every one in two, and Jetty joined
     * the halves again with a copy; with room for several frames most arrive whole, and fewer reads
     * are made. The buffer is pooled (HttpFront gives the connector a pool that keeps buffers this
     * large) and goes back whenever the socket has nothing left to parse. A socket reads this much
     * from its first screen frame on.
     */
    public static final int READ_BUFFER_BYTES = 256 * 1024;
    /**
     * How much a phone's socket reads at once until it sends a screen frame: chat, acks, heartbeats and
     * log chunks are small text frames. Jetty also starts every text message it assembles with room
     * for this many characters, so 256 KiB here cost 256 KiB of heap per heartbeat and per chat line
     * (two thirds of all the server allocated with 2,000 phones connected); a larger text frame (up to
     * {@link Limits#MAX_FRAME_BYTES}) simply takes several reads.
     */
    public static final int TEXT_READ_BUFFER_BYTES = 4 * 1024;
    /** The most the relay's pool keeps of buffers nobody uses at the moment (more are made when needed). */
    private static final long MAX_IDLE_RELAY_BYTES = 32L << 20;
    /**
     * The buffers a phone's screen frame waits in until its viewer's socket has written it. Jetty's
     * own buffer is only valid until the handler returns, so the frame is copied once, into a pooled
     * direct buffer: nothing is allocated per frame (64 KiB arrays kept the garbage collector busy),
     * and Jetty writes a direct buffer to the viewer's socket as it is, where a heap buffer cost the
     * JDK another copy into a direct one.
     */
    private final ByteBufferPool relayBuffers = new ArrayByteBufferPool(0, -1, -1, Integer.MAX_VALUE, -1,
            MAX_IDLE_RELAY_BYTES);
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
            ctx.session.setInputBufferSize(TEXT_READ_BUFFER_BYTES);
            // A frame cut by the end of a read is completed by the parser rather than handed on in
            // pieces that the message layer would join with a copy.
            ctx.session.setAutoFragment(false);
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
            if (ctx.session.getInputBufferSize() < READ_BUFFER_BYTES) {
                ctx.session.setInputBufferSize(READ_BUFFER_BYTES); // from its next read on
            }
            RetainableByteBuffer lent = copyOut(ctx.data());
            try {
                StreamFrame frame;
                try {
                    frame = StreamFrame.decode(lent.getByteBuffer());
                } catch (ProtocolException malformed) {
                    lent.release();
                    throw malformed;
                }
                // The relay gives the buffer back once the viewer's socket has written it.
                sessions.received(link, frame, lent::release);
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

    /** The frame's bytes in a buffer of the relay's pool; Jetty's own is reused once the handler returns. */
    private RetainableByteBuffer copyOut(ByteBuffer data) {
        RetainableByteBuffer lent = relayBuffers.acquire(data.remaining(), true);
        ByteBuffer bytes = lent.getByteBuffer();
        bytes.clear();
        bytes.put(data.duplicate()).flip();
        return lent;
    }

    public int connections() {
        return links.size();
    }
}
