package dev.tandem.agent.rfb.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.consent.ConsentLedger;
import dev.tandem.agent.rfb.encoding.Frame;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Coverage-guided fuzzing of the phone's RFB server with whatever a viewer may send after the
 * handshake (RFC 6143 client messages: pixel formats, encodings, update requests, keys, pointer,
 * clipboard). Any input ends at most that one stream, for a named reason; never with an internal
 * error, never hanging. Seeds: {@code ScreenStreamFuzzTestInputs/} next to this class's resources.
 */
class ScreenStreamFuzzTest {
    /** RFB 3.8 version, security type None, shared desktop. */
    private static final byte[] HANDSHAKE = concat("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII), new byte[] {1, 1});
    private static final TestScreen SCREEN = new TestScreen(Frame.wrap(48, 32, stripes(48, 32)));
    private static final StreamSettings SETTINGS = StreamSettings.defaults().withPollInterval(Duration.ofMillis(5));

    @FuzzTest(maxDuration = "12s")
    void anyViewerBytesEndOnlyThatStreamForANamedReason(byte[] viewerBytes) throws Exception {
        ConsentLedger consent = new ConsentLedger();
        consent.record(ConsentKind.SCREEN, true);
        consent.record(ConsentKind.CONTROL, true);
        ScreenStream stream = ScreenStream.start(new ByteArrayInputStream(concat(HANDSHAKE, viewerBytes)),
                OutputStream.nullOutputStream(), SCREEN, new RecordingPhone(), consent, SETTINGS);
        StreamClosure closure = stream.closed().get(10, TimeUnit.SECONDS);
        assertThat(closure.cause()).as(closure.toString()).isNotEqualTo(StreamClosure.Cause.INTERNAL_ERROR);
    }

    private static int[] stripes(int width, int height) {
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | ((i % width) * 5 << 16) | ((i / width) * 7 << 8) | (i % 3 == 0 ? 0xFF : 0);
        }
        return argb;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
