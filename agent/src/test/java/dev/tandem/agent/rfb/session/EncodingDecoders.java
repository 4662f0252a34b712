package dev.tandem.agent.rfb.session;

import dev.tandem.agent.rfb.encoding.PixelFormat;
import dev.tandem.agent.rfb.encoding.Rect;
import dev.tandem.agent.rfb.encoding.TightDecoder;
import dev.tandem.agent.rfb.encoding.ZrleDecoder;
import java.util.zip.DataFormatException;

/**
 * The ZRLE and Tight viewer-side decoders of the encoding package's tests, one pair per connection
 * (they keep zlib streams across rectangles, as a real viewer does).
 */
final class EncodingDecoders {
    private final ZrleDecoder zrle = new ZrleDecoder();
    private final TightDecoder tight = new TightDecoder();

    int[] zrle(byte[] payload, Rect r, PixelFormat format) {
        try {
            return zrle.decode(payload, r, format);
        } catch (DataFormatException e) {
            throw new AssertionError("decoding ZRLE " + r + " failed", e);
        }
    }

    int[] tight(byte[] payload, Rect r, PixelFormat format) {
        try {
            return tight.decode(payload, r, format);
        } catch (DataFormatException e) {
            throw new AssertionError("decoding Tight " + r + " failed", e);
        }
    }
}
