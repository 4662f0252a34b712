package dev.tandem.agent.rfb.session;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.consent.ConsentLedger;
import dev.tandem.agent.rfb.encoding.Frame;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback listener that serves each accepted viewer with a real {@link ScreenStream} over a shared
 * test screen, recording phone and real consent ledger.
 */
final class StreamFixture implements AutoCloseable {
    static final StreamSettings SETTINGS = StreamSettings.defaults()
            .withDesktopName("Tandem – samsung SM-S918B")
            .withPollInterval(Duration.ofMillis(20))
            .withLongPress(Duration.ofMillis(200));

    /** One viewer and the stream serving it. */
    static final class Session {
        final TestViewer viewer;
        final ScreenStream stream;

        Session(TestViewer viewer, ScreenStream stream) {
            this.viewer = viewer;
            this.stream = stream;
        }
    }

    final TestScreen screen;
    /** Every viewer of the fixture watches the same phone, as on a real one. */
    final SharedScreen shared;
    final RecordingPhone phone = new RecordingPhone();
    final ConsentLedger consent = new ConsentLedger();
    private final StreamSettings settings;
    private final ServerSocket listener;
    private final List<Session> sessions = new ArrayList<>();

    StreamFixture(Frame frame) throws IOException {
        this(frame, SETTINGS);
    }

    StreamFixture(Frame frame, StreamSettings settings) throws IOException {
        this.screen = new TestScreen(frame);
        this.shared = SharedScreen.of(screen);
        this.settings = settings;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    StreamFixture grant(ConsentKind... kinds) {
        for (ConsentKind kind : kinds) {
            consent.record(kind, true);
        }
        return this;
    }

    /** A viewer connected to a new stream, not yet through the handshake. */
    Session connect() throws IOException {
        TestViewer viewer = TestViewer.connect(listener.getLocalPort());
        Socket accepted = listener.accept();
        ScreenStream stream = ScreenStream.start(accepted.getInputStream(), accepted.getOutputStream(), shared,
                phone, consent, settings);
        Session session = new Session(viewer, stream);
        sessions.add(session);
        return session;
    }

    /** A viewer through the handshake. */
    TestViewer viewer() throws IOException {
        return connect().viewer.handshake();
    }

    @Override
    public void close() throws IOException {
        for (Session session : sessions) {
            session.stream.close();
            session.viewer.close();
        }
        listener.close();
    }
}
