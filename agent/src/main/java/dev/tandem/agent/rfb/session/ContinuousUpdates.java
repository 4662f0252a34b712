package dev.tandem.agent.rfb.session;

import dev.tandem.agent.rfb.encoding.ByteSink;
import dev.tandem.agent.rfb.encoding.Rect;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * One viewer's ContinuousUpdates and Fence extensions (RFB community protocol; noVNC and TigerVNC use
 * both): once the viewer enables continuous updates for an area, the phone pushes every change there
 * as it happens instead of waiting for a FramebufferUpdateRequest, saving a round trip per update.
 * Flow control is the Fence extension: every pushed update is followed by a fence request, which the
 * viewer echoes once it has handled everything before it, and at most {@value #MAX_IN_FLIGHT} updates
 * may be unanswered, so a slow viewer (or a slow relay) is never flooded: the next update simply
 * carries everything that changed meanwhile. Offered only to viewers that name both extensions.
 *
 * <p>Not thread-safe: the stream guards it with its lock; the reader thread records what the viewer
 * said, the update thread takes the messages to write.
 */
final class ContinuousUpdates {
    static final int PSEUDO_ENCODING = -313;
    static final int FENCE_PSEUDO_ENCODING = -312;
    /** Server message: EndOfContinuousUpdates (announces support, and confirms a disable). */
    static final int END_OF_CONTINUOUS_UPDATES = 150;
    /** Server and client message: Fence. */
    static final int FENCE = 248;
    static final int FENCE_REQUEST = 1 << 31;
    /** The flags this server handles (it handles every message in order anyway): BlockBefore, BlockAfter, SyncNext. */
    static final int FENCE_FLAGS = 0b111;
    static final int MAX_IN_FLIGHT = 2;
    private static final int MAX_FENCE_PAYLOAD = 64;

    private final Queue<byte[]> toWrite = new ArrayDeque<>();
    private boolean announced;
    private boolean fences;
    private boolean enabled;
    private Rect area;
    private int inFlight;

    /** The viewer's SetEncodings: the first one naming both extensions is answered with EndOfContinuousUpdates. */
    void encodings(boolean continuous, boolean fence) {
        fences = fence;
        if (continuous && fence && !announced) {
            announced = true;
            toWrite.add(new byte[] {(byte) END_OF_CONTINUOUS_UPDATES});
        }
    }

    /** EnableContinuousUpdates: on for {@code region}, or off (then confirmed with EndOfContinuousUpdates). */
    void enable(boolean on, Rect region) {
        if (on && fences) {
            enabled = true;
            area = region;
        } else if (!on && enabled) {
            enabled = false;
            inFlight = 0;
            toWrite.add(new byte[] {(byte) END_OF_CONTINUOUS_UPDATES});
        }
    }

    /** A Fence from the viewer: the echo of one of ours frees a slot; a request of its own is answered. */
    void fence(int flags, byte[] payload) {
        if ((flags & FENCE_REQUEST) == 0) {
            inFlight = Math.max(0, inFlight - 1);
        } else {
            toWrite.add(fenceMessage(flags & FENCE_FLAGS, payload));
        }
    }

    /** The standing request while enabled and a slot is free, else null. */
    UpdateRequest standingRequest() {
        return enabled && inFlight < MAX_IN_FLIGHT ? UpdateRequest.of(area, true) : null;
    }

    boolean enabled() {
        return enabled;
    }

    /** An update went out while enabled: the fence that follows it takes a slot until the viewer echoes it. */
    byte[] sent() {
        inFlight++;
        return fenceMessage(FENCE_REQUEST, new byte[0]);
    }

    /** The next message owed to the viewer (EndOfContinuousUpdates, a fence answer), or null. */
    byte[] nextMessage() {
        return toWrite.poll();
    }

    boolean hasMessages() {
        return !toWrite.isEmpty();
    }

    private static byte[] fenceMessage(int flags, byte[] payload) {
        int length = Math.min(payload.length, MAX_FENCE_PAYLOAD);
        ByteSink message = ByteSink.create(9 + length);
        message.writeU32(FENCE << 24); // type, three bytes of padding
        message.writeU32(flags);
        message.writeByte(length);
        message.write(payload, 0, length);
        return message.toByteArray();
    }
}
