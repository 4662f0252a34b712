package dev.tandem.android.screen;

import android.graphics.Bitmap;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.rfb.encoding.JpegCompressor;
import dev.tandem.agent.rfb.encoding.Rect;
import java.io.ByteArrayOutputStream;

/**
 * Tight's JPEG mode on the phone: the platform's libjpeg-turbo through {@code Bitmap.compress}.
 * Stateless and thread-safe: one instance serves every viewer's encoder.
 */
public final class BitmapJpegCompressor implements JpegCompressor {

    @Override
    public byte[] compress(Frame frame, Rect r, int quality) {
        Bitmap bitmap = Bitmap.createBitmap(frame.copyPixels(r), r.width(), r.height(), Bitmap.Config.ARGB_8888);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            if (!bitmap.compress(Bitmap.CompressFormat.JPEG, Math.max(1, Math.min(100, quality)), out)) {
                throw new IllegalStateException("Bitmap.compress refused a " + r.width() + "x" + r.height() + " JPEG");
            }
            return out.toByteArray();
        } finally {
            bitmap.recycle();
        }
    }
}
