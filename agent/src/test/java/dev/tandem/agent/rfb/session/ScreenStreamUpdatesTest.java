package dev.tandem.agent.rfb.session;

import static dev.tandem.agent.rfb.session.TestViewer.COPY_RECT;
import static dev.tandem.agent.rfb.session.TestViewer.DESKTOP_SIZE;
import static dev.tandem.agent.rfb.session.TestViewer.RAW;
import static dev.tandem.agent.rfb.session.TestViewer.TIGHT;
import static dev.tandem.agent.rfb.session.TestViewer.ZRLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.rfb.encoding.PixelFormat;
import dev.tandem.agent.rfb.encoding.Rect;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ScreenStreamUpdatesTest {
    private static final PixelFormat RGB565 = PixelFormat.of(16, 16, false, true, 31, 63, 31, 11, 5, 0);

    @Test
    void handshakeOffersRfb38WithSecurityNoneAndDescribesTheScreen() throws Exception {
        try (StreamFixture fixture = new StreamFixture(Frames.mixed(320, 240, 1))) {
            TestViewer viewer = fixture.viewer();

            assertThat(viewer.serverVersion).isEqualTo("RFB 003.008\n");
            assertThat(viewer.width).isEqualTo(320);
            assertThat(viewer.height).isEqualTo(240);
            assertThat(viewer.serverFormat).isEqualTo(PixelFormat.NATURAL);
            assertThat(viewer.desktopName).isEqualTo("Tandem – samsung SM-S918B");
        }
    }

    static Stream<Arguments> encodingsAndFormats() {
        return Stream.of(RAW, ZRLE, TIGHT).flatMap(encoding -> Stream.of(
                Arguments.of(encoding, PixelFormat.NATURAL), Arguments.of(encoding, RGB565)));
    }

    @ParameterizedTest(name = "encoding {0} in {1}")
    @MethodSource("encodingsAndFormats")
    void fullAndIncrementalUpdatesReproduceTheFrameExactly(int encoding, PixelFormat format) throws Exception {
        Frame first = Frames.mixed(320, 240, 2);
        try (StreamFixture fixture = new StreamFixture(first).grant(ConsentKind.SCREEN)) {
            TestViewer viewer = fixture.viewer();
            viewer.setPixelFormat(format);
            viewer.setEncodings(encoding, RAW);

            viewer.requestUpdate(false);
            List<TestViewer.Received> full = viewer.awaitUpdate();

            assertThat(full).extracting(r -> r.encoding).containsOnly(encoding);
            assertShows(viewer, first);

            Frame second = Frames.paint(Frames.mixed(320, 240, 3), Rect.of(100, 20, 50, 30), 0xFFFF8000);
            fixture.screen.show(second);
            viewer.requestUpdate(true);
            viewer.awaitUpdate();

            assertShows(viewer, second);
        }
    }

    @Test
    void incrementalUpdateSendsOnlyThePixelsThatChanged() throws Exception {
        Frame before = Frames.mixed(320, 240, 4);
        try (StreamFixture fixture = new StreamFixture(before).grant(ConsentKind.SCREEN)) {
            TestViewer viewer = fixture.viewer();
            viewer.setEncodings(ZRLE);
            viewer.requestUpdate(false);
            viewer.awaitUpdate();

            Frame after = Frames.paint(before, Rect.of(70, 70, 8, 8), 0xFF00FF00);
            fixture.screen.show(after);
            viewer.requestUpdate(true);
            List<TestViewer.Received> update = viewer.awaitUpdate();

            // Only the 8x8 square that changed, not the 64x64 tile that found it.
            assertThat(update).isNotEmpty().allSatisfy(r -> assertThat(Rect.of(70, 70, 8, 8).contains(r.rect))
                    .as("%s lies in the changed square", r).isTrue());
            assertShows(viewer, after);
        }
    }

    @Test
    void incrementalRequestWaitsForAChangeInsteadOfSendingEmptyUpdates() throws Exception {
        Frame before = Frames.mixed(200, 200, 5);
        try (StreamFixture fixture = new StreamFixture(before).grant(ConsentKind.SCREEN)) {
            TestViewer viewer = fixture.viewer();
            viewer.requestUpdate(false);
            viewer.awaitUpdate();

            viewer.requestUpdate(true);
            assertThat(viewer.awaitUpdate(Duration.ofMillis(200))).isNull();

            Frame after = Frames.paint(before, Rect.of(0, 0, 10, 10), 0xFFFFFFFF);
            fixture.screen.show(after);
            assertThat(viewer.awaitUpdate()).isNotEmpty();
            assertShows(viewer, after);
        }
    }

    @Test
    void scrollArrivesAsCopyRectAndASmallUpdateWhenTheViewerTakesCopyRect() throws Exception {
        Frame before = Frames.list(256, 480, 0);
        try (StreamFixture fixture = new StreamFixture(before).grant(ConsentKind.SCREEN)) {
            TestViewer viewer = fixture.viewer();
            viewer.setEncodings(ZRLE, COPY_RECT);
            viewer.requestUpdate(false);
            viewer.awaitUpdate();

            Frame scrolled = Frames.list(256, 480, 40);
            fixture.screen.show(scrolled);
            viewer.requestUpdate(true);
            List<TestViewer.Received> update = viewer.awaitUpdate();

            assertThat(update.get(0).encoding).isEqualTo(COPY_RECT);
            long sentPixels = update.stream().filter(r -> r.encoding != COPY_RECT).mapToLong(r -> r.rect.area()).sum();
            assertThat(sentPixels).as("pixels sent besides the copy").isLessThanOrEqualTo(256L * 128);
            assertShows(viewer, scrolled);
        }
    }

    @Test
    void screenSizeChangeIsAnnouncedWithDesktopSizeThenSentInFull() throws Exception {
        try (StreamFixture fixture = new StreamFixture(Frames.mixed(200, 300, 6)).grant(ConsentKind.SCREEN)) {
            TestViewer viewer = fixture.viewer();
            viewer.setEncodings(TIGHT, DESKTOP_SIZE);
            viewer.requestUpdate(false);
            viewer.awaitUpdate();

            Frame rotated = Frames.mixed(300, 200, 7);
            fixture.screen.show(rotated);
            viewer.requestUpdate(true);
            List<TestViewer.Received> resize = viewer.awaitUpdate();

            assertThat(resize).hasSize(1);
            assertThat(resize.get(0).encoding).isEqualTo(DESKTOP_SIZE);
            assertThat(resize.get(0).rect).isEqualTo(Rect.of(0, 0, 300, 200));

            viewer.requestUpdate(true);
            viewer.awaitUpdate();
            assertShows(viewer, rotated);
        }
    }

    @Test
    void viewerWithoutDesktopSizeIsClosedWithAReasonWhenTheScreenChangesSize() throws Exception {
        try (StreamFixture fixture = new StreamFixture(Frames.mixed(200, 300, 8)).grant(ConsentKind.SCREEN)) {
            StreamFixture.Session session = fixture.connect();
            TestViewer viewer = session.viewer.handshake();
            viewer.setEncodings(ZRLE);
            viewer.requestUpdate(false);
            viewer.awaitUpdate();

            fixture.screen.show(Frames.mixed(300, 200, 9));
            viewer.requestUpdate(true);

            StreamClosure closure = session.stream.closed().get(5, TimeUnit.SECONDS);
            assertThat(closure.cause()).isEqualTo(StreamClosure.Cause.SCREEN_RESIZED);
            assertThat(closure.message()).contains("300x200").contains("reconnect");
            assertThat(viewer.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    static void assertShows(TestViewer viewer, Frame frame) {
        assertThat(viewer.width).isEqualTo(frame.width());
        assertThat(viewer.height).isEqualTo(frame.height());
        int[] expected = Frames.packed(frame, viewer.format);
        for (int i = 0; i < expected.length; i++) {
            if (viewer.framebuffer[i] != expected[i]) {
                throw new AssertionError("viewer pixel " + (i % frame.width()) + "," + (i / frame.width()) + " is "
                        + Integer.toHexString(viewer.framebuffer[i]) + ", expected "
                        + Integer.toHexString(expected[i]) + " (" + viewer.format + ")");
            }
        }
    }
}
