package dev.tandem.agent.rfb.encoding;

/** Viewer side of Raw: width * height PIXELs. */
final class RawDecoder {
    static int[] decode(byte[] payload, Rect r, PixelFormat f) {
        WireReader in = new WireReader(payload);
        int[] pixels = new int[(int) r.area()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = WirePixels.pixel(in, f);
        }
        if (in.remaining() != 0) {
            throw new AssertionError(in.remaining() + " bytes after the Raw pixels");
        }
        return pixels;
    }

    private RawDecoder() {
    }
}
