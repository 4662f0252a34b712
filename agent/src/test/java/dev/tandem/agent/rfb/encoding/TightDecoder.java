package dev.tandem.agent.rfb.encoding;

import java.util.zip.DataFormatException;

/**
 * Viewer side of Tight without JPEG: fill, basic compression with the copy, palette and gradient
 * filters (gradient for 3-byte TPIXELs, as noVNC and TigerVNC take it), four
 * zlib streams kept for the whole connection and reset when the control byte says so.
 */
public final class TightDecoder {
    private final ZlibReader[] streams = {new ZlibReader(), new ZlibReader(), new ZlibReader(), new ZlibReader()};
    /** How many rectangles used fill, copy, bitmap and indexed palette. */
    int fills;
    int copies;
    int bitmaps;
    int indexed;
    int gradients;

    /** Which of the four zlib streams inflated data, as bits 0..3. */
    int streamsUsed;

    public int[] decode(byte[] payload, Rect r, PixelFormat f) throws DataFormatException {
        WireReader in = new WireReader(payload);
        int[] pixels = read(in, r, f, false);
        if (in.remaining() != 0) {
            throw new AssertionError(in.remaining() + " bytes after the Tight rectangle");
        }
        return pixels;
    }

    /**
     * The next rectangle's payload from {@code in}, which holds more after it: its pixels, or null for
     * a JPEG piece (its bytes are read and checked to be a JPEG of the rectangle's size).
     */
    int[] decodeNext(WireReader in, Rect r, PixelFormat f) throws DataFormatException {
        return read(in, r, f, true);
    }

    private int[] read(WireReader in, Rect r, PixelFormat f, boolean jpegAllowed) throws DataFormatException {
        int control = in.u8();
        for (int s = 0; s < 4; s++) {
            if ((control & (1 << s)) != 0) {
                streams[s].reset();
            }
        }
        int kind = control >>> 4;
        int count = (int) r.area();
        int[] pixels = new int[count];
        if (kind == 8) {
            fills++;
            java.util.Arrays.fill(pixels, WirePixels.tpixel(in, f));
        } else if (kind == 9) {
            if (!jpegAllowed) {
                throw new AssertionError("JPEG in a lossless Tight stream");
            }
            byte[] jpeg = in.bytes(compactLength(in));
            try {
                java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
                if (image == null || image.getWidth() != r.width() || image.getHeight() != r.height()) {
                    throw new AssertionError("the JPEG of " + r + " is not a picture of its size");
                }
            } catch (java.io.IOException e) {
                throw new AssertionError("the JPEG of " + r + " does not decode", e);
            }
            return null;
        } else if (kind > 9 || (kind & 8) != 0) {
            throw new AssertionError("Tight compression " + kind + " is not basic, fill or JPEG");
        } else {
            int stream = kind & 3;
            int filter = (kind & 4) != 0 ? in.u8() : 0;
            if (filter == 0) {
                copies++;
                int tp = tpixelBytes(f);
                WireReader data = new WireReader(data(in, stream, count * tp));
                for (int i = 0; i < count; i++) {
                    pixels[i] = WirePixels.tpixel(data, f);
                }
            } else if (filter == 1) {
                int size = in.u8() + 1;
                int[] palette = new int[size];
                for (int i = 0; i < size; i++) {
                    palette[i] = WirePixels.tpixel(in, f);
                }
                if (size == 2) {
                    bitmaps++;
                    int rowBytes = (r.width() + 7) / 8;
                    byte[] bits = data(in, stream, rowBytes * r.height());
                    for (int y = 0; y < r.height(); y++) {
                        for (int x = 0; x < r.width(); x++) {
                            int bit = (bits[y * rowBytes + x / 8] >>> (7 - x % 8)) & 1;
                            pixels[y * r.width() + x] = palette[bit];
                        }
                    }
                } else {
                    indexed++;
                    byte[] indices = data(in, stream, count);
                    for (int i = 0; i < count; i++) {
                        int index = indices[i] & 0xFF;
                        if (index >= size) {
                            throw new AssertionError("palette index " + index + " of " + size);
                        }
                        pixels[i] = palette[index];
                    }
                }
            } else if (filter == 2) {
                gradients++;
                if (tpixelBytes(f) != 3) {
                    throw new AssertionError("gradient filter for a format without 3-byte TPIXELs: " + f);
                }
                byte[] diffs = data(in, stream, count * 3);
                int w = r.width();
                int[] rgb = new int[count * 3];
                for (int i = 0; i < count; i++) {
                    int x = i % w;
                    for (int c = 0; c < 3; c++) {
                        int left = x > 0 ? rgb[(i - 1) * 3 + c] : 0;
                        int up = i >= w ? rgb[(i - w) * 3 + c] : 0;
                        int upLeft = x > 0 && i >= w ? rgb[(i - w - 1) * 3 + c] : 0;
                        int prediction = Math.max(0, Math.min(255, left + up - upLeft));
                        rgb[i * 3 + c] = (diffs[i * 3 + c] + prediction) & 0xFF;
                    }
                    pixels[i] = (rgb[i * 3] << f.redShift()) | (rgb[i * 3 + 1] << f.greenShift())
                            | (rgb[i * 3 + 2] << f.blueShift());
                }
            } else {
                throw new AssertionError("Tight filter " + filter + " was not expected");
            }
        }
        return pixels;
    }

    private static int tpixelBytes(PixelFormat f) {
        return f.trueColour() && f.bitsPerPixel() == 32 && f.depth() == 24 && f.redMax() == 255
                && f.greenMax() == 255 && f.blueMax() == 255 ? 3 : f.bitsPerPixel() / 8;
    }

    private byte[] data(WireReader in, int stream, int length) throws DataFormatException {
        if (length < 12) {
            return in.bytes(length);
        }
        int compressedLength = compactLength(in);
        streamsUsed |= 1 << stream;
        return streams[stream].inflateExactly(in.bytes(compressedLength), length);
    }

    static int compactLength(WireReader in) {
        int b = in.u8();
        int length = b & 0x7F;
        if ((b & 0x80) != 0) {
            b = in.u8();
            length |= (b & 0x7F) << 7;
            if ((b & 0x80) != 0) {
                length |= in.u8() << 14;
            }
        }
        return length;
    }
}
