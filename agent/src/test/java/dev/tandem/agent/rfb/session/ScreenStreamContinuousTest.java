package dev.tandem.agent.rfb.session;

import static dev.tandem.agent.rfb.session.TestViewer.RAW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.rfb.encoding.Rect;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Continuous updates pushed without requests, held back by fences a viewer has not answered. */
class ScreenStreamContinuousTest {
    private static final int CONTINUOUS = ContinuousUpdates.PSEUDO_ENCODING;
    private static final int FENCE = ContinuousUpdates.FENCE_PSEUDO_ENCODING;
    private static final int FENCE_REQUEST = 1 << 31;
    private static final Duration QUIET = Duration.ofMillis(300);

    private static Frame changed(int seed) {
        return Frames.paint(Frames.mixed(200, 100, 1), Rect.of(10 * seed, 10, 8, 8), 0xFF000000 | seed * 0x10203);
    }

    /** As noVNC: encodings and a full request; once the server announced the extension, continuous updates on. */
    private static TestViewer continuousViewer(StreamFixture fixture) throws Exception {
        TestViewer viewer = fixture.viewer();
        viewer.setEncodings(RAW, CONTINUOUS, FENCE);
        viewer.requestUpdate(false);
        assertThat(viewer.awaitMessageType(Duration.ofSeconds(5))).as("EndOfContinuousUpdates announces it").isEqualTo(150);
        assertThat(viewer.awaitUpdate()).isNotEmpty();
        viewer.continuousUpdates(true);
        return viewer;
    }

    private static void awaitFence(TestViewer viewer) throws Exception {
        assertThat(viewer.awaitMessageType(Duration.ofSeconds(5))).isEqualTo(248);
        assertThat(viewer.readFenceBody() & FENCE_REQUEST).as("a fence request").isNotZero();
    }

    @Test
    void changesArePushedWithoutRequestsAndAtMostTwoFencesAhead() throws Exception {
        try (StreamFixture fixture = new StreamFixture(Frames.mixed(200, 100, 1)).grant(ConsentKind.SCREEN)) {
            TestViewer viewer = continuousViewer(fixture);

            fixture.screen.show(changed(1));
            assertThat(viewer.awaitUpdate()).as("pushed: no request was sent").isNotEmpty();
            awaitFence(viewer);
            fixture.screen.show(changed(2));
            assertThat(viewer.awaitUpdate()).isNotEmpty();
            awaitFence(viewer);
            assertThat(viewer.framebuffer).isEqualTo(Frames.packed(changed(2), viewer.format));

            fixture.screen.show(changed(3));
            assertThat(viewer.awaitMessageType(QUIET)).as("two fences unanswered: nothing more").isEqualTo(-1);

            viewer.fence(0, new byte[0]);
            assertThat(viewer.awaitUpdate()).as("an answered fence lets the change through").isNotEmpty();
            assertThat(viewer.framebuffer).isEqualTo(Frames.packed(changed(3), viewer.format));
        }
    }

    @Test
    void aViewerThatDoesNotSpeakFencesKeepsAskingForUpdates() throws Exception {
        try (StreamFixture fixture = new StreamFixture(Frames.mixed(200, 100, 1)).grant(ConsentKind.SCREEN)) {
            TestViewer viewer = fixture.viewer();
            viewer.setEncodings(RAW, CONTINUOUS);
            viewer.continuousUpdates(true);
            viewer.requestUpdate(false);
            assertThat(viewer.awaitUpdate()).isNotEmpty();

            fixture.screen.show(changed(3));
            assertThat(viewer.awaitMessageType(QUIET)).as("no EndOfContinuousUpdates, nothing pushed").isEqualTo(-1);
            viewer.requestUpdate(true);
            assertThat(viewer.awaitUpdate()).isNotEmpty();
        }
    }

    @Test
    void disablingIsConfirmedAndAViewersOwnFenceIsAnswered() throws Exception {
        try (StreamFixture fixture = new StreamFixture(Frames.mixed(200, 100, 1)).grant(ConsentKind.SCREEN)) {
            TestViewer viewer = continuousViewer(fixture);
            viewer.continuousUpdates(false);
            assertThat(viewer.awaitMessageType(Duration.ofSeconds(5))).isEqualTo(150);

            viewer.fence(FENCE_REQUEST | 0b11, new byte[] {7, 7});
            assertThat(viewer.awaitMessageType(Duration.ofSeconds(5))).isEqualTo(248);
            assertThat(viewer.readFenceBody()).as("echoed without the request bit").isEqualTo(0b11);

            fixture.screen.show(changed(4));
            assertThat(viewer.awaitMessageType(QUIET)).as("off again: updates only on request").isEqualTo(-1);
        }
    }
}
