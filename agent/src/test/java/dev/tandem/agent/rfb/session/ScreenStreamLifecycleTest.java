package dev.tandem.agent.rfb.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.rfb.encoding.Frame;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScreenStreamLifecycleTest {

    static Stream<Arguments> malformedMessages() throws IOException {
        byte[] colourMap = new byte[20];
        colourMap[4] = 8;
        colourMap[5] = 8;
        ByteArrayOutputStream oversized = new ByteArrayOutputStream();
        DataOutputStream cut = new DataOutputStream(oversized);
        cut.write(new byte[] {6, 0, 0, 0});
        cut.writeInt(5000);
        cut.write(new byte[5000]);
        return Stream.of(
                Arguments.of("unknown message type", new byte[] {99}, "unknown client message type 99"),
                Arguments.of("colour-map pixel format", colourMap, "colour-map"),
                Arguments.of("oversized cut text", oversized.toByteArray(), "5000 bytes is over the limit of 4096"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedMessages")
    void malformedMessageClosesOnlyThatViewerWithAReason(String what, byte[] message, String reason)
            throws Exception {
        Frame frame = Frames.mixed(200, 200, 1);
        try (StreamFixture fixture = new StreamFixture(frame).grant(ConsentKind.SCREEN)) {
            StreamFixture.Session broken = fixture.connect();
            broken.viewer.handshake();
            TestViewer healthy = fixture.viewer();

            broken.viewer.send(message);

            StreamClosure closure = broken.stream.closed().get(5, TimeUnit.SECONDS);
            assertThat(closure.cause()).isEqualTo(StreamClosure.Cause.PROTOCOL_ERROR);
            assertThat(closure.message()).contains(reason);
            assertThat(broken.viewer.closedWithin(Duration.ofSeconds(2))).isTrue();

            healthy.requestUpdate(false);
            assertThat(healthy.awaitUpdate()).isNotEmpty();
            ScreenStreamUpdatesTest.assertShows(healthy, frame);
        }
    }

    @Test
    void closeEndsTheStreamItsThreadsAndTheViewersConnection() throws Exception {
        try (StreamFixture fixture = new StreamFixture(Frames.mixed(100, 100, 2)).grant(ConsentKind.SCREEN)) {
            StreamFixture.Session session = fixture.connect();
            session.viewer.handshake();
            session.viewer.requestUpdate(false);
            session.viewer.awaitUpdate();
            session.viewer.requestUpdate(true);

            session.stream.close();

            assertThat(session.stream.closed()).isCompleted();
            assertThat(session.stream.closed().get().cause()).isEqualTo(StreamClosure.Cause.CLOSED_BY_AGENT);
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                    t -> t.getName().startsWith(session.stream + "-") && t.isAlive());
            assertThat(session.viewer.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void viewerLeavingEndsTheStream() throws Exception {
        try (StreamFixture fixture = new StreamFixture(Frames.mixed(100, 100, 3))) {
            StreamFixture.Session session = fixture.connect();
            session.viewer.handshake();
            session.viewer.close();

            StreamClosure closure = session.stream.closed().get(5, TimeUnit.SECONDS);
            assertThat(closure.cause()).isIn(StreamClosure.Cause.VIEWER_LEFT, StreamClosure.Cause.CONNECTION_LOST);
        }
    }

    @Test
    void rfb33ViewerIsToldSecurityNoneAndServed() throws Exception {
        Frame frame = Frames.mixed(120, 80, 4);
        try (StreamFixture fixture = new StreamFixture(frame).grant(ConsentKind.SCREEN)) {
            TestViewer viewer = fixture.connect().viewer;
            viewer.in().readFully(new byte[12]);
            viewer.send("RFB 003.003\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(viewer.in().readInt()).as("security type").isEqualTo(1);
            viewer.send(new byte[] {1});
            viewer.readServerInit();

            viewer.requestUpdate(false);
            viewer.awaitUpdate();
            ScreenStreamUpdatesTest.assertShows(viewer, frame);
        }
    }

    @Test
    void greetingThatIsNotRfbClosesTheStreamWithAReason() throws Exception {
        try (StreamFixture fixture = new StreamFixture(Frames.mixed(100, 100, 5))) {
            StreamFixture.Session session = fixture.connect();
            session.viewer.send("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));

            StreamClosure closure = session.stream.closed().get(5, TimeUnit.SECONDS);
            assertThat(closure.cause()).isEqualTo(StreamClosure.Cause.PROTOCOL_ERROR);
            assertThat(closure.message()).contains("VNC viewer");
        }
    }
}
