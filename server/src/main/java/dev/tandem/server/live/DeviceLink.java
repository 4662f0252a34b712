package dev.tandem.server.live;

import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.protocol.message.WireCodec;
import dev.tandem.server.events.Outlet;
import dev.tandem.server.net.ClientAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One device's connection as the core sees it: its {@link Outlet}, when it was last heard from, and
 * the session it joined once the handshake is done. The edge ({@code ws.AgentEndpoint}) makes one
 * per socket. Thread-safe.
 */
public final class DeviceLink {
    private final Outlet sender;
    private final WireCodec codec;
    private final ClientAddress address;
    private final Instant openedAt;
    private volatile Instant lastHeard;
    private volatile LiveSession session;
    /** Log uploads in progress on this connection, by upload id; confined to the session's loop. */
    final Map<String, LogUploads.Upload> uploads = new HashMap<>();

    public DeviceLink(Outlet sender, WireCodec codec, ClientAddress address, Instant openedAt) {
        this.sender = sender;
        this.codec = codec;
        this.address = address;
        this.openedAt = openedAt;
        this.lastHeard = openedAt;
    }

    void send(ServerMessage message) {
        sender.send(codec.encode(message));
    }

    /** A binary frame (a screen stream's bytes) to the device, in order with the text frames. */
    void send(ByteBuffer frame) {
        sender.send(frame);
    }

    public void close(TandemStatus status, String reason) {
        sender.close(status.closeCode(), reason);
    }

    void close(int code, String reason) {
        sender.close(code, reason);
    }

    public void heard(Instant at) {
        lastHeard = at;
    }

    Instant lastHeard() { return lastHeard; }

    Instant openedAt() { return openedAt; }

    public ClientAddress address() { return address; }

    /** Whether the handshake is done (the device joined or resumed a session). */
    public boolean joined() { return session != null; }

    LiveSession session() { return session; }

    void joined(LiveSession joined) {
        this.session = joined;
    }
}
