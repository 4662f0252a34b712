package dev.tandem.agent.sharing;

import dev.tandem.agent.consent.ConsentLedger;
import dev.tandem.agent.rfb.session.ScreenStream;
import dev.tandem.agent.rfb.session.SharedScreen;
import dev.tandem.agent.rfb.session.StreamClosure;
import dev.tandem.protocol.stream.StreamFrame;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone's RFB servers, one {@link ScreenStream} per viewer the server attached (docs/protocol.md
 * section 1.9). The viewer's bytes come in as binary frames and are fed to its stream; the stream's
 * output leaves as binary frames of its id. Every stream checks the customer's {@link ConsentLedger}
 * itself, so nothing here decides what may be seen.
 *
 * <p>Threading: {@link #open}, {@link #deliver}, {@link #close} and {@link #closeAll} are called on
 * the session's thread; the streams run on their own threads and report a stream that ended by
 * itself (a malformed viewer message, a failed capture) to the {@link Ended} callback, from theirs.
 */
public final class ScreenStreams {
    /** How far a viewer's bytes may run ahead of its stream: far more than input and update requests need. */
    static final int VIEWER_BACKLOG_BYTES = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(ScreenStreams.class);

    /** A stream that ended without being asked to, so the server should close its viewer. */
    public interface Ended {
        void ended(long stream, String reason);
    }

    private final ScreenAccess access;
    /** The phone's screen as all its viewers share it (one capture size), or null on a chat-only phone. */
    private final SharedScreen screen;
    private final ConsentLedger consent;
    private final Map<Long, Viewer> viewers = new ConcurrentHashMap<>();

    private ScreenStreams(ScreenAccess access, ConsentLedger consent) {
        this.access = access;
        this.screen = access == null ? null : SharedScreen.of(access.screen());
        this.consent = Objects.requireNonNull(consent, "consent");
    }

    /** Streams over this phone's screen; {@code access} null means a chat-only phone, which opens none. */
    public static ScreenStreams create(ScreenAccess access, ConsentLedger consent) {
        return new ScreenStreams(access, consent);
    }

    /** One viewer's stream and its two byte channels. */
    private static final class Viewer {
        final ViewerBytes in = new ViewerBytes(VIEWER_BACKLOG_BYTES);
        final FrameOutput out;
        ScreenStream stream;

        Viewer(long id, Consumer<ByteBuffer> connection) {
            out = new FrameOutput(id, connection);
        }

        void hangUp() {
            in.close();
            out.close();
        }
    }

    /**
     * Starts an RFB server for viewer {@code stream}, writing its frames to {@code connection}, which
     * must be done with a frame's buffer when it returns (the buffer is filled again).
     *
     * @return empty when it started, or the reason the phone cannot serve it (chat-only, id in use)
     */
    public Optional<String> open(long stream, Consumer<ByteBuffer> connection, Ended ended) {
        if (access == null) {
            return Optional.of("This phone cannot share its screen.");
        }
        Viewer viewer = new Viewer(stream, connection);
        if (viewers.putIfAbsent(stream, viewer) != null) {
            return Optional.of("Stream " + stream + " is already open.");
        }
        viewer.stream = ScreenStream.start(viewer.in, viewer.out, screen, access.input(), consent,
                access.settings());
        viewer.stream.closed().thenAccept(closure -> finished(stream, viewer, closure, ended));
        return Optional.empty();
    }

    /** Bytes from a viewer; dropped when the stream is not open (it may have just closed). */
    public void deliver(StreamFrame frame) {
        Viewer viewer = viewers.get(frame.stream());
        if (viewer == null) {
            return;
        }
        if (!viewer.in.offer(frame.payload())) {
            log.info("Viewer {} sent more than {} bytes ahead of its stream; closing it", frame.stream(),
                    VIEWER_BACKLOG_BYTES);
            viewer.hangUp();
        }
    }

    /** The server says the viewer left: its stream ends (without a report back). */
    public void close(long stream) {
        Viewer viewer = viewers.remove(stream);
        if (viewer != null) {
            viewer.hangUp();
        }
    }

    /** The connection is gone or the session is over: every stream ends. */
    public void closeAll() {
        for (Long stream : viewers.keySet()) {
            close(stream);
        }
    }

    /** How many viewers are being served. */
    public int size() {
        return viewers.size();
    }

    private void finished(long stream, Viewer viewer, StreamClosure closure, Ended ended) {
        viewer.hangUp();
        if (viewers.remove(stream, viewer)) {
            ended.ended(stream, closure.message());
        }
    }
}
