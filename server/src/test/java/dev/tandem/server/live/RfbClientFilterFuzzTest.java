package dev.tandem.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Coverage-guided fuzzing of the server's filter on a viewer's RFB bytes: however the bytes are
 * split into frames, the filter passes the same bytes; without control no key, pointer or clipboard
 * message gets through (a second filter finds nothing to drop in what passed); and a malformed
 * stream is refused with a sentence, never another exception.
 */
class RfbClientFilterFuzzTest {

    @FuzzTest(maxDuration = "12s")
    void filteringNeverDependsOnHowBytesAreSplitAndLetsNoInputThroughWithoutControl(FuzzedDataProvider input) {
        boolean control = input.consumeBoolean();
        int[] cuts = input.consumeInts(8);
        byte[] stream = input.consumeRemainingAsBytes();
        byte[] whole = filter(stream, control, new int[0]);
        byte[] pieces = filter(stream, control, cuts);
        if (whole == null || pieces == null) {
            return; // refused as malformed (checked in filter)
        }
        assertThat(pieces).isEqualTo(whole);
        if (!control) {
            RfbClientFilter again = new RfbClientFilter();
            try {
                assertThat(again.accept(ByteBuffer.wrap(whole), false)).isEqualTo(whole);
                assertThat(again.droppedInput()).isZero();
            } catch (ProtocolException e) {
                throw new AssertionError("what passed once must pass again", e);
            }
        }
    }

    /** The bytes the filter passes when {@code stream} arrives cut at {@code cuts}; null if refused. */
    private static byte[] filter(byte[] stream, boolean control, int[] cuts) {
        RfbClientFilter filter = new RfbClientFilter();
        ByteArrayOutputStream passed = new ByteArrayOutputStream();
        int at = 0;
        try {
            for (int cut : cuts) {
                int size = Math.floorMod(cut, 64);
                int end = Math.min(stream.length, at + size);
                passed.writeBytes(filter.accept(ByteBuffer.wrap(stream, at, end - at), control));
                at = end;
            }
            passed.writeBytes(filter.accept(ByteBuffer.wrap(stream, at, stream.length - at), control));
            return passed.toByteArray();
        } catch (ProtocolException refused) {
            assertThat(refused.status()).isEqualTo(TandemStatus.MALFORMED);
            assertThat(refused.getMessage()).isNotBlank().doesNotContain("java.", "Exception");
            return null;
        }
    }
}
