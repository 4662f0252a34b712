package dev.tandem.agent.rfb.session;

import static dev.tandem.agent.rfb.session.TestViewer.DESKTOP_SIZE;
import static dev.tandem.agent.rfb.session.TestViewer.EXTENDED_DESKTOP_SIZE;
import static dev.tandem.agent.rfb.session.TestViewer.RAW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.rfb.encoding.Rect;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Viewers asking for a frame size (SetDesktopSize), the phone changing size, and input mapped back. */
class ScreenStreamResizeTest {
    private static final Frame PHONE = Frames.mixed(400, 800, 7);

    private static StreamFixture fixture() throws Exception {
        return new StreamFixture(PHONE).grant(ConsentKind.SCREEN, ConsentKind.CONTROL);
    }

    /** A viewer that speaks ExtendedDesktopSize, past its first (full) update. */
    private static TestViewer extendedViewer(StreamFixture fixture) throws Exception {
        TestViewer viewer = fixture.viewer();
        viewer.setEncodings(RAW, EXTENDED_DESKTOP_SIZE);
        viewer.requestUpdate(false);
        List<TestViewer.Received> first = viewer.awaitUpdate();
        assertThat(first.get(0).encoding).as("the server announces the extension first").isEqualTo(EXTENDED_DESKTOP_SIZE);
        assertThat(first.get(0).rect).isEqualTo(Rect.of(0, 0, 400, 800));
        return viewer;
    }

    private static TestViewer.Received sizeAnswer(TestViewer viewer) throws Exception {
        viewer.requestUpdate(true);
        List<TestViewer.Received> update = viewer.awaitUpdate();
        assertThat(update).hasSize(1);
        assertThat(update.get(0).encoding).isEqualTo(EXTENDED_DESKTOP_SIZE);
        return update.get(0);
    }

    @Test
    void aViewerGetsTheSizeItAsksForWithThePhoneFittedInsideAndItsTapsLandOnPhonePixels() throws Exception {
        try (StreamFixture fixture = fixture()) {
            TestViewer viewer = extendedViewer(fixture);

            viewer.setDesktopSize(200, 300);
            TestViewer.Received answer = sizeAnswer(viewer);
            assertThat(answer.rect).as("reason 1 (this viewer), status 0, the new size").isEqualTo(Rect.of(1, 0, 200, 300));
            // Sent before the viewer's next request: still in the old (full-size) frame's pixels.
            viewer.pointer(1, 100, 150);
            viewer.pointer(0, 100, 150);

            viewer.requestUpdate(true);
            viewer.awaitUpdate();
            // 400x800 into 200x300: scale 0.375, a 150x300 picture from x = 25, black bars either side.
            assertThat(viewer.framebuffer[10 * 200 + 5] & 0xFFFFFF).as("a black bar").isZero();
            assertThat(viewer.framebuffer[10 * 200 + 195] & 0xFFFFFF).as("a black bar").isZero();
            assertThat(viewer.framebuffer[150 * 200 + 100] | 0xFF000000).isEqualTo(PHONE.pixel(201, 401));

            viewer.pointer(1, 100, 150);
            viewer.pointer(0, 100, 150);
            viewer.pointer(1, 2, 299);
            viewer.pointer(0, 2, 299);
            viewer.sync();
            assertThat(fixture.phone.events()).containsExactly("tap 100,150", "tap 201,401", "tap 0,798");
        }
    }

    @Test
    void aSizeAtLeastThePhonesBringsBackThePhonesOwnSize() throws Exception {
        try (StreamFixture fixture = fixture()) {
            TestViewer viewer = extendedViewer(fixture);
            viewer.setDesktopSize(200, 300);
            sizeAnswer(viewer);

            viewer.setDesktopSize(1920, 1080 * 2);
            assertThat(sizeAnswer(viewer).rect).isEqualTo(Rect.of(1, 0, 400, 800));
            viewer.requestUpdate(true);
            viewer.awaitUpdate();
            assertThat(viewer.framebuffer).isEqualTo(Frames.packed(PHONE, viewer.format));
        }
    }

    @Test
    void aPhoneThatCannotScaleRefusesAndKeepsItsSize() throws Exception {
        try (StreamFixture fixture = fixture()) {
            fixture.screen.refuseResize();
            TestViewer viewer = extendedViewer(fixture);

            viewer.setDesktopSize(200, 300);
            assertThat(sizeAnswer(viewer).rect).as("status 1: prohibited").isEqualTo(Rect.of(1, 1, 400, 800));
            assertThat(viewer.width).isEqualTo(400);
        }
    }

    @Test
    void anEmptyLayoutIsAnInvalidLayout() throws Exception {
        try (StreamFixture fixture = fixture()) {
            TestViewer viewer = extendedViewer(fixture);
            viewer.out().writeByte(251);
            viewer.out().writeByte(0);
            viewer.out().writeShort(200);
            viewer.out().writeShort(300);
            viewer.out().writeShort(0); // no screens, padding
            viewer.out().flush();

            assertThat(sizeAnswer(viewer).rect).as("status 3").isEqualTo(Rect.of(1, 3, 400, 800));
            assertThat(fixture.screen.resizes()).isZero();
        }
    }

    @Test
    void otherViewersFollowTheSizeAndThePhoneReturnsToItsOwnWhenTheAskingViewerLeaves() throws Exception {
        try (StreamFixture fixture = fixture()) {
            StreamFixture.Session asking = fixture.connect();
            asking.viewer.handshake();
            TestViewer watching = fixture.viewer();
            watching.setEncodings(RAW, DESKTOP_SIZE);
            watching.requestUpdate(false);
            watching.awaitUpdate();

            asking.viewer.setEncodings(RAW, EXTENDED_DESKTOP_SIZE);
            asking.viewer.setDesktopSize(100, 100);
            asking.viewer.requestUpdate(false);
            asking.viewer.awaitUpdate();

            watching.requestUpdate(true);
            List<TestViewer.Received> resized = watching.awaitUpdate();
            assertThat(resized).extracting(r -> r.encoding).containsExactly(DESKTOP_SIZE);
            assertThat(resized.get(0).rect).isEqualTo(Rect.of(0, 0, 100, 100));

            asking.stream.close();
            watching.requestUpdate(true);
            List<TestViewer.Received> back = watching.awaitUpdate();
            assertThat(back.get(0).rect).isEqualTo(Rect.of(0, 0, 400, 800));
        }
    }

    @Test
    void aRotatedPhoneIsFittedAnewIntoTheAskedSizeAndPointerPositionsFollow() throws Exception {
        try (StreamFixture fixture = fixture()) {
            TestViewer viewer = extendedViewer(fixture);
            viewer.setDesktopSize(200, 300);
            sizeAnswer(viewer);
            viewer.requestUpdate(true);
            viewer.awaitUpdate();

            Frame landscape = Frames.mixed(800, 400, 8);
            fixture.screen.show(landscape);
            viewer.requestUpdate(true);
            viewer.awaitUpdate();
            assertThat(viewer.width).as("the frame keeps the viewer's size").isEqualTo(200);
            // 800x400 into 200x300: scale 0.25, a 200x100 picture from y = 100.
            assertThat(viewer.framebuffer[50 * 200 + 100] & 0xFFFFFF).as("a black bar").isZero();

            viewer.requestUpdate(true); // as a viewer does once it has drawn an update
            viewer.pointer(1, 100, 150);
            viewer.pointer(0, 100, 150);
            viewer.sync();
            assertThat(fixture.phone.events()).containsExactly("tap 402,202");
        }
    }

    @Test
    void atItsOwnSizeARotatedPhoneResizesTheViewer() throws Exception {
        try (StreamFixture fixture = fixture()) {
            TestViewer viewer = extendedViewer(fixture);
            fixture.screen.show(Frames.mixed(800, 400, 9));

            TestViewer.Received change = sizeAnswer(viewer);
            assertThat(change.rect).as("reason 0: the server's own change").isEqualTo(Rect.of(0, 0, 800, 400));
            assertThat(viewer.awaitUpdate(Duration.ofMillis(50))).isNull();
        }
    }
}
