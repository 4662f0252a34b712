package dev.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.consent.ConsentLedger;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.rfb.session.ScreenStream;
import dev.tandem.agent.rfb.session.StreamSettings;
import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.agent.screen.ScreenSource;
import dev.tandem.device.DeviceProfile;
import dev.tandem.device.screen.ImageIoJpegCompressor;
import dev.tandem.device.screen.PhoneUi;
import dev.tandem.device.screen.StaticScreen;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark viewer against the agent's real RFB server over loopback TCP, and against crafted bytes. */
class RfbViewerTest {

    /** A screen whose picture the test replaces, size included. */
    private static final class ChangingScreen implements ScreenSource {
        volatile Frame frame;

        ChangingScreen(Frame frame) {
            this.frame = frame;
        }

        @Override
        public ScreenGeometry geometry() {
            Frame now = frame;
            return ScreenGeometry.natural(ScreenSize.of(now.width(), now.height()));
        }

        @Override
        public Frame capture() { return frame; }
    }

    /** The agent's RFB server on one end of a loopback connection, this viewer on the other. */
    private static RfbViewer served(ScreenSource screen) throws IOException {
        ConsentLedger consent = new ConsentLedger();
        consent.record(ConsentKind.SCREEN, true);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            client.setSoTimeout(10_000);
            Socket served = listener.accept();
            ScreenStream.start(served.getInputStream(), served.getOutputStream(), screen,
                    PhoneUi.create(DeviceProfile.SAMSUNG), consent,
                    StreamSettings.defaults().withJpeg(new ImageIoJpegCompressor()));
            return RfbViewer.over(client.getInputStream(), client.getOutputStream(), client);
        }
    }

    /** Every row different, so that a scroll can be told from a change. */
    private static Frame rows(int width, int height, int firstRow) {
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                argb[y * width + x] = 0xFF000000 | (((y + firstRow) * 7919 + x * 31) & 0xFFFFFF);
            }
        }
        return Frame.wrap(width, height, argb);
    }

    @Test
    void fullUpdatesOfAStaticScreenAreReadToTheirEndInZrleAndRaw() throws Exception {
        BufferedImage picture = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 80);
        g.setColor(Color.BLUE);
        g.fillOval(10, 10, 60, 50);
        g.dispose();
        StaticScreen screen = StaticScreen.of(picture);

        try (RfbViewer viewer = served(screen).handshake(RfbViewer.VIEWER_ENCODINGS)) {
            assertThat(viewer.width()).isEqualTo(120);
            assertThat(viewer.height()).isEqualTo(80);
            for (int i = 0; i < 3; i++) {
                long before = viewer.bytesReceived();
                viewer.requestUpdate(false);
                RfbViewer.Update update = viewer.readUpdate(() -> { });
                assertThat(update.zrle()).isEqualTo(update.rects()).isPositive();
                assertThat(update.wireBytes()).isEqualTo(viewer.bytesReceived() - before);
            }
        }
        try (RfbViewer viewer = served(screen).handshake(RfbViewer.RAW)) {
            viewer.requestUpdate(false);
            RfbViewer.Update update = viewer.readUpdate(() -> { });
            assertThat(update.raw()).isEqualTo(update.rects()).isPositive();
            assertThat(update.wireBytes()).isEqualTo(4 + 12L * update.rects() + 120 * 80 * 4);
        }
    }

    @Test
    void aScrollComesAsCopyRectAndAResizeAsDesktopSizeAndTheStreamStaysInStep() throws Exception {
        ChangingScreen screen = new ChangingScreen(rows(200, 300, 0));
        try (RfbViewer viewer = served(screen).handshake(RfbViewer.VIEWER_ENCODINGS)) {
            viewer.requestUpdate(false);
            assertThat(viewer.readUpdate(() -> { }).zrle()).isPositive();

            screen.frame = rows(200, 300, 40);
            viewer.requestUpdate(true);
            RfbViewer.Update scrolled = viewer.readUpdate(() -> { });
            assertThat(scrolled.copyRect()).isEqualTo(1);
            assertThat(scrolled.zrle()).isPositive();

            screen.frame = rows(320, 180, 0);
            viewer.requestUpdate(true);
            RfbViewer.Update resized = viewer.readUpdate(() -> { });
            assertThat(resized.desktopSize()).isEqualTo(1);
            assertThat(resized.wireBytes()).isEqualTo(16);
            assertThat(viewer.width()).isEqualTo(320);
            assertThat(viewer.height()).isEqualTo(180);

            viewer.requestUpdate(true);
            assertThat(viewer.readUpdate(() -> { }).zrle()).isPositive();
        }
    }

    @Test
    void withContinuousUpdatesThePhonePushesChangesAndTheViewerAnswersItsFences() throws Exception {
        ChangingScreen screen = new ChangingScreen(rows(200, 300, 0));
        try (RfbViewer viewer = served(screen).handshake(RfbViewer.ZRLE, RfbViewer.COPY_RECT, RfbViewer.RAW,
                RfbViewer.FENCE, RfbViewer.CONTINUOUS_UPDATES)) {
            viewer.requestUpdate(false);
            assertThat(viewer.readUpdate(() -> { }).zrle()).isPositive();
            assertThat(viewer.continuous()).as("EndOfContinuousUpdates came before the update").isTrue();
            for (int i = 1; i <= 4; i++) {
                screen.frame = rows(200, 300, i * 3);
                // No request: the change is pushed, and fences answered by the viewer keep it coming.
                assertThat(viewer.readUpdate(() -> { }).rects()).isPositive();
            }
        }
    }

    @Test
    void everyEncodingAndOtherServerMessagesAreSkippedExactly() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        DataOutputStream server = new DataOutputStream(wire);
        server.writeBytes("RFB 003.008\n");
        server.writeByte(1);
        server.writeByte(1);
        server.writeInt(0);
        server.writeShort(4);
        server.writeShort(2);
        server.write(new byte[] {32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 16, 8, 0, 0, 0, 0});
        server.writeInt(6);
        server.writeBytes("Tandem");
        server.writeByte(2); // Bell
        server.writeByte(3); // ServerCutText
        server.write(new byte[3]);
        server.writeInt(5);
        server.writeBytes("hello");
        int start = wire.size();
        server.write(new byte[] {0, 0, 0, 4});
        rect(server, 4, 2, RfbViewer.RAW);
        server.write(new byte[4 * 2 * 4]);
        rect(server, 2, 2, RfbViewer.COPY_RECT);
        server.write(new byte[4]);
        rect(server, 4, 2, RfbViewer.ZRLE);
        server.writeInt(7);
        server.write(new byte[7]);
        rect(server, 8, 6, RfbViewer.DESKTOP_SIZE);
        int end = wire.size();
        server.write(new byte[] {0, 0, 0, 0}); // an empty update right behind

        RfbViewer viewer = RfbViewer.over(new ByteArrayInputStream(wire.toByteArray()), OutputStream.nullOutputStream(),
                () -> { });
        viewer.handshake(RfbViewer.VIEWER_ENCODINGS);
        boolean[] first = new boolean[1];
        RfbViewer.Update update = viewer.readUpdate(() -> first[0] = true);
        assertThat(first[0]).isTrue();
        assertThat(update).isEqualTo(new RfbViewer.Update(4, 1, 1, 1, 0, 0, 1, end - start));
        assertThat(viewer.width()).isEqualTo(8);
        assertThat(viewer.readUpdate(() -> { }).rects()).isZero();
        assertThat(viewer.bytesReceived()).isEqualTo(wire.size());
        assertThat(new String(wire.toByteArray(), 0, 3, StandardCharsets.US_ASCII)).isEqualTo("RFB");
    }

    /** A photo-like screen (many colours: JPEG or gradient), flat cards and text (fills and palettes). */
    private static Frame mixed(int width, int height, int seed) {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (int y = 0; y < height / 2; y++) {
            for (int x = 0; x < width; x++) {
                picture.setRGB(x, y, (x * 255 / width) << 16 | ((y + seed) * 255 / height) << 8 | ((x ^ y) & 0xFF));
            }
        }
        g.setColor(new Color(0x1A73E8));
        g.fillRoundRect(10, height / 2 + 20, width - 20, 60, 20, 20);
        g.setColor(Color.BLACK);
        g.drawString("Wi-Fi " + seed, 20, height - 30);
        g.setColor(Color.GRAY);
        g.drawString("Connected to Home-5G", 20, height - 10);
        g.dispose();
        int[] argb = picture.getRGB(0, 0, width, height, null, 0, width);
        return Frame.wrap(width, height, argb);
    }

    @Test
    void tightUpdatesWithAndWithoutJpegAreReadToTheirEndAndTheStreamStaysInStep() throws Exception {
        int[][] asks = {RfbViewer.NOVNC_ENCODINGS, RfbViewer.TIGHT_LOSSLESS_ENCODINGS};
        for (int[] encodings : asks) {
            boolean jpeg = encodings == RfbViewer.NOVNC_ENCODINGS;
            ChangingScreen screen = new ChangingScreen(mixed(400, 300, 0));
            try (RfbViewer viewer = served(screen).handshake(encodings)) {
                long before = viewer.bytesReceived();
                viewer.requestUpdate(false);
                RfbViewer.Update full = viewer.readUpdate(() -> { });
                assertThat(full.tight()).isEqualTo(full.rects()).isGreaterThan(1);
                assertThat(full.jpeg() > 0).isEqualTo(jpeg);
                assertThat(full.wireBytes()).isEqualTo(viewer.bytesReceived() - before);

                for (int seed = 1; seed <= 3; seed++) {
                    screen.frame = mixed(400, 300, seed * 7);
                    before = viewer.bytesReceived();
                    viewer.requestUpdate(true);
                    RfbViewer.Update changed = viewer.readUpdate(() -> { });
                    assertThat(changed.tight()).isPositive();
                    assertThat(changed.wireBytes()).isEqualTo(viewer.bytesReceived() - before);
                }
                // Still in step: a scroll of rows is a CopyRect plus Tight, a resize a DesktopSize.
                screen.frame = rows(200, 300, 0);
                viewer.requestUpdate(true);
                assertThat(viewer.readUpdate(() -> { }).desktopSize()).isEqualTo(1);
                viewer.requestUpdate(true);
                assertThat(viewer.readUpdate(() -> { }).tight()).isPositive();
                screen.frame = rows(200, 300, 40);
                viewer.requestUpdate(true);
                RfbViewer.Update scrolled = viewer.readUpdate(() -> { });
                assertThat(scrolled.copyRect()).isEqualTo(1);
                assertThat(scrolled.tight()).isPositive();
            }
        }
    }

    @Test
    void everyKindOfTightRectangleIsSkippedExactly() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        DataOutputStream server = new DataOutputStream(wire);
        server.writeBytes("RFB 003.008\n");
        server.writeByte(1);
        server.writeByte(1);
        server.writeInt(0);
        server.writeShort(400);
        server.writeShort(300);
        server.write(new byte[] {32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 16, 8, 0, 0, 0, 0});
        server.writeInt(0);
        int start = wire.size();
        server.write(new byte[] {0, 0, 0, 9});
        rect(server, 400, 300, RfbViewer.TIGHT); // fill: 3-byte TPIXEL
        server.write(new byte[] {(byte) 0x80, 1, 2, 3});
        rect(server, 64, 64, RfbViewer.TIGHT); // JPEG, 2-byte compact length 300
        server.write(new byte[] {(byte) 0x90, (byte) 0xAC, 0x02});
        server.write(new byte[300]);
        rect(server, 300, 300, RfbViewer.TIGHT); // copy filter implied, 3-byte compact length 20000
        server.write(new byte[] {0x01, (byte) 0xA0, (byte) 0x9C, 0x01});
        server.write(new byte[20000]);
        rect(server, 2, 1, RfbViewer.TIGHT); // copy filter named, 6 bytes < 12: raw
        server.write(new byte[] {0x40, 0});
        server.write(new byte[6]);
        rect(server, 16, 4, RfbViewer.TIGHT); // two-colour palette: 2 bytes a row, 8 < 12: raw
        server.write(new byte[] {0x50, 1, 1});
        server.write(new byte[2 * 3 + 8]);
        rect(server, 20, 10, RfbViewer.TIGHT); // two-colour palette: 3 bytes a row, 30: compressed
        server.write(new byte[] {0x50, 1, 1});
        server.write(new byte[2 * 3]);
        server.writeByte(9);
        server.write(new byte[9]);
        rect(server, 10, 10, RfbViewer.TIGHT); // five-colour palette: a byte a pixel, compressed
        server.write(new byte[] {0x60, 1, 4});
        server.write(new byte[5 * 3]);
        server.writeByte(50);
        server.write(new byte[50]);
        rect(server, 10, 10, RfbViewer.TIGHT); // gradient: 3 bytes a pixel, compressed
        server.write(new byte[] {0x70, 2});
        server.writeByte(77);
        server.write(new byte[77]);
        rect(server, 1, 1, RfbViewer.TIGHT); // stream resets in the low bits, fill
        server.write(new byte[] {(byte) 0x8F, 9, 9, 9});
        int end = wire.size();
        server.write(new byte[] {0, 0, 0, 0});

        RfbViewer viewer = RfbViewer.over(new ByteArrayInputStream(wire.toByteArray()), OutputStream.nullOutputStream(),
                () -> { });
        viewer.handshake(RfbViewer.NOVNC_ENCODINGS);
        RfbViewer.Update update = viewer.readUpdate(() -> { });
        assertThat(update).isEqualTo(new RfbViewer.Update(9, 0, 0, 0, 9, 1, 0, end - start));
        assertThat(viewer.readUpdate(() -> { }).rects()).isZero();
        assertThat(viewer.bytesReceived()).isEqualTo(wire.size());
    }

    private static void rect(DataOutputStream out, int w, int h, int encoding) throws IOException {
        out.writeShort(0);
        out.writeShort(0);
        out.writeShort(w);
        out.writeShort(h);
        out.writeInt(encoding);
    }
}
