package dev.tandem.agent.rfb.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.rfb.encoding.Rect;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScreenStreamConsentTest {

    @Test
    void noPixelLeavesThePhoneBeforeScreenConsentAndUpdatesStartOnceGranted() throws Exception {
        Frame frame = Frames.mixed(200, 200, 1);
        try (StreamFixture fixture = new StreamFixture(frame)) {
            TestViewer viewer = fixture.viewer();
            viewer.requestUpdate(false);

            assertThat(viewer.awaitUpdate(Duration.ofMillis(300))).as("update before consent").isNull();

            fixture.consent.record(ConsentKind.SCREEN, false);
            assertThat(viewer.awaitUpdate(Duration.ofMillis(100))).as("update after a decline").isNull();

            fixture.grant(ConsentKind.SCREEN);
            assertThat(viewer.awaitUpdate()).isNotEmpty();
            ScreenStreamUpdatesTest.assertShows(viewer, frame);
        }
    }

    @Test
    void noPixelArrivesAfterTheCustomerStopsSharing() throws Exception {
        Frame frame = Frames.mixed(200, 200, 2);
        try (StreamFixture fixture = new StreamFixture(frame).grant(ConsentKind.SCREEN, ConsentKind.CONTROL)) {
            TestViewer viewer = fixture.viewer();
            viewer.requestUpdate(false);
            viewer.awaitUpdate();
            viewer.requestUpdate(true);

            fixture.consent.stop();
            fixture.screen.show(Frames.paint(frame, Rect.of(0, 0, 100, 100), 0xFFFF0000));
            viewer.requestUpdate(false);

            assertThat(viewer.awaitUpdate(Duration.ofSeconds(1))).as("update after stop").isNull();
        }
    }

    @Test
    void inputIsIgnoredWithoutControlConsent() throws Exception {
        try (StreamFixture fixture = new StreamFixture(Frames.mixed(200, 200, 3)).grant(ConsentKind.SCREEN)) {
            TestViewer viewer = fixture.viewer();
            viewer.pointer(1, 10, 10);
            viewer.pointer(0, 10, 10);
            viewer.key(KeysymInput.ESCAPE);
            viewer.key('a');
            viewer.cutText("hello");
            viewer.sync();

            assertThat(fixture.phone.events()).isEmpty();

            fixture.grant(ConsentKind.CONTROL);
            viewer.key('a');
            viewer.sync();
            fixture.consent.stop();
            fixture.grant(ConsentKind.SCREEN);
            viewer.key('b');
            viewer.sync();

            assertThat(fixture.phone.events()).containsExactly("type a");
        }
    }
}
