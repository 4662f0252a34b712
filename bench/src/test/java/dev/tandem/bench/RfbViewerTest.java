package dev.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.consent.ConsentLedger;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.rfb.session.ScreenStream;
import dev.tandem.agent.rfb.session.StreamSettings;
import dev.tandem.agent.screen.ScreenSource;
import dev.tandem.device.DeviceProfile;
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
        public int width() { return frame.width(); }

        @Override
        public int height() { return frame.height(); }

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
                    PhoneUi.create(DeviceProfile.SAMSUNG), consent, StreamSettings.defaults());
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
        assertThat(update).isEqualTo(new RfbViewer.Update(4, 1, 1, 1, 1, end - start));
        assertThat(viewer.width()).isEqualTo(8);
        assertThat(viewer.readUpdate(() -> { }).rects()).isZero();
        assertThat(viewer.bytesReceived()).isEqualTo(wire.size());
        assertThat(new String(wire.toByteArray(), 0, 3, StandardCharsets.US_ASCII)).isEqualTo("RFB");
    }

    private static void rect(DataOutputStream out, int w, int h, int encoding) throws IOException {
        out.writeShort(0);
        out.writeShort(0);
        out.writeShort(w);
        out.writeShort(h);
        out.writeInt(encoding);
    }
}
