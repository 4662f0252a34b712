package dev.tandem.server.live;

import dev.tandem.protocol.TandemStatus;
import dev.tandem.protocol.message.ServerMessage;
import dev.tandem.protocol.message.WireCodec;
import dev.tandem.server.net.ClientAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One device's socket: its ordered outbound queue, when it was last heard from, and the session it
 * joined once the handshake is done. Thread-safe.
 */
final class DeviceLink {
    private final SocketSender sender;
    private final WireCodec codec;
    private final ClientAddress address;
    private final Instant openedAt;
    private volatile Instant lastHeard;
    private volatile LiveSession session;
    /** Log uploads in progress on this connection, by upload id; guarded by the session's monitor. */
    final Map<String, LogUploads.Upload> uploads = new HashMap<>();

    DeviceLink(SocketSender sender, WireCodec codec, ClientAddress address, Instant openedAt) {
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

    void close(TandemStatus status, String reason) {
        sender.close(status.closeCode(), reason);
    }

    void close(int code, String reason) {
        sender.close(code, reason);
    }

    void heard(Instant at) {
        lastHeard = at;
    }

    Instant lastHeard() { return lastHeard; }

    Instant openedAt() { return openedAt; }

    ClientAddress address() { return address; }

    LiveSession session() { return session; }

    void joined(LiveSession joined) {
        this.session = joined;
    }
}
