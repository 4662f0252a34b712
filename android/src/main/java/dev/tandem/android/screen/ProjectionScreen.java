package dev.tandem.android.screen;

import android.graphics.PixelFormat;
import android.hardware.display.DisplayManager;
import android.hardware.display.VirtualDisplay;
import android.media.Image;
import android.media.ImageReader;
import android.media.projection.MediaProjection;
import android.os.Handler;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.agent.screen.ScreenSource;
import java.util.Arrays;

/**
 * The agent's {@link ScreenSource} on a real phone. Until a MediaProjection is {@link #attach}ed (the
 * customer agreed in Android's own dialog) it shows a black screen of the phone's size; then a
 * VirtualDisplay mirrors the screen into an ImageReader and {@link #capture()} takes the newest image
 * only when one arrived (Android produces none while nothing changes), so an idle screen costs
 * nothing. Thread-safe: the stream's update thread captures while the service attaches and detaches.
 */
public final class ProjectionScreen implements ScreenSource {
    private static final int MAX_IMAGES = 2;

    private final int width;
    private final int height;
    private final int densityDpi;
    private final Frame black;
    private Frame last;
    private ImageReader reader;
    private VirtualDisplay display;

    public ProjectionScreen(int width, int height, int densityDpi) {
        this.width = width;
        this.height = height;
        this.densityDpi = densityDpi;
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, 0xFF000000);
        this.black = Frame.wrap(width, height, pixels);
        this.last = black;
    }

    /** Starts mirroring the screen through {@code projection}; {@code handler} runs the projection's callbacks. */
    public synchronized void attach(MediaProjection projection, Handler handler) {
        detach();
        reader = ImageReader.newInstance(width, height, PixelFormat.RGBA_8888, MAX_IMAGES);
        display = projection.createVirtualDisplay("Tandem", width, height, densityDpi,
                DisplayManager.VIRTUAL_DISPLAY_FLAG_AUTO_MIRROR, reader.getSurface(), null, handler);
    }

    /** Stops mirroring; the screen is black again until the next {@link #attach}. */
    public synchronized void detach() {
        if (display != null) {
            display.release();
            display = null;
        }
        if (reader != null) {
            reader.close();
            reader = null;
        }
        last = black;
    }

    public synchronized boolean isAttached() {
        return reader != null;
    }

    /**
     * Always the phone's own size for now: {@link ScreenSource#resize} is not implemented here yet, so
     * a viewer asking for another size is told it is refused and keeps the full-size picture.
     */
    @Override
    public ScreenGeometry geometry() {
        return ScreenGeometry.natural(ScreenSize.of(width, height));
    }

    @Override
    public synchronized Frame capture() {
        if (reader == null) {
            return last;
        }
        Image image;
        try {
            image = reader.acquireLatestImage();
        } catch (IllegalStateException tooManyImages) {
            return last;
        }
        if (image == null) {
            return last; // nothing new since the last capture: the same instance, as ScreenSource asks
        }
        try {
            Image.Plane plane = image.getPlanes()[0];
            last = Frame.wrap(width, height,
                    RgbaPixels.toArgb(plane.getBuffer(), width, height, plane.getPixelStride(), plane.getRowStride()));
            return last;
        } finally {
            image.close();
        }
    }
}
